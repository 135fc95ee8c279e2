using FgsActors.Simulation.Configuration;
using FgsActors.Simulation.Federation;
using FgsActors.Simulation.Kernel;
using FgsActors.Simulation.Workloads.Phold;
using FgsActors.Simulation.Workloads.Sparse;

namespace FgsActors.Simulation.Workloads;

/// <summary>Builds the model a configuration names (<c>fgs.run.model</c>). Adding a workload adds a case here.</summary>
public static class WorkloadCatalog
{
    public static ISimulationModel Create(FgsSettings settings) => settings.Run.Model switch
    {
        RunSettings.Phold => new PholdModel(settings.ToPholdSettings()),
        RunSettings.Sparse => new SparseModel(settings.ToSparseSettings()),
        RunSettings.Fleet => new FleetModel(settings.ToFleetScenario()),
        var other => throw new ConfigException($"config key 'fgs.run.model': unknown model '{other}'", FgsKeys.RunModel, "phold, sparse or fleet", other),
    };
}
