using FgsActors.Cli.Hosting;
using FgsActors.Simulation.Federation;
using FgsActors.Simulation.Time;

namespace FgsActors.Cli.Tests.Hosting;

/// <summary>The snapshot callback for the progress display reads a fleet model's aggregator and devices.</summary>
public sealed class FleetSnapshotsReadTheRunningModel(SmallFleetRun run) : IClassFixture<SmallFleetRun>
{
    [Fact]
    public void After_the_run_it_agrees_with_the_collected_results()
    {
        var snapshot = FleetSnapshots.From(run.Model)();

        Assert.NotNull(snapshot);
        Assert.Equal(run.Results.ClosedRounds, snapshot.Rounds);
        Assert.InRange(snapshot.Available ?? -1, 0, run.Results.Devices.Count);
        Assert.Null(snapshot.LastAccuracy); // no training
        Assert.Equal(run.Results.EnergyTotalJ, snapshot.EnergyJ!.Value, 1e-9 * run.Results.EnergyTotalJ);
    }

    [Fact]
    public void Before_the_model_is_built_in_this_process_there_is_nothing_to_show()
    {
        var model = new FleetModel(run.Model.Scenario);
        Assert.Null(FleetSnapshots.From(model)());
    }

    [Fact]
    public void Progress_with_a_snapshot_of_a_real_model_prints_its_rounds()
    {
        using var writer = new StringWriter();
        var progress = new PlainRunProgress(writer, run.Model.EndTime, TimeSpan.Zero, FleetSnapshots.From(run.Model));
        progress.Report(new Actors.Kernel.KernelProgress(1, run.Model.EndTime, 100, 1));
        Assert.Contains($"rounds={run.Results.ClosedRounds}", writer.ToString(), StringComparison.Ordinal);
        Assert.Contains($"t={VirtualTime.ToSeconds(run.Model.EndTime):F1}s", writer.ToString(), StringComparison.Ordinal);
    }
}
