using FgsActors.Simulation.Events;
using FgsActors.Simulation.Kernel;
using FgsActors.Simulation.Tests.Kernel.Support;
using FgsActors.Simulation.Time;

namespace FgsActors.Simulation.Tests.Kernel;

/// <summary>One partition driven by hand: status, output bound, hand-over of messages, misuse.</summary>
public class PartitionEngineTests
{
    private const long L = 5;

    /// <summary>A promising entity with a settable promise that schedules the given self events at start-up.</summary>
    private sealed class Promiser(long[] selfEvents, Func<SimEvent, long> promiseAfter) : IPromisingEntity
    {
        public long OutputPromise { get; private set; } = VirtualTime.Infinity;
        public long StartPromise { get; init; } = VirtualTime.Infinity;

        public void Start(IEventContext context)
        {
            foreach (var t in selfEvents) context.Schedule(t, kind: 1);
            OutputPromise = StartPromise;
        }

        public void Handle(in SimEvent ev, IEventContext context) => OutputPromise = promiseAfter(ev);
    }

    private sealed class EntityModel(int count, Func<int, IEntity> create, long endTime = 1000) : ISimulationModel
    {
        public string Name => "engine-test";
        public int EntityCount => count;
        public long Lookahead => L;
        public long EndTime => endTime;
        public ulong Seed => 3;
        public IEntity CreateEntity(int id) => create(id);
    }

    private static PartitionEngine Single(IEntity entity)
    {
        var engine = new PartitionEngine(0, new EntityModel(1, _ => entity), new Placement(1, 1));
        engine.Start();
        return engine;
    }

    [Fact]
    public void OutputBoundOfPlainEntityIsEarliestEventPlusLookahead()
    {
        var model = new ScriptedModel(1, L, 1000, onStart: ctx => { ctx.Schedule(20, 1); ctx.Schedule(7, 1); });
        var engine = new PartitionEngine(0, model, new Placement(1, 1));
        engine.Start();
        Assert.Equal(7, engine.NextEventTime);
        Assert.Equal(12, engine.OwnOutputBound);
        Assert.Equal(new PartitionStatus(7, 12), engine.Status);
        Assert.Equal(2, engine.PendingEvents);

        Assert.Null(engine.RunUntil(8));
        Assert.Equal(new PartitionStatus(20, 25), engine.Status);
        Assert.Equal(1, engine.EventsProcessed);
        Assert.Equal(7, engine.LocalTime);
    }

    [Fact]
    public void EmptyPartitionCanNeverSend()
    {
        var engine = Single(new Promiser([], _ => 0));
        Assert.Equal(new PartitionStatus(VirtualTime.Infinity, VirtualTime.Infinity), engine.Status);
        Assert.Null(engine.RunUntil(VirtualTime.Infinity));
        Assert.Equal(0, engine.EventsProcessed);
    }

    [Fact]
    public void OwnEventsOfAPromisingEntityBoundOutputByItsPromise()
    {
        // Silent event at 7, promise 100: output bound max(7 + 5, 100) = 100, not 12.
        var engine = Single(new Promiser([7, 50], _ => 100) { StartPromise = 100 });
        Assert.Equal(new PartitionStatus(7, 100), engine.Status);
    }

    [Fact]
    public void PromiseBelowTheNextOwnEventPlusLookaheadDoesNotHoldTheBoundBack()
    {
        // Start promise 3 is raised to the lookahead (5); with the silent event at 7 the bound is max(12, 5) = 12.
        var engine = Single(new Promiser([7], _ => VirtualTime.Infinity) { StartPromise = 3 });
        Assert.Equal(12, engine.OwnOutputBound);
    }

    [Fact]
    public void InfinitePromiseWithOnlyOwnEventsMeansNoOutputEver()
    {
        var engine = Single(new Promiser([7, 9], _ => VirtualTime.Infinity));
        Assert.Equal(new PartitionStatus(7, VirtualTime.Infinity), engine.Status);
    }

    [Fact]
    public void PromiseRaisedWhileHandlingAnOwnEventMovesTheBound()
    {
        var engine = Single(new Promiser([7, 9], ev => ev.Time == 7 ? 300 : 400) { StartPromise = 100 });
        Assert.Equal(100, engine.OwnOutputBound);
        Assert.Null(engine.RunUntil(8));
        Assert.Equal(new PartitionStatus(9, 300), engine.Status);
    }

    [Fact]
    public void TriggeringMessageToAPromisingEntityBoundsOutputByLookaheadButNonTriggeringOneDoesNot()
    {
        var engine = Single(new Promiser([], _ => 500) { StartPromise = 500 });
        Assert.Equal(VirtualTime.Infinity, engine.OwnOutputBound); // nothing pending, nothing to send from
        engine.Deliver([new SimEvent(20, 0, SimEvent.ExternalSource, 0, 2, 0, null, nonTriggering: true)]);
        Assert.Equal(new PartitionStatus(20, 500), engine.Status); // max(20 + 5, promise 500)
        engine.Deliver([new SimEvent(30, 0, SimEvent.ExternalSource, 1, 2, 0, null, nonTriggering: false)]);
        Assert.Equal(new PartitionStatus(20, 35), engine.Status); // the triggering one can make it send at 30 + 5
    }

    [Fact]
    public void MessagesForOtherPartitionsGoToTheirOutboxAndLocalOnesStayLocal()
    {
        // 4 entities on 2 partitions: 0,1 | 2,3. Entity 0 sends to 1 (local) and to 3 (remote).
        var model = new ScriptedModel(4, L, 1000,
            onStart: ctx => { if (ctx.Self == 0) { ctx.Send(1, L, kind: 7, data: 1); ctx.Send(3, 2 * L, kind: 7, data: 3); } });
        var placement = new Placement(4, 2);
        var left = new PartitionEngine(0, model, placement);
        var right = new PartitionEngine(1, model, placement);
        left.Start();
        right.Start();
        Assert.Equal(1, left.PendingEvents);
        Assert.Empty(left.Outbox(0));
        var sent = Assert.Single(left.Outbox(1));
        Assert.Equal((10L, 3, 0, 1L, 7, 3L), (sent.Time, sent.Target, sent.Source, sent.Sequence, sent.Kind, sent.Data));
        Assert.Equal(VirtualTime.Infinity, right.NextEventTime);

        right.Deliver(left.Outbox(1).ToArray());
        Assert.Equal(10, right.NextEventTime);
        Assert.Throws<InvalidOperationException>(() => left.Deliver(left.Outbox(1).ToArray())); // entity 3 is not hosted by partition 0
    }

    [Fact]
    public void MisuseIsRejected()
    {
        var model = new ScriptedModel(1, L, 1000);
        var engine = new PartitionEngine(0, model, new Placement(1, 1));
        Assert.Throws<InvalidOperationException>(RunBeforeStart);
        void RunBeforeStart() => _ = engine.RunUntil(10);
        engine.Start();
        Assert.Throws<InvalidOperationException>(() => engine.Start());

        Assert.Throws<ArgumentNullException>(() => new PartitionEngine(0, null!, new Placement(1, 1)));
        Assert.Throws<ArgumentNullException>(() => new PartitionEngine(0, model, null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PartitionEngine(0, new ScriptedModel(1, 0, 1000), new Placement(1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => LocalKernel.Run(new ScriptedModel(1, -1, 1000), 1));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(-1)]
    public void PartitionIdOutsideThePlacementIsRejected(int partitionId)
    {
        var created = new List<int>();
        var model = new EntityModel(3, id => { created.Add(id); return new Promiser([], _ => 0); });
        Assert.Throws<ArgumentOutOfRangeException>(() => new PartitionEngine(partitionId, model, new Placement(3, 8)));
        Assert.Empty(created);
    }

    [Fact]
    public void SequenceNumbersCountEverySendAndScheduleOfTheSource()
    {
        var model = new ScriptedModel(2, L, 1000,
            onStart: ctx => { if (ctx.Self == 0) { ctx.Schedule(1, 1); ctx.Send(1, L, 2); ctx.Schedule(1, 3); } });
        LocalKernel.Run(model, 2);
        Assert.Equal([new LoggedEvent(1, 0, 0, 1, 0), new LoggedEvent(1, 0, 2, 3, 0)], model.Log.For(0));
        Assert.Equal([new LoggedEvent(L, 0, 1, 2, 0)], model.Log.For(1));
    }

    [Fact]
    public void EventHashIsTheDigestTermOfOneEvent()
    {
        var model = new ScriptedModel(3, L, 1000, onStart: ctx => ctx.Schedule(10 + ctx.Self, 1));
        var result = LocalKernel.Run(model, 3);
        var expected = PartitionEngine.EventHash(10, 0) + PartitionEngine.EventHash(11, 1) + PartitionEngine.EventHash(12, 2);
        Assert.Equal(expected, result.EventDigest);
        Assert.Equal(expected.ToString("x16"), result.Checksum);
        Assert.NotEqual(PartitionEngine.EventHash(10, 1), PartitionEngine.EventHash(11, 0));
    }
}
