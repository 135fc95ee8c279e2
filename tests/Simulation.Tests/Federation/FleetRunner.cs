using FgsActors.Simulation.Federation;
using FgsActors.Simulation.Kernel;

namespace FgsActors.Simulation.Tests.Federation;

internal static class FleetRunner
{
    /// <summary>Runs a scenario on the in-process kernel and collects its tables.</summary>
    public static (FleetModel Model, KernelResult Kernel, FleetResults Results) Run(FleetScenario scenario, int partitions = 3)
    {
        var model = new FleetModel(scenario);
        var kernel = LocalKernel.Run(model, partitions);
        return (model, kernel, FleetResults.Collect(model));
    }
}
