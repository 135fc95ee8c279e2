using FgsActors.Simulation.Events;

namespace FgsActors.Simulation.Kernel;

/// <summary>
/// How a partition reaches the entities it runs: by direct call (<see cref="DirectEntityHost"/>) or by a
/// message to each entity's actor (Actors layer). Either way the call completes before it returns, and the
/// host runs the entity through <see cref="EntityDriver"/>.
/// </summary>
public interface IEntityHost
{
    void Start(int localIndex, EventContext context);

    void Handle(int localIndex, in SimEvent ev, EventContext context);

    /// <summary>The entity object itself (checkpoints read and restore its state on the partition's thread).</summary>
    IEntity Entity(int localIndex);

    /// <summary>
    /// A hint that entity <paramref name="localIndex"/> will be called soon: stage 0 is a few calls ahead,
    /// higher stages further. Hosts whose entities live in large object graphs start loading them early so
    /// the call does not wait on memory. The default does nothing.
    /// </summary>
    void Prefetch(int localIndex, int stage)
    {
    }
}

/// <summary>Holds the entity objects itself and calls them directly.</summary>
public sealed class DirectEntityHost : IEntityHost
{
    private readonly IEntity[] _entities;

    public DirectEntityHost(ISimulationModel model, int firstEntity, int count)
    {
        _entities = new IEntity[count];
        for (var i = 0; i < count; i++) _entities[i] = model.CreateEntity(firstEntity + i);
    }

    public void Start(int localIndex, EventContext context) => EntityDriver.Start(_entities[localIndex], context);

    public void Handle(int localIndex, in SimEvent ev, EventContext context) => EntityDriver.Handle(_entities[localIndex], ev, context);

    public IEntity Entity(int localIndex) => _entities[localIndex];
}
