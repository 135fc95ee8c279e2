using FgsActors.Simulation.Events;

namespace FgsActors.Simulation.Kernel;

/// <summary>
/// The behaviour of one simulated entity (a device, a link, the aggregator, a PHOLD LP). Pure logic:
/// the Actors layer hosts each entity in its own actor, and tests can drive it directly.
/// An entity changes only its own state and talks to others only through <see cref="IEventContext"/>.
/// </summary>
public interface IEntity
{
    /// <summary>Called once at virtual time 0, before any event: schedule initial events here.</summary>
    void Start(IEventContext context);

    /// <summary>Handles one event addressed to this entity, at <c>context.Now == ev.Time</c>.</summary>
    void Handle(in SimEvent ev, IEventContext context);
}

/// <summary>
/// An entity that can say, after each event it handles, that it will not send any message to another
/// entity with a timestamp below <see cref="OutputPromise"/> while handling its own scheduled events or
/// messages sent to it as non-triggering. This is the earliest-output-time promise that lets sparse
/// fleets advance in long windows: a device whose next upload is an hour away does not hold the others
/// back to its next idle tick + lookahead. The kernel checks every send against the promise.
/// </summary>
public interface IPromisingEntity : IEntity
{
    /// <summary>Absolute virtual time (ticks); <see cref="Time.VirtualTime.Infinity"/> when the entity will never send unprompted.</summary>
    long OutputPromise { get; }
}
