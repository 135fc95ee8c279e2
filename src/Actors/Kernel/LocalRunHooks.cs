using FgsActors.Simulation.Kernel;

namespace FgsActors.Actors.Kernel;

/// <summary>
/// Extras of a run whose partitions all live in this process (they hold objects, so they cannot cross nodes):
/// an observer per partition for the per-event trace.
/// </summary>
/// <param name="Observers">Gives partition p its event observer (null: none).</param>
public sealed record LocalRunHooks(Func<int, IEventObserver?>? Observers = null);
