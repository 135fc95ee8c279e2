using FgsActors.Simulation.Kernel;
using FgsActors.Simulation.Time;
using FgsActors.Simulation.Workloads.Sparse;

namespace FgsActors.Simulation.Tests.Workloads;

public class SparseDeterminismTests
{
    private const long Ms = VirtualTime.TicksPerSecond / 1_000;

    [Fact]
    public void EveryLayoutGivesTheSameEventsAndDigest()
    {
        // More sends than the default (5%) so the hub traffic crosses partitions often.
        var settings = new SparseSettings(Leaves: 300, SendFraction: 0.05, Seed: 9);
        var reference = LocalKernel.Run(new SparseModel(settings), partitions: 1);
        Assert.True(reference.Events > 5_000);
        foreach (var partitions in new[] { 2, 4, 7 })
        {
            var result = LocalKernel.Run(new SparseModel(settings), partitions);
            Assert.Equal(reference.Events, result.Events);
            Assert.Equal(reference.EventDigest, result.EventDigest);
        }
    }

    public static TheoryData<ulong, double, long, long> Stress => new()
    {
        // seed, send fraction, mean gap, jitter mean
        { 1, 0.01, 3_600_000 * Ms, 1 * Ms },  // the defaults
        { 2, 0.5, 10 * Ms, 1 * Ms },          // gaps close to the latency: requests overlap local events
        { 3, 1.0, 5 * Ms, 0 },                // no jitter: every request lands exactly on the promise
        { 4, 0.0, 60_000 * Ms, 1 * Ms },      // never sends: promises are "never"
        { 5, 0.3, 2 * Ms, 0 },                // gaps of the order of the lookahead, zero jitter
    };

    [Theory]
    [MemberData(nameof(Stress))]
    public void PromisesAreNeverBroken(ulong seed, double sendFraction, long meanGap, long jitter)
    {
        // The kernel throws KernelViolationException on a send below a promise; completing is the check.
        var end = Math.Min(24 * 3_600_000 * Ms, meanGap * 200);
        var settings = new SparseSettings(Leaves: 60, MeanGapTicks: meanGap, SendFraction: sendFraction,
            JitterMeanTicks: jitter, EndTicks: end, Seed: seed);
        var reference = LocalKernel.Run(new SparseModel(settings), partitions: 1);
        var result = LocalKernel.Run(new SparseModel(settings), partitions: 3);
        Assert.True(result.Events > 1_000);
        Assert.Equal(reference.EventDigest, result.EventDigest);
    }
}
