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

    IEntity CreateEntity(int id);
}
