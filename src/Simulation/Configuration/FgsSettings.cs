using FgsActors.Simulation.Federation;
using FgsActors.Simulation.Time;
using FgsActors.Simulation.Workloads.Phold;
using FgsActors.Simulation.Workloads.Sparse;

namespace FgsActors.Simulation.Configuration;

/// <summary>
/// Every <c>fgs.*</c> setting, typed and validated. Defaults live only in config/reference.conf, which the
/// loader always layers underneath, so binding requires every key to be present. Every section is bound and
/// checked whatever the run's model, so a bad value is reported before any run; data files named by the fleet
/// sections (device table, availability trace) are read only by <see cref="ToFleetScenario"/>, and the training
/// data set (<see cref="Data"/>) only by the trainer.
/// </summary>
public sealed record FgsSettings(
    RunSettings Run,
    KernelSettings Kernel,
    PholdConfig Phold,
    SparseConfig Sparse,
    OutputSettings Output,
    FleetConfig Fleet,
    FleetWorkload Workload,
    NetworkSettings Network,
    ChurnConfig Churn,
    BatteryConfig Battery,
    AggregatorSettings Aggregator,
    TrainingConfig Training,
    DataConfig Data)
{
    /// <summary>The generator of <c>fgs.generative</c> (trained when <c>fgs.training.task</c> is generator or augmented).</summary>
    public GenerativeConfig Generative { get; init; } = null!;

    /// <summary>The data drift of <c>fgs.drift</c>.</summary>
    public DriftConfig Drift { get; init; } = null!;

    /// <summary>The synthetic top-up of <c>fgs.augmentation</c>.</summary>
    public AugmentationConfig Augmentation { get; init; } = null!;

    /// <summary>
    /// Reads and checks every key of <see cref="FgsKeys.All"/> and <see cref="FgsKeys.Patterns"/>. Unknown keys under
    /// <c>fgs</c> are reported first (with a suggestion), because a misspelt key is a likelier cause than a bad value.
    /// </summary>
    /// <param name="processorCount">What <c>auto</c> means for partitions and workers (normally <see cref="Environment.ProcessorCount"/>).</param>
    public static FgsSettings Bind(ConfigTree tree, int processorCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(processorCount, 1);
        UnknownKeys.Reject(tree, FgsKeys.Root, FgsKeys.All, FgsKeys.Patterns);
        var reader = new SettingsReader(tree);
        return new FgsSettings(
            RunSettings.Bind(reader),
            KernelSettings.Bind(reader, processorCount),
            PholdConfig.Bind(reader),
            SparseConfig.Bind(reader),
            OutputSettings.Bind(reader),
            FleetConfig.Bind(reader),
            WorkloadBinding.Bind(reader),
            NetworkBinding.Bind(reader),
            ChurnConfig.Bind(reader),
            BatteryConfig.Bind(reader),
            AggregatorBinding.Bind(reader),
            TrainingBinding.Bind(reader),
            DataBinding.Bind(reader))
        {
            Generative = GenerativeBinding.Bind(reader),
            Drift = GenerativeBinding.BindDrift(reader),
            Augmentation = GenerativeBinding.BindAugmentation(reader),
        };
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

    /// <summary>
    /// The fleet run's scenario: the devices (generated under the run's seed, or read from the device table), the
    /// tiers, workload, network, churn (reading the availability trace for trace churn), batteries and aggregator,
    /// and the run's end and seed. Reads files, so call it only for a fleet run. A data file that cannot be opened
    /// is a <see cref="ConfigException"/> naming its key; a malformed one is a
    /// <see cref="Models.Fleet.FleetInputException"/> naming file and line.
    /// </summary>
    public FleetScenario ToFleetScenario() => new(
        Fleet.BuildDevices(Run.Seed),
        Fleet.Tiers.ToDictionary(t => t.Name, StringComparer.Ordinal),
        Workload,
        Network,
        Churn.ToChurnSettings(),
        Battery.ToBatterySettings(),
        Aggregator,
        Run.EndTicks,
        Run.Seed);
}
