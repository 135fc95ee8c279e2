using Akka.Actor;
using FgsActors.Simulation.Events;
using FgsActors.Simulation.Kernel;

namespace FgsActors.Actors.Kernel;

/// <summary>Reaches a partition's entities through their actors.</summary>
public sealed class ActorEntityHost(IActorRef[] entities) : IEntityHost
{
    private readonly EntityCall _call = new();

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

    private void Deliver(int localIndex, EventContext context)
    {
        _call.Context = context;
        _call.Completed = false;
        _call.Failure = null;
        entities[localIndex].Tell(_call, ActorRefs.NoSender);
        if (!_call.Completed)
            throw new InvalidOperationException($"entity actor {entities[localIndex].Path} did not run inline: entity actors must use the kernel's inline dispatcher");
        if (_call.Failure is { } failure) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
    }
}
