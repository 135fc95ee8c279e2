using FgsActors.Simulation.Checkpoints;
using FgsActors.Simulation.Federation;
using FgsActors.Simulation.Kernel;
using FgsActors.Simulation.Time;

namespace FgsActors.Cli.Hosting;

/// <summary>
/// How <c>fgs run</c> checkpoints: into the run directory's checkpoint.fgsck, every
/// <c>fgs.output.checkpoint-every-rounds</c> closed rounds for a fleet, no sooner than <c>fgs.output.checkpoint-min-interval</c>
/// apart (other models have no rounds: only at a stop),
/// and how it reads one back for <c>--resume</c>.
/// </summary>
public static class RunCheckpoints
{
    /// <summary>A checkpoint read and checked for the run about to resume.</summary>
    public sealed record Restart(CheckpointInfo Info, KernelSnapshot Snapshot);

    public static Restart Load(ResumedRun run, ISimulationModel model)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (model is not ICheckpointableModel checkpointable)
            throw new UsageException($"--resume: model '{model.Name}' cannot be checkpointed, so '{run.Dir}' cannot be resumed");
        var (info, snapshot) = CheckpointFile.Read(run.CheckpointPath, checkpointable, run.Fingerprint);
        return new Restart(info, snapshot);
    }

    /// <summary>The run's checkpoint sink; null when the model cannot be checkpointed.</summary>
    /// <param name="startProgress">Rounds closed when this (part of the) run begins: the checkpoint's, for a resumed run.</param>
    public static FileCheckpointSink? Sink(ISimulationModel model, string dir, string fingerprint, string program, int everyRounds, long startProgress,
        double minIntervalSeconds)
    {
        if (model is not ICheckpointableModel checkpointable) return null;
        var path = ResumedRun.CheckpointPathIn(dir);
        return model is FleetModel fleet
            ? new FileCheckpointSink(path, checkpointable, fingerprint, program, _ => ClosedRounds(fleet), everyRounds, startProgress,
                TimeSpan.FromSeconds(minIntervalSeconds))
            : new FileCheckpointSink(path, checkpointable, fingerprint, program, _ => 0, every: 0);
    }

    /// <summary>One line about a checkpoint, for the console.</summary>
    public static string Describe(CheckpointInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        return $"the checkpoint written {info.WrittenUtc:yyyy-MM-dd HH:mm:ss} UTC: t={VirtualTime.ToSeconds(info.LastEventTime)}s, "
            + $"{info.Progress} rounds closed, {info.Windows:N0} windows";
    }

    /// <summary>Deletes the run's checkpoint (a complete run does not need it).</summary>
    public static void Remove(string dir)
    {
        var path = ResumedRun.CheckpointPathIn(dir);
        File.Delete(path);
        File.Delete(path + ".tmp");
    }

    // Rounds are closed in order; only the last one can still be open. Read between windows, with the model idle.
    private static long ClosedRounds(FleetModel fleet)
    {
        if (fleet.Aggregator is not { } aggregator) return 0;
        var rounds = aggregator.Rounds;
        return rounds.Count > 0 && rounds[^1].EndTicks is null ? rounds.Count - 1 : rounds.Count;
    }
}
