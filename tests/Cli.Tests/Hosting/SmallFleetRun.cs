using FgsActors.Actors.Configuration;
using FgsActors.Cli.Tests.Support;
using FgsActors.Simulation.Configuration;
using FgsActors.Simulation.Federation;
using FgsActors.Simulation.Kernel;

namespace FgsActors.Cli.Tests.Hosting;

/// <summary>
/// The quick-start scenario cut to 200 devices and one virtual hour, run once on the in-process kernel and shared by
/// the tests of a class: its model (for live snapshots) and its collected tables.
/// </summary>
public sealed class SmallFleetRun
{
    public SmallFleetRun()
    {
        var loaded = HoconLoader.Load(Repo.Quickstart, ["fgs.fleet.devices=200", "fgs.run.end=1h"]);
        var settings = FgsSettings.Bind(loaded.Tree, Environment.ProcessorCount);
        Model = new FleetModel(settings.ToFleetScenario());
        LocalKernel.Run(Model, partitions: 3);
        Results = FleetResults.Collect(Model);
    }

    public FleetModel Model { get; }

    public FleetResults Results { get; }
}
