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
    ulong Seed);
