using FgsActors.Models.Checkpoints;
using FgsActors.Simulation.Events;
using FgsActors.Simulation.Kernel;
using FgsActors.Simulation.Randomness;

namespace FgsActors.Simulation.Workloads.Sparse;

/// <summary>
/// The hub: answers every request with a reply to the sender over the same latency model, drawn from its own
/// link stream. It keeps no promise (any request makes it send latency-min later), but its replies are sent
/// non-triggering: they are acknowledgements, so they do not shorten the leaves' promises. Its checkpoint state is
/// its link stream's position and its request count.
/// </summary>
public sealed class SparseHub(SparseSettings settings) : IEntity, IStateful
{
    private RandomStream? _link;

    /// <summary>Requests received (each answered by one reply).</summary>
    public long Requests { get; private set; }

    public void Start(IEventContext context) =>
        _link = RandomStream.For(context.Seed, context.Self, SparseRules.LinkPurpose);

    public void Handle(in SimEvent ev, IEventContext context)
    {
        if (ev.Kind != SparseEventKinds.Request)
            throw new InvalidOperationException($"sparse hub got unknown event kind {ev.Kind} at t={ev.Time}");
        Requests++;
        context.Send(ev.Source, SparseRules.Latency(_link!, settings), SparseEventKinds.Reply, triggersOutput: false);
    }

    public void SaveState(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteRandom(_link ?? throw new InvalidOperationException("the sparse hub is saved before it has started"));
        writer.Write(Requests);
    }

    /// <summary>Restores a saved hub in place of <see cref="Start"/>.</summary>
    public void LoadState(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _link = new RandomStream(0); // the seed is overwritten by the saved position
        reader.ReadRandomInto(_link);
        Requests = reader.ReadInt64();
        if (Requests < 0) throw new CheckpointFormatException($"the sparse hub's saved request count is {Requests}");
    }
}
