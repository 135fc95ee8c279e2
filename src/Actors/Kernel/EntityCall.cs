using FgsActors.Simulation.Events;
using FgsActors.Simulation.Kernel;

namespace FgsActors.Actors.Kernel;

/// <summary>
/// The message a partition scheduler sends to one of its entity actors. Never leaves the partition (entity
/// actors are local children of their scheduler), so one instance per partition is reused for every event:
/// the inline dispatcher has finished with it when Tell returns. Entities keep no receive timeouts, so the
/// call is marked as not influencing one: Akka then skips resetting a timer on every event.
/// </summary>
public sealed class EntityCall : Akka.Actor.INotInfluenceReceiveTimeout
{
    public bool IsStart { get; set; }
    public SimEvent Event { get; set; }
    public EventContext? Context { get; set; }
    public bool Completed { get; set; }
    public Exception? Failure { get; set; }
}
