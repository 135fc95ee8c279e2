using FgsActors.Simulation.Checkpoints;
using FgsActors.Simulation.Kernel;
using FgsActors.Simulation.Time;
using FgsActors.Simulation.Workloads.Sparse;

namespace FgsActors.Simulation.Tests.Checkpoints;

/// <summary>
/// The sparse workload checkpointed at a window boundary and resumed from the file gives exactly the uninterrupted
/// run's result, on the same or another layout: the leaves' streams, pending events, promises and counters and the
/// hub's link stream all go on where they stopped.
/// </summary>
public sealed class SparseResumeTests : IDisposable
{
    // Sends often enough (one local event in five, every 10 min per leaf) that the hub's traffic makes many windows.
    private static readonly SparseSettings Settings = new(Leaves: 150, MeanGapTicks: 600 * VirtualTime.TicksPerSecond, SendFraction: 0.2,
        EndTicks: 6 * 3_600 * VirtualTime.TicksPerSecond, Seed: 17);

    private readonly string _dir = Directory.CreateTempSubdirectory("fgs-sparse-resume").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Path => System.IO.Path.Combine(_dir, CheckpointFile.FileName);

    [Theory]
    [InlineData(3, 3)]
    [InlineData(3, 1)]
    [InlineData(1, 1)]
    [InlineData(1, 3)]
    public void Resumed_sparse_equals_the_uninterrupted_run(int partitionsBefore, int partitionsAfter)
    {
        var full = LocalKernel.Run(new SparseModel(Settings), partitionsBefore);
        // One partition runs the horizon in one window: its only boundary is window 0, after Start and before any
        // event, which still checks that restored entities replace started ones.
        var atWindow = full.Windows / 2;
        var checkpointed = new SparseModel(Settings);
        var sink = new CheckpointTestSink(Path, checkpointed, atWindow);
        Assert.Equal(full, LocalKernel.Run(checkpointed, partitionsBefore, sink)); // taking a checkpoint changes nothing
        Assert.Equal(1, sink.Written);

        var fresh = new SparseModel(Settings);
        var (info, snapshot) = CheckpointFile.Read(Path, fresh, "test-config");
        Assert.Equal(atWindow, info.Windows);
        if (partitionsBefore > 1) Assert.InRange(snapshot.EventsProcessed, 1, full.Events - 1);
        var resumed = LocalKernel.Run(fresh, partitionsAfter, resume: snapshot);

        // The window count depends on the layout (a resumed run counts on from the checkpoint's), the rest must not.
        if (partitionsAfter == partitionsBefore) Assert.Equal(full, resumed);
        Assert.Equal((full.Events, full.EventDigest, full.LastEventTime), (resumed.Events, resumed.EventDigest, resumed.LastEventTime));
        Assert.True(full.Events > 3_000, $"only {full.Events} events");
    }
}
