using FgsActors.Simulation.Events;

namespace FgsActors.Simulation.Kernel;

/// <summary>
/// Sees every event a partition processes, right after its entity handled it, on the partition's thread (for the
/// per-event trace). It must not change the model.
/// </summary>
public interface IEventObserver
{
    void Processed(in SimEvent ev);
}
