using FgsActors.Simulation.Kernel;
using FgsActors.Simulation.Tests.Kernel.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FgsActors.Simulation.Tests.Kernel;

/// <summary>
/// The partitioned kernel must hand every entity exactly the events, in exactly the order, that a plain
/// single-heap simulation does, whatever the number of partitions.
/// </summary>
public class KernelEquivalenceTests
{
    private static readonly int[] StandardPartitionCounts = [1, 2, 3, 7];

    private static void AssertKernelMatchesReference(RandomModelSettings settings, int partitions)
    {
        var referenceModel = new RandomModel(settings);
        var reference = SequentialReference.Run(referenceModel);
        var model = new RandomModel(settings);
        var result = LocalKernel.Run(model, partitions);
        EventLog.AssertSame(referenceModel.Log, model.Log, $"{settings} partitions={partitions}");
        Assert.Equal(reference.Events, result.Events);
        Assert.Equal(reference.Digest, result.EventDigest);
        Assert.Equal(reference.LastEventTime, result.LastEventTime);
    }

    [Property(Arbitrary = new[] { typeof(KernelCaseArbitraries) }, MaxTest = 100)]
    public void RandomModelsHandleEveryEntitysEventsInReferenceOrderOnEveryLayout(KernelCase c)
    {
        foreach (var partitions in StandardPartitionCounts.Append(c.ExtraPartitions))
            AssertKernelMatchesReference(c.Settings, partitions);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(40)]
    public void FixedBusyModelMatchesReference(int partitions)
    {
        AssertKernelMatchesReference(new RandomModelSettings(Entities: 30, Lookahead: 10, EndTime: 600, Seed: 12345, InitialEvents: 3), partitions);
    }

    [Fact]
    public void FixedModelExercisesTiesZeroDelaysAndCrossEntityTraffic()
    {
        // Guards the value of the equivalence checks: the model really produces the hard cases.
        var model = new RandomModel(new RandomModelSettings(Entities: 30, Lookahead: 10, EndTime: 600, Seed: 12345, InitialEvents: 3));
        var result = SequentialReference.Run(model);
        Assert.True(result.Events > 2_000, $"only {result.Events} events");
        var all = Enumerable.Range(0, 30).SelectMany(e => model.Log.For(e).Select(ev => (Entity: e, Ev: ev))).ToList();
        Assert.Contains(all, x => x.Ev.Kind == RandomModel.ZeroDelayKind);
        Assert.Contains(all, x => x.Ev.Source != x.Entity && x.Ev.Source >= 0);
        // Same entity, same time, different sources: the tie-break on source matters.
        Assert.Contains(all.GroupBy(x => (x.Entity, x.Ev.Time)), g => g.Select(x => x.Ev.Source).Distinct().Count() > 1);
        // Same entity, same time, same source, several events: the tie-break on sequence matters.
        Assert.Contains(all.GroupBy(x => (x.Entity, x.Ev.Time, x.Ev.Source)), g => g.Count() > 1);
        // Every entity sees its events in non-decreasing time.
        foreach (var e in Enumerable.Range(0, 30))
        {
            var log = model.Log.For(e);
            for (var i = 1; i < log.Count; i++) Assert.True(log[i].Time >= log[i - 1].Time);
        }
    }

    [Fact]
    public void ReferenceAndKernelHonourTheEndTimeExclusively()
    {
        var settings = new RandomModelSettings(Entities: 5, Lookahead: 4, EndTime: 40, Seed: 3);
        var model = new RandomModel(settings);
        var result = LocalKernel.Run(model, 2);
        Assert.True(result.Events > 0);
        Assert.All(Enumerable.Range(0, 5), e => Assert.All(model.Log.For(e), ev => Assert.True(ev.Time < 40)));
        Assert.True(result.LastEventTime < 40);
    }

    [Fact]
    public void WindowCountDependsOnLayoutButResultsDoNot()
    {
        var settings = new RandomModelSettings(Entities: 20, Lookahead: 5, EndTime: 300, Seed: 99);
        var one = LocalKernel.Run(new RandomModel(settings), 1);
        var four = LocalKernel.Run(new RandomModel(settings), 4);
        Assert.Equal(1, one.Windows); // a lone partition is granted the end at once
        Assert.True(four.Windows > 1);
        Assert.Equal(one with { Windows = 0 }, four with { Windows = 0 });
    }
}

public sealed record KernelCase(RandomModelSettings Settings, int ExtraPartitions)
{
    public override string ToString() => $"{Settings} extraPartitions={ExtraPartitions}";
}

public static class KernelCaseArbitraries
{
    public static Arbitrary<KernelCase> Cases() =>
        (from entities in Gen.Choose(1, 25)
         from lookahead in Gen.Choose(1, 40)
         from horizon in Gen.Choose(5, 40)
         from seedHigh in Gen.Choose(0, int.MaxValue)
         from seedLow in Gen.Choose(0, int.MaxValue)
         from initial in Gen.Choose(1, 3)
         from extra in Gen.Choose(1, 12)
         select new KernelCase(
             new RandomModelSettings(entities, lookahead, (long)horizon * lookahead, ((ulong)seedHigh << 32) ^ (ulong)seedLow, initial),
             extra)).ToArbitrary();
}
