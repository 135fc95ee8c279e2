namespace FgsActors.Models.Federated;

/// <summary>Runs compute jobs (local training, evaluation) somewhere other than the simulation's threads.</summary>
public interface IJobRunner
{
    /// <summary>Starts <paramref name="job"/>; the task completes with its result or its exception.</summary>
    Task<T> Run<T>(Func<T> job);
}

/// <summary>Runs each job on the calling thread (tests, and runs without a trainer pool).</summary>
public sealed class InlineJobRunner : IJobRunner
{
    public static InlineJobRunner Instance { get; } = new();

    public Task<T> Run<T>(Func<T> job)
    {
        ArgumentNullException.ThrowIfNull(job);
        try
        {
            return Task.FromResult(job());
        }
        catch (Exception e)
        {
            return Task.FromException<T>(e);
        }
    }
}
