using FgsActors.Simulation.Checkpoints;
using FgsActors.Simulation.Kernel;

namespace FgsActors.Actors.Kernel;

/// <summary>
/// Extras of a run whose partitions all live in this process (they hold objects, so they cannot cross nodes):
/// an observer per partition for the per-event trace, where checkpoints go, and a checkpoint to resume from.
/// </summary>
/// <param name="Observers">Gives partition p its event observer (null: none).</param>
/// <param name="Checkpoints">Asked at every window boundary whether to checkpoint, and at a stop request; the model must be an
/// <see cref="ICheckpointableModel"/>.</param>
/// <param name="Resume">Start from this checkpoint instead of time 0 (the model's own state is restored before the partitions').</param>
public sealed record LocalRunHooks(Func<int, IEventObserver?>? Observers = null, ICheckpointSink? Checkpoints = null, KernelSnapshot? Resume = null);
