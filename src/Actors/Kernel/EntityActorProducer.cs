using Akka.Actor;
using FgsActors.Simulation.Kernel;

namespace FgsActors.Actors.Kernel;

/// <summary>Creates the <see cref="EntityActor"/> of one entity without reflection.</summary>
internal sealed class EntityActorProducer(IEntity entity) : IIndirectActorProducer
{
    public Type ActorType => typeof(EntityActor);

    public ActorBase Produce() => new EntityActor(entity);

    public void Release(ActorBase actor)
    {
    }
}
