using Akka.Actor;
using FgsActors.Simulation.Events;
using FgsActors.Simulation.Kernel;

namespace FgsActors.Actors.Kernel;

/// <summary>How a partition scheduler hands an event to one of its entity actors.</summary>
public enum EntityDelivery
{
    /// <summary>
    /// Invoke the entity actor's cell directly (<c>ActorCell.Invoke</c>, the call its mailbox would make),
    /// on the scheduler's thread. Skips the mailbox's queue and scheduling, which cost ~4x more per event
    /// with 10^5 actors (measured; see docs/benchmarks.md).
    /// </summary>
    Direct,

    /// <summary>Tell through the mailbox; the inline dispatcher runs it before Tell returns.</summary>
    Mailbox,
}

/// <summary>
/// Reaches a partition's entities through their actors. Either way the entity's Receive runs on the
/// partition's thread and has finished when the call returns, so the scheduler keeps the total event order.
/// </summary>
public sealed class ActorEntityHost : IEntityHost
{
    private readonly IActorRef[] _entities;
    private readonly ActorCell?[] _cells;
    private readonly EntityCall _call = new();
    private readonly IEntity[]? _entityObjects;

    /// <param name="entityObjects">The entities' state objects (held by the actors), for prefetch hints only.</param>
    public ActorEntityHost(IActorRef[] entities, EntityDelivery delivery, IEntity[]? entityObjects = null)
    {
        _entities = entities;
        _entityObjects = entityObjects;
        _cells = new ActorCell?[entities.Length];
        if (delivery == EntityDelivery.Direct)
        {
            for (var i = 0; i < entities.Length; i++) _cells[i] = (entities[i] as ActorRefWithCell)?.Underlying as ActorCell;
        }
    }

    public void Start(int localIndex, EventContext context)
    {
        _call.IsStart = true;
        Deliver(localIndex, context);
    }

    public void Handle(int localIndex, in SimEvent ev, EventContext context)
    {
        _call.IsStart = false;
        _call.Event = ev;
        Deliver(localIndex, context);
    }

    public IEntity Entity(int localIndex) =>
        _entityObjects is { } objects ? objects[localIndex] : throw new InvalidOperationException("this host was built without its entity objects");

    public void Prefetch(int localIndex, int stage)
    {
        if (_cells[localIndex] is not { } cell) return;
        if (stage > 0)
        {
            MemoryHint.Prefetch(cell);
            return;
        }
        if (_entityObjects is { } objects) MemoryHint.Prefetch(objects[localIndex]);
    }

    private void Deliver(int localIndex, EventContext context)
    {
        _call.Context = context;
        _call.Completed = false;
        _call.Failure = null;
        if (_cells[localIndex] is { } cell) cell.Invoke(new Envelope(_call, ActorRefs.NoSender));
        else _entities[localIndex].Tell(_call, ActorRefs.NoSender);
        if (!_call.Completed)
            throw new InvalidOperationException($"entity actor {_entities[localIndex].Path} did not run inline: entity actors must use the kernel's inline dispatcher");
        if (_call.Failure is { } failure) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
    }
}
