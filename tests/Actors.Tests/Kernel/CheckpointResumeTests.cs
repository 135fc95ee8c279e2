using FgsActors.Actors.Kernel;
using FgsActors.Simulation.Checkpoints;
using FgsActors.Simulation.Workloads.Phold;

namespace FgsActors.Actors.Tests.Kernel;

/// <summary>
/// On the actor kernel, checkpoints taken at window boundaries (on a schedule, or at a stop request) resume to exactly
/// the uninterrupted run's result, on the same or another number of partitions.
/// </summary>
public sealed class CheckpointResumeTests : IDisposable
{
    private static readonly PholdSettings Settings = new(Lps: 1_000, EventsPerLp: 1, Remote: 0.9, LookaheadSeconds: 0.1, MeanSeconds: 1.0, EndSeconds: 60, Seed: 5);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string _dir = Directory.CreateTempSubdirectory("fgs-actor-resume").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    private static FileCheckpointSink Sink(string path, PholdModel model, long every) =>
        new(path, model, "phold-test", "test", windows => windows, every);

    [Fact]
    public async Task Scheduled_checkpoints_change_nothing_and_the_last_one_resumes_to_the_same_result()
    {
        var full = await KernelRunner.RunLocalAsync(new PholdModel(Settings), partitions: 4, workers: 2).WaitAsync(Timeout);
        var model = new PholdModel(Settings);
        var sink = Sink(PathOf("scheduled.fgsck"), model, every: 40);
        var checkpointed = await KernelRunner.RunLocalAsync(model, partitions: 4, workers: 2, hooks: new LocalRunHooks(Checkpoints: sink)).WaitAsync(Timeout);
        Assert.True(sink.Written >= 2, $"{sink.Written} checkpoints in {full.Result.Windows} windows");
        Assert.Null(sink.Failure);
        Assert.Equal(full.Result, checkpointed.Result);

        var fresh = new PholdModel(Settings);
        var (_, snapshot) = CheckpointFile.Read(sink.Path, fresh, "phold-test");
        var resumed = await KernelRunner.RunLocalAsync(fresh, partitions: 3, workers: 2, hooks: new LocalRunHooks(Resume: snapshot)).WaitAsync(Timeout);
        Assert.Equal(full.Result.Events, resumed.Result.Events);
        Assert.Equal(full.Result.EventDigest, resumed.Result.EventDigest);
        Assert.Equal(full.Result.LastEventTime, resumed.Result.LastEventTime);
    }

    [Fact]
    public async Task A_stop_request_writes_a_checkpoint_at_the_stop_and_the_resumed_run_completes_identically()
    {
        var full = await KernelRunner.RunLocalAsync(new PholdModel(Settings), partitions: 4, workers: 2).WaitAsync(Timeout);
        var model = new PholdModel(Settings);
        var sink = Sink(PathOf("stop.fgsck"), model, every: 0);
        using var stop = new CancellationTokenSource();
        // Ask for the stop from the progress callback once a third of the windows are done: a mid-run stop.
        var stopped = await KernelRunner.RunLocalAsync(model, partitions: 4, workers: 2,
            progress: p => { if (p.Windows >= full.Result.Windows / 3) stop.Cancel(); },
            stopRequest: stop.Token, hooks: new LocalRunHooks(Checkpoints: sink)).WaitAsync(Timeout);
        Assert.True(stopped.Stopped);
        Assert.Equal(1, sink.Written);
        Assert.InRange(stopped.Result.Events, 1, full.Result.Events - 1);

        var fresh = new PholdModel(Settings);
        var (info, snapshot) = CheckpointFile.Read(sink.Path, fresh, "phold-test");
        Assert.Equal(stopped.Result.Events, snapshot.EventsProcessed);
        Assert.Equal(stopped.Result.LastEventTime, info.LastEventTime);
        var resumed = await KernelRunner.RunLocalAsync(fresh, partitions: 2, workers: 2, hooks: new LocalRunHooks(Resume: snapshot)).WaitAsync(Timeout);
        Assert.False(resumed.Stopped);
        Assert.Equal(full.Result.Events, resumed.Result.Events);
        Assert.Equal(full.Result.EventDigest, resumed.Result.EventDigest);
        Assert.Equal(full.Result.LastEventTime, resumed.Result.LastEventTime);
    }
}
