using System.Diagnostics;
using FgsActors.Simulation.Kernel;
using FgsActors.Simulation.Workloads.Sparse;
using Xunit.Abstractions;

namespace FgsActors.Simulation.Tests.Workloads;

/// <summary>Earliest-output-time promises are what let a sparse fleet run many events per window.</summary>
public class SparsePromiseTests(ITestOutputHelper output)
{
    [Fact]
    public void PromisesGiveLongWindowsWithoutChangingTheRun()
    {
        var settings = new SparseSettings(Leaves: 2_000, Seed: 4);
        var promised = LocalKernel.Run(new SparseTestModel(settings), partitions: 2);
        var plain = LocalKernel.Run(new SparseTestModel(settings, promise: Promises.Naive), partitions: 2);
        output.WriteLine($"promises: {Describe(promised)}");
        output.WriteLine($"no promises: {Describe(plain)}");

        Assert.Equal(promised.Events, plain.Events);
        Assert.Equal(promised.EventDigest, plain.EventDigest);
        // Measured: ≈ 60 events per window with promises (about 2 windows per round trip to the hub),
        // ≈ 1 without (one window per distinct local event time); the bounds leave a wide margin.
        Assert.True(PerWindow(promised) > 20, Describe(promised));
        Assert.True(plain.Windows > 10 * promised.Windows, $"{Describe(plain)} vs {Describe(promised)}");
    }

    [Fact]
    public void ABrokenPromiseIsCaught()
    {
        // A leaf claiming it never sends, then sending, must stop the run: the check in test (5) has teeth.
        var settings = new SparseSettings(Leaves: 50, SendFraction: 0.5, Seed: 2);
        var error = Assert.Throws<KernelViolationException>(() => LocalKernel.Run(new SparseTestModel(settings, promise: Promises.Never), partitions: 2));
        Assert.Contains("promised no output", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [Trait("Category", "Measurement")]
    [InlineData(2)]
    [InlineData(4)]
    public void MeasureFullSizeEventsPerWindow(int partitions)
    {
        // The target: N = 100,000 leaves over 24 h, ≥ 50 events per window. Printed, not asserted.
        var model = new SparseTestModel(new SparseSettings());
        var watch = Stopwatch.StartNew();
        var result = LocalKernel.Run(model, partitions);
        var requests = model.Hub.Requests;
        output.WriteLine($"N=100000, 24 h, {partitions} partitions: {Describe(result)}, " +
            $"hub requests {requests}, windows per request {(double)result.Windows / requests:F2}, wall {watch.Elapsed.TotalSeconds:F1} s");
        Assert.True(result.Events > 0);
    }

    private static double PerWindow(KernelResult r) => (double)r.Events / r.Windows;

    private static string Describe(KernelResult r) => $"{r.Events} events, {r.Windows} windows, {PerWindow(r):F1} events/window";
}
