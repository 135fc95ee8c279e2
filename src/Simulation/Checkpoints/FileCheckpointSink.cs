using FgsActors.Simulation.Kernel;

namespace FgsActors.Simulation.Checkpoints;

/// <summary>
/// Writes a run's checkpoint to one file, replacing the previous one, each time the model's progress figure (the fleet:
/// rounds closed) has advanced by <c>every</c> since the last checkpoint (or since the start or resume), and at least
/// <c>minInterval</c> of wall-clock time has passed (a wall-clock rule is safe here: when a checkpoint is taken never
/// changes the run's results, only what a crash would lose). A write that
/// fails for lack of room or rights does not end the run: the failure is kept in <see cref="Failure"/> for the run's
/// report, and the previous checkpoint stays as it was.
/// </summary>
public sealed class FileCheckpointSink : ICheckpointSink
{
    private readonly ICheckpointableModel _model;
    private readonly string _fingerprint;
    private readonly string _program;
    private readonly Func<long, long> _progress;
    private readonly long _every;
    private readonly TimeSpan _minInterval;
    private readonly System.Diagnostics.Stopwatch _sinceLast = System.Diagnostics.Stopwatch.StartNew();
    private long _lastProgress;

    /// <param name="progress">The model's progress figure, given the windows run so far.</param>
    /// <param name="every">Progress between checkpoints; 0 for none except the one at a stop request.</param>
    /// <param name="startProgress">Progress when the run (or its resumed part) began.</param>
    /// <param name="minInterval">Least wall-clock time between checkpoints (and from the start to the first).</param>
    public FileCheckpointSink(string path, ICheckpointableModel model, string fingerprint, string program, Func<long, long> progress, long every,
        long startProgress = 0, TimeSpan minInterval = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(every);
        _minInterval = minInterval;
        Path = path;
        _model = model;
        _fingerprint = fingerprint;
        _program = program;
        _progress = progress;
        _every = every;
        _lastProgress = startProgress;
    }

    public string Path { get; }

    /// <summary>Checkpoints written by this sink.</summary>
    public int Written { get; private set; }

    /// <summary>The last checkpoint written; null before the first.</summary>
    public CheckpointInfo? Last { get; private set; }

    /// <summary>Wall time spent writing checkpoint files (serialising the model, hashing, writing, flushing), s.</summary>
    public double WriteSeconds { get; private set; }

    /// <summary>Size of the last checkpoint written, bytes.</summary>
    public long LastBytes { get; private set; }

    /// <summary>Why the last write failed; null when it did not.</summary>
    public string? Failure { get; private set; }

    public bool Due(long windows) => _every > 0 && _progress(windows) >= _lastProgress + _every && _sinceLast.Elapsed >= _minInterval;

    public void Write(IReadOnlyList<byte[]> sections, long windows)
    {
        ArgumentNullException.ThrowIfNull(sections);
        var progress = _progress(windows);
        _lastProgress = progress;
        _sinceLast.Restart();
        var info = new CheckpointInfo(_fingerprint, _model.Name, _model.EntityCount, windows, progress,
            sections.Count == 0 ? 0 : sections.Max(PartitionSection.LocalTimeOf), _program, DateTime.UtcNow);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            CheckpointFile.Write(Path, info, _model, sections);
            WriteSeconds += watch.Elapsed.TotalSeconds;
            LastBytes = new FileInfo(Path).Length;
            Written++;
            Last = info;
            Failure = null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Failure = $"checkpoint {Path} not written: {e.Message}";
        }
    }
}
