using Akka.Actor;

namespace FgsActors.Actors.Training;

/// <summary>One compute job for a trainer: the work, and where its result goes.</summary>
internal sealed record TrainerJob(Func<object?> Work, TaskCompletionSource<object?> Done);

/// <summary>
/// A trainer: runs the jobs it is given one at a time on its dispatcher's thread (local training and evaluation with
/// TorchSharp), and completes each job's task with the result or the exception. Jobs are pure functions of their
/// inputs, so which trainer runs a job never changes its result.
/// </summary>
internal sealed class TrainerActor(Action? onStart) : UntypedActor
{
    private bool _started;

    protected override void OnReceive(object message)
    {
        if (message is not TrainerJob job)
        {
            Unhandled(message);
            return;
        }
        if (!_started)
        {
            // Per-thread set-up (e.g. TorchSharp's thread count) on the dispatcher thread that runs the jobs.
            onStart?.Invoke();
            _started = true;
        }
        try
        {
            job.Done.TrySetResult(job.Work());
        }
        catch (Exception e)
        {
            job.Done.TrySetException(e);
        }
    }
}
