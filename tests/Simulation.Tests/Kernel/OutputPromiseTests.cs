using FgsActors.Simulation.Kernel;
using FgsActors.Simulation.Tests.Kernel.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FgsActors.Simulation.Tests.Kernel;

/// <summary>Earliest-output-time promises: fewer windows for sparse models, same events, and broken promises are caught.</summary>
public class OutputPromiseTests
{
    // 12 leaves ticking every 1000 ticks, reporting every ~20 ticks, lookahead 10: ~2 400 ticks, ~120 reports.
    private static LeafHubSettings Sparse(bool promising) =>
        new(Leaves: 12, Lookahead: 10, Tick: 1000, ReportEvery: 20, EndTime: 200_000, Seed: 17, Promising: promising);

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(13)]
    public void PromisesCutWindowsAndLeaveEveryEntitysEventsUnchanged(int partitions)
    {
        var referenceModel = new LeafHubModel(Sparse(promising: false));
        var reference = SequentialReference.Run(referenceModel);
        var plainModel = new LeafHubModel(Sparse(promising: false));
        var plain = LocalKernel.Run(plainModel, partitions);
        var promisingModel = new LeafHubModel(Sparse(promising: true));
        var promising = LocalKernel.Run(promisingModel, partitions);

        EventLog.AssertSame(referenceModel.Log, plainModel.Log, "without promises");
        EventLog.AssertSame(referenceModel.Log, promisingModel.Log, "with promises");
        Assert.Equal(reference.Events, promising.Events);
        Assert.Equal(reference.Digest, promising.EventDigest);
        Assert.True(referenceModel.Log.For(0).Count > 100, "the hub should receive reports");

        // Without promises every tick bounds the others (one window per tick time, ~2 400); with them only
        // reports and acknowledgements do (a few per report, ~120 reports).
        Assert.True(promising.Windows * 4 < plain.Windows, $"windows with promises {promising.Windows}, without {plain.Windows}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void SendingBeforeThePromiseWhileHandlingOwnTickIsAViolation(int partitions)
    {
        var settings = Sparse(promising: true) with { BreakPromiseAtTick = 5 };
        var ex = Assert.Throws<KernelViolationException>(() => LocalKernel.Run(new LeafHubModel(settings), partitions));
        Assert.Contains("promised no output before", ex.Message);
    }

    [Fact]
    public void TheSameExtraSendIsFineForAnEntityThatMakesNoPromise()
    {
        var settings = Sparse(promising: false) with { BreakPromiseAtTick = 5 };
        var referenceModel = new LeafHubModel(settings);
        SequentialReference.Run(referenceModel);
        var model = new LeafHubModel(settings);
        LocalKernel.Run(model, 3);
        EventLog.AssertSame(referenceModel.Log, model.Log, "extra report without promises");
        Assert.Contains(model.Log.For(0), e => e.Source == 1 && e.Data == 5);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void LoweringThePromiseWhileHandlingOwnTickIsAViolation(int partitions)
    {
        var settings = Sparse(promising: true) with { LowerPromiseAtTick = 5 };
        var ex = Assert.Throws<KernelViolationException>(() => LocalKernel.Run(new LeafHubModel(settings), partitions));
        Assert.Contains("lowered its output promise", ex.Message);
    }

    [Fact]
    public void SingleLeafHubRunHasAHandCheckableLog()
    {
        // One leaf; its phase and period come from its stream. Reports at ticks period-1, 2·period-1, ...
        var settings = new LeafHubSettings(Leaves: 1, Lookahead: 10, Tick: 1000, ReportEvery: 3, EndTime: 10_000, Seed: 5, Promising: true);
        var model = new LeafHubModel(settings);
        LocalKernel.Run(model, 2);
        var leaf = model.Log.For(1).Where(e => e.Kind == LeafHubModel.TickKind).ToList();
        var phase = leaf[0].Time;
        Assert.InRange(phase, 0, 999);
        Assert.Equal(Enumerable.Range(0, leaf.Count).Select(k => phase + 1000L * k), leaf.Select(e => e.Time));
        var hub = model.Log.For(0);
        Assert.NotEmpty(hub);
        foreach (var report in hub)
        {
            Assert.Equal(phase + 1000 * report.Data + 10, report.Time);
            Assert.Contains(model.Log.For(1), e => e.Kind == LeafHubModel.AckKind && e.Time == report.Time + 10 && e.Data == report.Data);
        }
    }

    [Property(Arbitrary = new[] { typeof(LeafHubArbitraries) }, MaxTest = 60)]
    public void PromisingLeavesHandleTheReferenceEventsOnAnyLayout(LeafHubSettings settings, int partitions)
    {
        var referenceModel = new LeafHubModel(settings with { Promising = false });
        var reference = SequentialReference.Run(referenceModel);
        var model = new LeafHubModel(settings);
        var result = LocalKernel.Run(model, partitions);
        EventLog.AssertSame(referenceModel.Log, model.Log, $"{settings} partitions={partitions}");
        Assert.Equal(reference.Digest, result.EventDigest);
    }
}

public static class LeafHubArbitraries
{
    public static Arbitrary<LeafHubSettings> Settings() =>
        (from leaves in Gen.Choose(1, 15)
         from lookahead in Gen.Choose(1, 20)
         from tickFactor in Gen.Choose(1, 30)
         from reportEvery in Gen.Choose(1, 10)
         from ticks in Gen.Choose(5, 60)
         from seed in Gen.Choose(0, int.MaxValue)
         let tick = (long)tickFactor * lookahead / 3 + 1
         select new LeafHubSettings(leaves, lookahead, tick, reportEvery, tick * ticks, (ulong)seed, Promising: true)).ToArbitrary();

    public static Arbitrary<int> Partitions() => Gen.Choose(1, 8).ToArbitrary();
}
