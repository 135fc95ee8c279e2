using FgsActors.Simulation.Events;
using FgsActors.Simulation.Kernel;
using FgsActors.Simulation.Randomness;

namespace FgsActors.Simulation.Workloads.Sparse;

/// <summary>
/// The hub: answers every request with a reply to the sender over the same latency model, drawn from its own
/// link stream. It keeps no promise (any request makes it send latency-min later), but its replies are sent
/// non-triggering: they are acknowledgements, so they do not shorten the leaves' promises.
/// </summary>
public sealed class SparseHub(SparseSettings settings) : IEntity
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
}
