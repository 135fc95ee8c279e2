using FgsActors.Actors.Training;

namespace FgsActors.Actors.Tests.Training;

public sealed class TrainerPoolTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Jobs_return_their_results()
    {
        using var pool = new TrainerPool(2);
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => pool.Run(() => i * i))).WaitAsync(Timeout);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => i * i), results);
    }

    [Fact]
    public async Task A_failing_job_fails_its_task_and_the_trainer_goes_on()
    {
        using var pool = new TrainerPool(1);
        var failing = pool.Run<int>(() => throw new InvalidOperationException("bad job"));
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => failing.WaitAsync(Timeout));
        Assert.Equal("bad job", e.Message);
        Assert.Equal(7, await pool.Run(() => 7).WaitAsync(Timeout));
    }

    [Fact]
    public async Task Two_trainers_run_two_jobs_at_once_on_their_own_threads()
    {
        using var pool = new TrainerPool(2);
        // Each job waits for the other: this finishes only if both run at the same time.
        using var barrier = new Barrier(2);
        var threads = await Task.WhenAll(
            pool.Run(() => { barrier.SignalAndWait(Timeout); return Environment.CurrentManagedThreadId; }),
            pool.Run(() => { barrier.SignalAndWait(Timeout); return Environment.CurrentManagedThreadId; })).WaitAsync(Timeout);
        Assert.NotEqual(threads[0], threads[1]);
        Assert.DoesNotContain(Environment.CurrentManagedThreadId, threads);
    }

    [Fact]
    public async Task Each_trainer_runs_its_start_hook_once_on_its_own_thread()
    {
        var hooks = new System.Collections.Concurrent.ConcurrentBag<int>();
        using var pool = new TrainerPool(2, () => hooks.Add(Environment.CurrentManagedThreadId));
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => pool.Run(() => i))).WaitAsync(Timeout);
        Assert.Equal(2, hooks.Count);
    }
}
