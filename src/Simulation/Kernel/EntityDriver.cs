using FgsActors.Simulation.Events;

namespace FgsActors.Simulation.Kernel;

/// <summary>
/// Calls an entity and collects its output promise. Shared by every host (direct calls in tests and the
/// in-process kernel, entity actors in the Actors layer) so the rules are the same everywhere.
/// </summary>
public static class EntityDriver
{
    public static void Start(IEntity entity, EventContext context)
    {
        var promising = entity as IPromisingEntity;
        context.MarkPromising(promising is not null);
        entity.Start(context);
        if (promising is not null) context.DeclarePromise(promising.OutputPromise);
    }

    public static void Handle(IEntity entity, in SimEvent ev, EventContext context)
    {
        entity.Handle(ev, context);
        if (context.IsPromising) context.DeclarePromise(((IPromisingEntity)entity).OutputPromise);
    }
}
