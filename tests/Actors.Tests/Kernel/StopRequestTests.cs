using FgsActors.Actors.Kernel;
using FgsActors.Simulation.Time;
using FgsActors.Simulation.Workloads.Phold;

namespace FgsActors.Actors.Tests.Kernel;

/// <summary>A stop request ends a run at a window boundary with the totals so far; without one the run is unchanged.</summary>
public class StopRequestTests
{
    private static readonly PholdSettings Settings = new(Lps: 2_000, EventsPerLp: 1, Remote: 0.9, LookaheadSeconds: 0.1, MeanSeconds: 1.0, EndSeconds: 200, Seed: 7);

    [Fact]
    public async Task A_stop_before_the_first_window_ends_the_run_early_and_says_so()
    {
        using var stop = new CancellationTokenSource();
        await stop.CancelAsync();
        var full = await KernelRunner.RunLocalAsync(new PholdModel(Settings), partitions: 4, workers: 2);
        var stopped = await KernelRunner.RunLocalAsync(new PholdModel(Settings), partitions: 4, workers: 2, stopRequest: stop.Token);

        Assert.False(full.Stopped);
        Assert.True(stopped.Stopped);
        Assert.True(stopped.Result.Events < full.Result.Events, $"{stopped.Result.Events} events stopped vs {full.Result.Events} in full");
        Assert.True(stopped.Result.LastEventTime < VirtualTime.FromSeconds(Settings.EndSeconds));
    }

    [Fact]
    public async Task An_unused_stop_token_changes_nothing()
    {
        using var stop = new CancellationTokenSource();
        var plain = await KernelRunner.RunLocalAsync(new PholdModel(Settings), partitions: 4, workers: 2);
        var withToken = await KernelRunner.RunLocalAsync(new PholdModel(Settings), partitions: 4, workers: 2, stopRequest: stop.Token);
        Assert.False(withToken.Stopped);
        Assert.Equal(plain.Result, withToken.Result with { Windows = plain.Result.Windows });
        Assert.Equal(plain.Result.EventDigest, withToken.Result.EventDigest);
    }
}
