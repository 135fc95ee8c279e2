using FgsActors.Models.Federated;
using FgsActors.Models.Hardware;
using FgsActors.Simulation.Fleet;

namespace FgsActors.Simulation.Federation;

/// <summary>
/// Everything a fleet run needs, typed and validated: the devices (generated or imported), the workload they train,
/// the network, churn, batteries and the aggregator's rules. Built from configuration by <c>FleetConfig</c>; tests build
/// it directly. Times are virtual ticks (ns) where the name says Ticks, seconds where it says S.
/// </summary>
/// <param name="Devices">Device profiles; device i has index i (its entity ids follow from <see cref="FleetLayout"/>).</param>
/// <param name="Tiers">Tier definitions by name (every device's tier is among them).</param>
public sealed record FleetScenario(
    IReadOnlyList<DeviceProfile> Devices,
    IReadOnlyDictionary<string, HardwareTier> Tiers,
    FleetWorkload Workload,
    NetworkSettings Network,
    ChurnSettings Churn,
    BatterySettings Battery,
    AggregatorSettings Aggregator,
    long EndTicks,
    ulong Seed)
{
    /// <summary>Real training carried by the rounds; null: the workload is numbers only (time, energy, bytes).</summary>
    public FleetLearning? Learning { get; init; }
}

/// <summary>Real federated training in a fleet run.</summary>
/// <param name="Task">The data, model, trainer and aggregation rule.</param>
/// <param name="EvalEvery">Evaluate the global model on the test set after every this many rounds (≥ 1).</param>
/// <param name="TargetAccuracy">Accuracy for rounds_to_target and the figures at that point (0..1].</param>
public sealed record FleetLearning(IFederatedLearning Task, int EvalEvery = 1, double TargetAccuracy = 0.85);
