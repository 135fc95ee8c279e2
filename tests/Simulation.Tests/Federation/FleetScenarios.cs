using FgsActors.Models.Availability;
using FgsActors.Models.Hardware;
using FgsActors.Models.Network;
using FgsActors.Simulation.Federation;
using FgsActors.Simulation.Fleet;
using FgsActors.Simulation.Time;

namespace FgsActors.Simulation.Tests.Federation;

/// <summary>Small fleet scenarios built in code, with every part overridable.</summary>
internal static class FleetScenarios
{
    public static readonly IReadOnlyDictionary<string, HardwareTier> Tiers =
        TierCatalog.All.ToDictionary(t => t.Name, StringComparer.Ordinal);

    public static FleetWorkload Mlp => new(25_450, 4, WorkloadCost.FromFlops(152_700), 6_608, 16, 1, 600, 0.5, 1);

    public static NetworkSettings Network(PacketLoss? loss = null, double capacityBps = 10e9) =>
        new(0.010, new NoJitter(), loss, capacityBps, capacityBps, 200);

    public static AggregatorSettings Sync(int k = 10, double overCommit = 1.3, double deadlineS = 300,
        StragglerPolicy policy = StragglerPolicy.DropLate, int? target = null) =>
        new(AggregationMode.Sync, k, overCommit, VirtualTime.FromSeconds(deadlineS), policy, target ?? k,
            VirtualTime.FromSeconds(60), BufferSize: 10, Concurrency: 20);

    public static AggregatorSettings Async(int concurrency = 20, int buffer = 5, double timeoutS = 600) =>
        new(AggregationMode.Async, 10, 1.0, VirtualTime.FromSeconds(timeoutS), StragglerPolicy.DropLate, 10,
            VirtualTime.FromSeconds(60), buffer, concurrency);

    public static ChurnSettings Renewal(double onS = 7_200, double offS = 3_600) =>
        new(ChurnModel.Renewal, new RenewalProcess(OnOffDistribution.Exponential(onS), OnOffDistribution.Exponential(offS)));

    /// <summary>A generated fleet of the four main tiers in the mix (10/40/30/20 %).</summary>
    public static IReadOnlyList<DeviceProfile> MixedFleet(int devices, ulong seed = 1) =>
        FleetGenerator.Generate(new FleetSpec(TierCatalog.All,
            new Dictionary<string, double> { ["gateway"] = 0.1, ["smartphone"] = 0.4, ["sbc"] = 0.3, ["microcontroller"] = 0.2 },
            devices, ramSigma: 0.25, batterySigma: 0.1, minDistanceKm: 0.05, maxDistanceKm: 1.0), seed);

    public static FleetScenario Build(
        IReadOnlyList<DeviceProfile>? devices = null,
        FleetWorkload? workload = null,
        NetworkSettings? network = null,
        ChurnSettings? churn = null,
        BatterySettings? battery = null,
        AggregatorSettings? aggregator = null,
        double endS = 7_200,
        ulong seed = 1) =>
        new(devices ?? MixedFleet(200, seed), Tiers, workload ?? Mlp, network ?? Network(), churn ?? Renewal(),
            battery ?? BatterySettings.Default, aggregator ?? Sync(), VirtualTime.FromSeconds(endS), seed);
}
