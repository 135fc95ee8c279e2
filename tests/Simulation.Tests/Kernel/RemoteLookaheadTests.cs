using FgsActors.Simulation.Events;
using FgsActors.Simulation.Kernel;
using FgsActors.Simulation.Tests.Kernel.Support;

namespace FgsActors.Simulation.Tests.Kernel;

/// <summary>
/// A model may declare a remote lookahead longer than its lookahead when its short hops stay inside a
/// partition (<see cref="ISimulationModel.KeepsWithPrevious"/>): windows get longer, results stay the same,
/// and a short message that would cross partitions is a violation.
/// </summary>
public class RemoteLookaheadTests
{
    private const long L = 3;
    private const long R = 40;

    private static PairedModelSettings Paired(long declaredRemote, bool keepPairs, int pairs = 12, ulong seed = 2024) =>
        new(pairs, L, R, EndTime: 30 * R, seed, declaredRemote, keepPairs);

    private static void AssertSameResult(KernelResult expected, KernelResult actual, string label)
    {
        Assert.True(expected with { Windows = 0 } == actual with { Windows = 0 }, $"{label}: expected {expected}, got {actual}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void LongRemoteLookaheadGivesTheSameEventLogsAsRemoteLookaheadEqualToLookahead(int partitions)
    {
        // The plain reference: one heap, no partitions.
        var referenceModel = new PairedModel(Paired(declaredRemote: L, keepPairs: false));
        var reference = SequentialReference.Run(referenceModel);

        // RemoteLookahead = Lookahead, pairs kept together and (a different placement) free to split.
        var shortKept = new PairedModel(Paired(declaredRemote: L, keepPairs: true));
        var shortKeptResult = LocalKernel.Run(shortKept, partitions);
        var shortFree = new PairedModel(Paired(declaredRemote: L, keepPairs: false));
        var shortFreeResult = LocalKernel.Run(shortFree, partitions);

        // The long remote lookahead the model really has: pairs must stay together.
        var longKept = new PairedModel(Paired(declaredRemote: R, keepPairs: true));
        var longKeptResult = LocalKernel.Run(longKept, partitions);

        EventLog.AssertSame(referenceModel.Log, shortKept.Log, $"R=L, pairs kept, partitions={partitions}");
        EventLog.AssertSame(referenceModel.Log, shortFree.Log, $"R=L, pairs free, partitions={partitions}");
        EventLog.AssertSame(shortKept.Log, longKept.Log, $"R={R}, pairs kept, partitions={partitions}");
        Assert.Equal(reference.Events, longKeptResult.Events);
        Assert.Equal(reference.Digest, longKeptResult.EventDigest);
        Assert.Equal(reference.LastEventTime, longKeptResult.LastEventTime);
        AssertSameResult(shortKeptResult, longKeptResult, $"partitions={partitions}");
        AssertSameResult(shortFreeResult, longKeptResult, $"partitions={partitions}");

        if (Placement.For(longKept, partitions).Partitions > 1)
        {
            // The windows use the remote lookahead: far fewer of them than with the short one.
            Assert.True(longKeptResult.Windows < shortKeptResult.Windows,
                $"partitions={partitions}: {longKeptResult.Windows} windows with R={R}, {shortKeptResult.Windows} with R={L}");
        }
        else
        {
            Assert.Equal(1, longKeptResult.Windows);
        }
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(4, 2)]
    [InlineData(9, 4)]
    [InlineData(20, 11)]
    [InlineData(30, 64)]
    public void OtherSizesAndSeedsAgreeWithTheReferenceOnEveryLayout(int pairs, int extraPartitions)
    {
        var seed = (ulong)(pairs * 7919 + extraPartitions);
        var referenceModel = new PairedModel(Paired(declaredRemote: L, keepPairs: false, pairs, seed));
        var reference = SequentialReference.Run(referenceModel);
        foreach (var partitions in new[] { 1, 2, 3, 7, extraPartitions })
        {
            var model = new PairedModel(Paired(declaredRemote: R, keepPairs: true, pairs, seed));
            var result = LocalKernel.Run(model, partitions);
            EventLog.AssertSame(referenceModel.Log, model.Log, $"{model.Settings} partitions={partitions}");
            Assert.Equal(reference.Events, result.Events);
            Assert.Equal(reference.Digest, result.EventDigest);
        }
    }

    [Fact]
    public void PairedModelExercisesShortHopsRemoteMessagesAndTies()
    {
        // Guards the value of the equivalence checks above.
        var model = new PairedModel(Paired(declaredRemote: R, keepPairs: true));
        var result = LocalKernel.Run(model, 3);
        Assert.True(result.Events > 1_000, $"only {result.Events} events");
        var all = Enumerable.Range(0, model.EntityCount).SelectMany(e => model.Log.For(e).Select(ev => (Entity: e, Ev: ev))).ToList();
        var hops = all.Where(x => x.Ev.Kind == PairedModel.HopKind).ToList();
        Assert.True(hops.Count > 200, $"only {hops.Count} hops");
        Assert.All(hops, x => Assert.Equal(PairedModel.PartnerOf(x.Entity), x.Ev.Source));
        // Remote messages between entities that are not partners, some of them crossing partitions.
        var placement = Placement.For(model, 3);
        Assert.Contains(all, x => x.Ev.Kind is PairedModel.RemoteKind or PairedModel.TiedRemoteKind
            && x.Ev.Source != x.Entity && placement.PartitionOf(x.Ev.Source) != placement.PartitionOf(x.Entity));
        Assert.Contains(all.GroupBy(x => (x.Entity, x.Ev.Time)), g => g.Select(x => x.Ev.Source).Distinct().Count() > 1);
    }

    [Fact]
    public void SplittingPairsUnderALongRemoteLookaheadIsCaught()
    {
        // 25 entities on 3 partitions: proportional blocks start at 8 and 16, splitting pairs 7-8 and 15-16.
        var model = new PairedModel(Paired(declaredRemote: R, keepPairs: false));
        Assert.Equal(8, new Placement(model.EntityCount, 3).FirstEntity(1));

        var ex = Assert.Throws<KernelViolationException>(() => LocalKernel.Run(model, 3));

        Assert.Contains("another partition", ex.Message);
        Assert.Contains($"below the remote lookahead of {R} ticks", ex.Message);
    }

    /// <summary>
    /// Four entities; entity <paramref name="actor"/> wakes at t=5 and runs <paramref name="action"/>.
    /// </summary>
    private static KernelResult RunWithAction(Action<IEventContext> action, int partitions, Func<int, bool>? keeps = null, int actor = 0)
    {
        var model = new RemoteModel(4, L, R, keeps,
            onStart: ctx => { if (ctx.Self == actor) ctx.Schedule(5, kind: 1); },
            onEvent: (ev, ctx) => { if (ev.Kind == 1) action(ctx); });
        return LocalKernel.Run(model, partitions);
    }

    [Fact]
    public void CrossPartitionSendBelowTheRemoteLookaheadIsAViolationThatSaysSo()
    {
        // Two partitions: 0-1 and 2-3.
        var ex = Assert.Throws<KernelViolationException>(() => RunWithAction(ctx => ctx.Send(2, R - 1, kind: 2), partitions: 2));

        Assert.Contains("entity 0 sent a message to 2 on another partition at t=5", ex.Message);
        Assert.Contains($"delay {R - 1} ticks", ex.Message);
        Assert.Contains($"below the remote lookahead of {R} ticks", ex.Message);
    }

    [Theory]
    [InlineData(L)]
    [InlineData(R - 1)]
    public void CrossPartitionSendBelowTheRemoteLookaheadDuringStartIsAViolation(long delay)
    {
        var model = new RemoteModel(4, L, R, keeps: null, onStart: ctx => { if (ctx.Self == 1) ctx.Send(3, delay, kind: 2); });

        var ex = Assert.Throws<KernelViolationException>(() => LocalKernel.Run(model, 2));

        Assert.Contains("remote lookahead", ex.Message);
    }

    [Fact]
    public void CrossPartitionSendAtExactlyTheRemoteLookaheadIsAllowed()
    {
        var result = RunWithAction(ctx => ctx.Send(2, R, kind: 2), partitions: 2);

        Assert.Equal(2, result.Events);
        Assert.Equal(5 + R, result.LastEventTime);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void SamePartitionSendNeedsOnlyTheLookahead(int partitions)
    {
        var result = RunWithAction(ctx => ctx.Send(1, L, kind: 2), partitions);

        Assert.Equal(2, result.Events);
        Assert.Equal(5 + L, result.LastEventTime);
    }

    [Fact]
    public void SendBelowTheLookaheadIsStillAViolationInsideAPartition()
    {
        var ex = Assert.Throws<KernelViolationException>(() => RunWithAction(ctx => ctx.Send(1, L - 1, kind: 2), partitions: 2));

        Assert.Contains($"below the lookahead of {L} ticks", ex.Message);
    }

    [Fact]
    public void KeptEntitiesShareAPartitionSoTheirShortHopIsAllowed()
    {
        // Entity 2 keeps with 1: the second block moves from 2 to 3, and 1 -> 2 stays inside partition 0.
        static bool Keeps(int id) => id == 2;
        Assert.Equal(3, Placement.For(new RemoteModel(4, L, R, Keeps), 2).FirstEntity(1));

        var result = RunWithAction(ctx => ctx.Send(2, L, kind: 2), partitions: 2, keeps: Keeps, actor: 1);
        Assert.Equal(2, result.Events);

        // Without the request the same hop crosses partitions.
        Assert.Throws<KernelViolationException>(() => RunWithAction(ctx => ctx.Send(2, L, kind: 2), partitions: 2, actor: 1));
    }

    [Theory]
    [InlineData(L - 1)]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(-5)]
    public void PartitionEngineRejectsARemoteLookaheadBelowTheLookahead(long remote)
    {
        var model = new RemoteModel(4, L, remote, keeps: null);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new PartitionEngine(0, model, new Placement(4, 2)));
        Assert.Contains($"the remote lookahead must be at least the lookahead ({L} ticks)", ex.Message);

        Assert.Throws<ArgumentOutOfRangeException>(() => LocalKernel.Run(model, 1));
    }

    [Fact]
    public void PartitionEngineAcceptsARemoteLookaheadEqualToTheLookahead()
    {
        var engine = new PartitionEngine(1, new RemoteModel(4, L, L, keeps: null), new Placement(4, 2));

        Assert.Equal(L, engine.RemoteLookahead);
    }

    [Fact]
    public void DefaultsAreTheLookaheadAndNoKeptEntities()
    {
        ISimulationModel model = new ScriptedModel(5, L, 100);

        Assert.Equal(L, model.RemoteLookahead);
        Assert.All(Enumerable.Range(0, 5), id => Assert.False(model.KeepsWithPrevious(id)));
        Assert.Equal(L, new PartitionEngine(0, model, Placement.For(model, 2)).RemoteLookahead);
    }

    /// <summary>A scripted model with a remote lookahead and an optional keep-with-previous rule.</summary>
    private sealed class RemoteModel(
        int entities,
        long lookahead,
        long remoteLookahead,
        Func<int, bool>? keeps,
        Action<IEventContext>? onStart = null,
        Action<SimEvent, IEventContext>? onEvent = null) : ISimulationModel
    {
        public string Name => "remote-scripted";
        public int EntityCount => entities;
        public long Lookahead => lookahead;
        public long RemoteLookahead => remoteLookahead;
        public long EndTime => 1000;
        public ulong Seed => 1;

        public bool KeepsWithPrevious(int id) => keeps?.Invoke(id) ?? false;

        public IEntity CreateEntity(int id) => new Entity(onStart, onEvent);

        private sealed class Entity(Action<IEventContext>? onStart, Action<SimEvent, IEventContext>? onEvent) : IEntity
        {
            public void Start(IEventContext context) => onStart?.Invoke(context);

            public void Handle(in SimEvent ev, IEventContext context) => onEvent?.Invoke(ev, context);
        }
    }
}
