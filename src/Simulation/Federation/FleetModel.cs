using FgsActors.Models.Checkpoints;
using FgsActors.Models.Network;
using FgsActors.Simulation.Kernel;
using FgsActors.Simulation.Time;

namespace FgsActors.Simulation.Federation;

/// <summary>
/// The fleet as a kernel model: one aggregator, and per device a device entity and a link entity
/// (<see cref="FleetLayout"/>). The lookahead is the shortest hop any message takes: the backhaul, or the fastest
/// radio's base latency; the remote lookahead, which sets the synchronisation windows, is the backhaul. Entities register here when created so that a local run can read their final state.
/// <para>Checkpoints: every entity is <see cref="IStateful"/>, <see cref="FleetPayloadCodec"/> writes the events'
/// payloads, and the model's own state is the learning task's (its server-side state: optimiser, data drift...).</para>
/// </summary>
public sealed class FleetModel : ICheckpointableModel
{
    private readonly DeviceEntity?[] _devices;

    public FleetModel(FleetScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        Scenario = scenario;
        if (scenario.EndTicks <= 0 || scenario.EndTicks == VirtualTime.Infinity)
            throw new ArgumentOutOfRangeException(nameof(scenario), scenario.EndTicks, "the end time must be positive and finite");
        BackhaulTicks = VirtualTime.FromSeconds(scenario.Network.BackhaulLatencyS);
        if (BackhaulTicks <= 0) throw new ArgumentOutOfRangeException(nameof(scenario), scenario.Network.BackhaulLatencyS, "the backhaul latency must be at least 1 ns");
        var lookahead = BackhaulTicks;
        foreach (var device in scenario.Devices)
        {
            if (!scenario.Tiers.ContainsKey(device.Tier))
                throw new ArgumentException($"device {device.Name} has tier '{device.Tier}', which the scenario does not define", nameof(scenario));
            lookahead = Math.Min(lookahead, RadioLatencyTicks(device.Radio));
        }
        Lookahead = lookahead;
        CheckInPeriodTicks = scenario.Aggregator.CheckInPeriodTicks;
        if (CheckInPeriodTicks <= 0) throw new ArgumentOutOfRangeException(nameof(scenario), CheckInPeriodTicks, "the check-in period must be positive");
        _devices = new DeviceEntity?[scenario.Devices.Count];
        TrainingBytes = scenario.Workload.Footprint.TrainingBytes;
    }

    /// <summary>RAM the workload needs to train, bytes (parameters, gradients, optimiser state, one batch's activations).</summary>
    public long TrainingBytes { get; }

    public FleetScenario Scenario { get; }
    public string Name => "fleet";
    public int EntityCount => FleetLayout.EntityCount(Scenario.Devices.Count);
    public long Lookahead { get; }

    /// <summary>
    /// Only hops to or from the aggregator can cross partitions (a device and its link are placed together), and each
    /// takes at least the backhaul latency: windows are as long as the backhaul, not the fastest radio hop.
    /// </summary>
    public long RemoteLookahead => BackhaulTicks;

    /// <summary>A link stays with its device (the entity before it).</summary>
    public bool KeepsWithPrevious(int id) => id >= 2 && (id & 1) == 0;
    public long EndTime => Scenario.EndTicks;
    public ulong Seed => Scenario.Seed;

    /// <summary>One-way backhaul latency between the radio access and the aggregator, ticks.</summary>
    public long BackhaulTicks { get; }

    /// <summary>Devices report availability changes at multiples of this, ticks.</summary>
    public long CheckInPeriodTicks { get; }

    /// <summary>The aggregator once created (local runs).</summary>
    public AggregatorEntity? Aggregator { get; private set; }

    /// <summary>Device entities by index, once created (local runs).</summary>
    public IReadOnlyList<DeviceEntity?> Devices => _devices;

    public IEntity CreateEntity(int id)
    {
        if (id == FleetLayout.AggregatorId) return Aggregator = new AggregatorEntity(this);
        if (FleetLayout.IsDevice(id))
        {
            var index = FleetLayout.IndexOfDevice(id);
            // Partitions create their entities concurrently, each at its own indices.
            return _devices[index] = new DeviceEntity(this, index);
        }
        return new LinkEntity(this, FleetLayout.IndexOfLink(id));
    }

    public IPayloadCodec Payloads => FleetPayloadCodec.Instance;

    /// <summary>Writes whether the run trains for real, then the learning task's state.</summary>
    public void SaveState(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Scenario.Learning is not null);
        Scenario.Learning?.Task.SaveState(writer);
    }

    public void LoadState(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        StateIo.Expect(reader.ReadBoolean(), Scenario.Learning is not null, "real training");
        Scenario.Learning?.Task.LoadState(reader);
    }

    /// <summary>The radio hop's base latency of a radio class, ticks (at least 1 ns).</summary>
    public static long RadioLatencyTicks(string radio) =>
        RadioCatalog.TryGet(radio, out var r)
            ? Math.Max(1, VirtualTime.FromSeconds(r.BaseLatencyS))
            : throw new ArgumentException($"unknown radio class '{radio}'", nameof(radio));

    /// <summary>Smallest multiple of the check-in period at or after <paramref name="ticks"/> (∞ stays ∞).</summary>
    internal long CheckInInstant(long ticks)
    {
        if (ticks == VirtualTime.Infinity) return VirtualTime.Infinity;
        var periods = ticks / CheckInPeriodTicks + (ticks % CheckInPeriodTicks == 0 ? 0 : 1);
        return periods > VirtualTime.Infinity / CheckInPeriodTicks ? VirtualTime.Infinity : periods * CheckInPeriodTicks;
    }
}
