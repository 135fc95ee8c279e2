using FgsActors.Models.Checkpoints;
using FgsActors.Simulation.Checkpoints;
using FgsActors.Simulation.Events;
using FgsActors.Simulation.Kernel;
using FgsActors.Simulation.Randomness;

namespace FgsActors.Simulation.Workloads.Phold;

/// <summary>PHOLD as a kernel model: one entity per LP.</summary>
public sealed class PholdModel(PholdSettings settings) : ICheckpointableModel
{
    public PholdSettings Settings { get; } = settings;
    public string Name => "phold";
    public int EntityCount => Settings.Lps;
    public long Lookahead => Settings.LookaheadTicks;
    public long EndTime => Settings.EndTicks;
    public ulong Seed => Settings.Seed;

    public IEntity CreateEntity(int id) => new PholdLp(Settings, id);

    public IPayloadCodec Payloads => NoPayloads.Instance;

    // PHOLD's state lives entirely in its LPs.
    public void SaveState(BinaryWriter writer)
    {
    }

    public void LoadState(BinaryReader reader)
    {
    }
}

/// <summary>One PHOLD logical process.</summary>
public sealed class PholdLp(PholdSettings settings, int id) : IEntity, IStateful
{
    private const int JobKind = 1;

    // Created with the LP (not in Start) so the stream sits next to the entity and its actor in memory.
    private readonly RandomStream _random = RandomStream.For(settings.Seed, id, PholdRules.StreamPurpose);

    public void Start(IEventContext context)
    {
        for (var i = 0; i < settings.EventsPerLp; i++)
            context.Schedule(PholdRules.Delay(_random, settings), JobKind);
    }

    public void Handle(in SimEvent ev, IEventContext context)
    {
        var (target, delay) = PholdRules.Next(_random, context.Self, settings);
        if (target == context.Self) context.Schedule(delay, JobKind);
        else context.Send(target, delay, JobKind);
    }

    /// <summary>An LP's only changing state is its random stream's position.</summary>
    public void SaveState(BinaryWriter writer) => writer.WriteRandom(_random);

    public void LoadState(BinaryReader reader) => reader.ReadRandomInto(_random);
}
