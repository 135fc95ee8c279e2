using FgsActors.Simulation.Kernel;
using FgsActors.Simulation.Workloads.Sparse;

namespace FgsActors.Simulation.Tests.Workloads;

/// <summary>The counts a Poisson process with Bernoulli thinning should give, within 4 standard deviations.</summary>
public class SparseStatisticsTests
{
    // 2,000 leaves × 24 h / 1 h ≈ 48,000 local events and ≈ 480 sends: enough for a few-percent check.
    private static readonly SparseSettings Settings = new(Leaves: 2_000, Seed: 3);

    [Fact]
    public void LocalEventsAndSendsMatchTheRates()
    {
        var model = new SparseTestModel(Settings);
        var result = LocalKernel.Run(model, partitions: 2);
        var leaves = model.Leaves.ToList();

        // Local events of N independent Poisson processes over [0, T): Poisson(N·T/gap), std = sqrt(mean).
        var expectedLocal = (double)Settings.Leaves * Settings.EndTicks / Settings.MeanGapTicks;
        var local = leaves.Sum(l => l.LocalEvents);
        Assert.InRange(local, expectedLocal - 4 * Math.Sqrt(expectedLocal), expectedLocal + 4 * Math.Sqrt(expectedLocal));

        // Sends: Binomial(local, fraction), std = sqrt(n·p·(1 − p)).
        var sends = leaves.Sum(l => l.Requests);
        var expectedSends = local * Settings.SendFraction;
        var sd = Math.Sqrt(expectedSends * (1 - Settings.SendFraction));
        Assert.InRange(sends, expectedSends - 4 * sd, expectedSends + 4 * sd);

        // Every event is accounted for: local events, requests at the hub, replies at the leaves. A round
        // trip takes milliseconds, so only requests sent in the last few ms before the end can be lost.
        var replies = leaves.Sum(l => l.Replies);
        Assert.Equal(local + model.Hub.Requests + replies, result.Events);
        Assert.InRange(model.Hub.Requests, sends - 2, sends);
        Assert.InRange(replies, model.Hub.Requests - 2, model.Hub.Requests);
    }
}
