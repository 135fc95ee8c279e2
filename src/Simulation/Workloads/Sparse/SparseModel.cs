using FgsActors.Models.Checkpoints;
using FgsActors.Simulation.Checkpoints;
using FgsActors.Simulation.Kernel;

namespace FgsActors.Simulation.Workloads.Sparse;

/// <summary>
/// The sparse benchmark as a kernel model: entity 0 is the hub, entities 1..Leaves are the leaves. It can be
/// checkpointed: its entities save their own state, its events carry no payloads, and outside the entities it keeps
/// nothing (its checkpoint part holds only the leaf count and seed, to refuse another configuration's checkpoint).
/// </summary>
public sealed class SparseModel : ICheckpointableModel
{
    /// <summary>The hub's entity id.</summary>
    public const int HubId = 0;

    public SparseModel(SparseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Validate() is { } problem)
            throw new ArgumentException($"sparse.{problem.Key}: {problem.Message}", nameof(settings));
        Settings = settings;
    }

    public SparseSettings Settings { get; }
    public string Name => "sparse";
    public int EntityCount => Settings.Leaves + 1;

    /// <summary>Every message crosses a link of at least latency-min, so that is the lookahead.</summary>
    public long Lookahead => Settings.LatencyMinTicks;

    public long EndTime => Settings.EndTicks;
    public ulong Seed => Settings.Seed;

    public IEntity CreateEntity(int id) => id == HubId ? new SparseHub(Settings) : new SparseLeaf(Settings);

    public IPayloadCodec Payloads => NoPayloads.Instance;

    public void SaveState(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Settings.Leaves);
        writer.Write(Settings.Seed);
    }

    public void LoadState(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        StateIo.Expect(reader.ReadInt32(), Settings.Leaves, "sparse.leaves");
        StateIo.Expect(reader.ReadUInt64(), Settings.Seed, "the sparse run's seed");
    }
}
