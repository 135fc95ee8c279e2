namespace FgsActors.Simulation.Configuration;

/// <summary>How the kernel spreads the work; neither value may change results (determinism invariant).</summary>
/// <param name="Partitions">Partition schedulers the entities are divided among.</param>
/// <param name="Workers">Threads that run the partition schedulers.</param>
public sealed record KernelSettings(int Partitions, int Workers)
{
    /// <summary>
    /// Partitions per core when <c>partitions = auto</c>. More partitions than cores keeps each partition's
    /// events and entity actors in cache and balances uneven load: PHOLD at 10^5 LPs on 2 cores ran 2.35 M
    /// events/s with 8 partitions against 2.26 M with 2 (docs/benchmarks.md), while the sparse fleet kept
    /// 53 events per window.
    /// </summary>
    public const int PartitionsPerCore = 4;

    internal static KernelSettings Bind(SettingsReader reader, int processorCount) => new(
        reader.GetIntOrAuto(FgsKeys.KernelPartitions, 1, int.MaxValue, PartitionsPerCore * processorCount),
        reader.GetIntOrAuto(FgsKeys.KernelWorkers, 1, int.MaxValue, processorCount));
}
