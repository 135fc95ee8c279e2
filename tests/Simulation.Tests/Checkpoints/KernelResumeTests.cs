using FgsActors.Models.Checkpoints;
using FgsActors.Simulation.Checkpoints;
using FgsActors.Simulation.Kernel;
using FgsActors.Simulation.Workloads.Phold;

namespace FgsActors.Simulation.Tests.Checkpoints;

/// <summary>
/// A run checkpointed at a window boundary and resumed from the file gives exactly the uninterrupted run's result, on
/// the same or another layout; a damaged or foreign checkpoint is refused.
/// </summary>
public sealed class KernelResumeTests : IDisposable
{
    private static readonly PholdSettings Settings = new(Lps: 300, EventsPerLp: 2, Remote: 0.8, LookaheadSeconds: 0.1, MeanSeconds: 1.0, EndSeconds: 40, Seed: 11);
    private readonly string _dir = Directory.CreateTempSubdirectory("fgs-kernel-resume").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Path => System.IO.Path.Combine(_dir, CheckpointFile.FileName);

    [Theory]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    [InlineData(3, 1)]
    [InlineData(2, 5)]
    public void Resumed_phold_equals_the_uninterrupted_run(int partitionsBefore, int partitionsAfter)
    {
        // (One partition runs the whole horizon in a single window: its only boundary is before the first event.)
        var full = LocalKernel.Run(new PholdModel(Settings), partitionsBefore);
        var checkpointed = new PholdModel(Settings);
        var sink = new CheckpointTestSink(Path, checkpointed, atWindow: full.Windows / 2);
        var whileCheckpointing = LocalKernel.Run(checkpointed, partitionsBefore, sink);
        Assert.Equal(1, sink.Written);
        Assert.Equal(full, whileCheckpointing); // taking a checkpoint changes nothing

        var fresh = new PholdModel(Settings);
        var (info, snapshot) = CheckpointFile.Read(Path, fresh, "test-config");
        Assert.Equal(full.Windows / 2, info.Windows);
        Assert.InRange(snapshot.EventsProcessed, 1, full.Events - 1);
        var resumed = LocalKernel.Run(fresh, partitionsAfter, resume: snapshot);
        Assert.Equal(full.Events, resumed.Events);
        Assert.Equal(full.EventDigest, resumed.EventDigest);
        Assert.Equal(full.LastEventTime, resumed.LastEventTime);
    }

    [Fact]
    public void A_truncated_checkpoint_is_refused_by_its_hash()
    {
        WriteCheckpoint();
        var bytes = File.ReadAllBytes(Path);
        File.WriteAllBytes(Path, bytes[..(bytes.Length / 2)]);
        var e = Assert.Throws<CheckpointFormatException>(() => CheckpointFile.Read(Path, new PholdModel(Settings), "test-config"));
        Assert.Contains("damaged", e.Message);
        Assert.Contains(Path, e.Message);
    }

    [Fact]
    public void A_flipped_byte_is_refused_by_its_hash()
    {
        WriteCheckpoint();
        var bytes = File.ReadAllBytes(Path);
        bytes[bytes.Length / 3] ^= 0x40;
        File.WriteAllBytes(Path, bytes);
        Assert.Contains("damaged", Assert.Throws<CheckpointFormatException>(() => CheckpointFile.Read(Path, new PholdModel(Settings), "test-config")).Message);
    }

    [Fact]
    public void A_checkpoint_of_another_configuration_or_model_size_is_refused()
    {
        WriteCheckpoint();
        Assert.Contains("another configuration", Assert.Throws<CheckpointFormatException>(() => CheckpointFile.Read(Path, new PholdModel(Settings), "other-config")).Message);
        var bigger = new PholdModel(Settings with { Lps = 301 });
        Assert.Contains("300 entities", Assert.Throws<CheckpointFormatException>(() => CheckpointFile.Read(Path, bigger, "test-config")).Message);
    }

    [Fact]
    public void A_file_that_is_not_a_checkpoint_is_refused()
    {
        File.WriteAllText(Path, "fgs.run.name = x\nthis is a config file, not a checkpoint at all");
        Assert.Contains("not an fgs checkpoint", Assert.Throws<CheckpointFormatException>(() => CheckpointFile.ReadInfo(Path)).Message);
        Assert.Contains("no checkpoint", Assert.Throws<CheckpointFormatException>(() => CheckpointFile.ReadInfo(Path + ".missing")).Message);
    }

    [Fact]
    public void Writing_replaces_the_previous_checkpoint_and_leaves_no_temporary_file()
    {
        WriteCheckpoint();
        var model = new PholdModel(Settings);
        LocalKernel.Run(model, 2, new CheckpointTestSink(Path, model, atWindow: 5));
        Assert.Equal(5, CheckpointFile.ReadInfo(Path).Windows);
        Assert.Single(Directory.GetFiles(_dir));
    }

    [Fact]
    public void A_checkpoint_that_cannot_be_written_is_reported_and_the_run_goes_on()
    {
        var full = LocalKernel.Run(new PholdModel(Settings), 2);
        var model = new PholdModel(Settings);
        var missingDir = System.IO.Path.Combine(_dir, "missing");
        var sink = new FileCheckpointSink(System.IO.Path.Combine(missingDir, CheckpointFile.FileName), model, "test-config", "test", windows => windows, every: 10);

        var result = LocalKernel.Run(model, 2, sink);

        Assert.Equal(full, result);
        Assert.Equal(0, sink.Written);
        Assert.NotNull(sink.Failure);
        Assert.Contains(missingDir, sink.Failure, StringComparison.Ordinal);
        Assert.False(Directory.Exists(missingDir));
    }

    private void WriteCheckpoint()
    {
        var model = new PholdModel(Settings);
        LocalKernel.Run(model, 2, new CheckpointTestSink(Path, model, atWindow: 20));
    }
}
