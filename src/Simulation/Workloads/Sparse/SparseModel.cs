using FgsActors.Simulation.Kernel;

namespace FgsActors.Simulation.Workloads.Sparse;

/// <summary>The sparse benchmark as a kernel model: entity 0 is the hub, entities 1..Leaves are the leaves.</summary>
public sealed class SparseModel : ISimulationModel
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
}
