using FgsActors.Simulation.Time;
using FgsActors.Simulation.Workloads.Phold;
using FgsActors.Simulation.Workloads.Sparse;

namespace FgsActors.Simulation.Configuration;

/// <summary>
/// Every <c>fgs.*</c> setting, typed and validated. Defaults live only in config/reference.conf, which the
/// loader always layers underneath, so binding requires every key to be present.
/// </summary>
public sealed record FgsSettings(RunSettings Run, KernelSettings Kernel, PholdConfig Phold, SparseConfig Sparse, OutputSettings Output)
{
    /// <summary>
    /// Reads and checks every key of <see cref="FgsKeys.All"/>. Unknown keys under <c>fgs</c> are reported
    /// first (with a suggestion), because a misspelt key is a likelier cause than a bad value.
    /// </summary>
    /// <param name="processorCount">What <c>auto</c> means for partitions and workers (normally <see cref="Environment.ProcessorCount"/>).</param>
    public static FgsSettings Bind(ConfigTree tree, int processorCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(processorCount, 1);
        UnknownKeys.Reject(tree, FgsKeys.Root, FgsKeys.All);
        var reader = new SettingsReader(tree);
        return new FgsSettings(
            RunSettings.Bind(reader),
            KernelSettings.Bind(reader, processorCount),
            PholdConfig.Bind(reader),
            SparseConfig.Bind(reader),
            OutputSettings.Bind(reader));
    }

    /// <summary>The PHOLD workload's settings (seconds, as <see cref="PholdSettings"/> takes them).</summary>
    public PholdSettings ToPholdSettings() => new(
        Phold.Lps,
        Phold.EventsPerLp,
        Phold.Remote,
        VirtualTime.ToSeconds(Phold.LookaheadTicks),
        VirtualTime.ToSeconds(Phold.MeanTicks),
        VirtualTime.ToSeconds(Run.EndTicks),
        Run.Seed);

    /// <summary>The sparse workload's settings.</summary>
    public SparseSettings ToSparseSettings() => new(
        Sparse.Leaves,
        Sparse.MeanGapTicks,
        Sparse.SendFraction,
        Sparse.LatencyMinTicks,
        Sparse.JitterMeanTicks,
        Run.EndTicks,
        Run.Seed);
}
