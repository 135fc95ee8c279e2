namespace FgsActors.Simulation.Configuration;

/// <summary>How the kernel spreads the work; neither value may change results (determinism invariant).</summary>
/// <param name="Partitions">Partition schedulers the entities are divided among.</param>
/// <param name="Workers">Threads that run the partition schedulers.</param>
public sealed record KernelSettings(int Partitions, int Workers)
{
    internal static KernelSettings Bind(SettingsReader reader, int processorCount) => new(
        reader.GetIntOrAuto(FgsKeys.KernelPartitions, 1, int.MaxValue, processorCount),
        reader.GetIntOrAuto(FgsKeys.KernelWorkers, 1, int.MaxValue, processorCount));
}
