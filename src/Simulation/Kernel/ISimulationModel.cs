namespace FgsActors.Simulation.Kernel;

/// <summary>
/// A model the kernel can run: a fixed set of entities with ids 0..EntityCount-1, created on whichever
/// partition or node hosts them. Every node builds the same model from the same settings, so creating an
/// entity must depend only on its id and the model's settings.
/// </summary>
public interface ISimulationModel
{
    /// <summary>Short name shown in results (e.g. "phold").</summary>
    string Name { get; }

    int EntityCount { get; }

    /// <summary>Minimum delay of any message between two distinct entities, in ticks (> 0).</summary>
    long Lookahead { get; }

    /// <summary>Events at or after this time are not processed (ticks).</summary>
    long EndTime { get; }

    ulong Seed { get; }

    /// <summary>
    /// Minimum delay of any message between entities on different partitions, in ticks (≥ <see cref="Lookahead"/>).
    /// Synchronisation windows use this one; a model whose short hops stay inside a partition (see
    /// <see cref="KeepsWithPrevious"/>) gets windows as long as its long hops. The kernel checks every send.
    /// </summary>
    long RemoteLookahead => Lookahead;

    /// <summary>True when entity <paramref name="id"/> must be placed on the same partition as entity id − 1.</summary>
    bool KeepsWithPrevious(int id) => false;

    IEntity CreateEntity(int id);
}
