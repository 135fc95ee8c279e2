using Akka.Actor;
using FgsActors.Simulation.Kernel;

namespace FgsActors.Actors.Kernel;

/// <summary>
/// One simulated entity as an actor. It owns the entity's state and runs its logic when its partition
/// scheduler delivers an <see cref="EntityCall"/>. It runs on the inline dispatcher, so the call is
/// complete when the scheduler's Tell returns.
/// </summary>
public sealed class EntityActor(IEntity entity) : UntypedActor
{

    protected override void OnReceive(object message)
    {
        if (message is not EntityCall call)
        {
            Unhandled(message);
            return;
        }
        try
        {
            if (call.IsStart) EntityDriver.Start(entity, call.Context!);
            else EntityDriver.Handle(entity, call.Event, call.Context!);
        }
        catch (Exception e)
        {
            // Hand the failure back to the scheduler that called us, which fails the run with it,
            // rather than letting supervision restart the entity with its state lost.
            call.Failure = e;
        }
        call.Completed = true;
    }
}
