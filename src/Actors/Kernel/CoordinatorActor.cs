using System.Diagnostics;
using Akka.Actor;
using FgsActors.Actors.Kernel.Protocol;
using FgsActors.Simulation.Checkpoints;
using FgsActors.Simulation.Kernel;

namespace FgsActors.Actors.Kernel;

/// <summary>
/// Grants time windows to the partitions. After every partition has reported its round, it applies
/// <see cref="WindowRules"/> to their statuses and sends each its bound; when no partition holds an event
/// before the end, it collects the totals and replies to whoever asked for the run. A <see cref="StopRun"/> ends the run
/// early at the next window boundary — the next safe point, where every partition has finished its window and nothing is
/// in flight — with the totals so far (<see cref="KernelRunCompleted.Stopped"/>).
/// <para>Checkpoints (local runs): at a boundary where the sink says one is due, and at a stop, every partition writes
/// its section; the sink stores them while the model is idle, and only then does the run go on.</para>
/// </summary>
public sealed class CoordinatorActor : UntypedActor
{
    private readonly IActorRef[] _partitions;
    private readonly long _lookahead;
    private readonly long _endTime;
    private readonly IActorRef _replyTo;
    private readonly PartitionStatus[] _statuses;
    private readonly long[] _grants;
    private readonly PartitionFinished?[] _finals;
    private readonly Stopwatch _wall = new();
    private readonly Action<KernelProgress>? _progress;
    private int _reported;
    private bool _stopRequested;
    private bool _stopped;
    private long _round;
    private long _windows;
    private readonly long[] _eventsByPartition;
    private readonly ICheckpointSink? _checkpoints;
    private byte[][]? _sections;
    private int _sectionsIn;

    public CoordinatorActor(IActorRef[] partitions, long lookahead, long endTime, IActorRef replyTo, Action<KernelProgress>? progress,
        ICheckpointSink? checkpoints = null, long windowsBefore = 0)
    {
        _checkpoints = checkpoints;
        _windows = windowsBefore;
        _partitions = partitions;
        _lookahead = lookahead;
        _endTime = endTime;
        _replyTo = replyTo;
        _progress = progress;
        _statuses = new PartitionStatus[partitions.Length];
        _grants = new long[partitions.Length];
        _finals = new PartitionFinished?[partitions.Length];
        _eventsByPartition = new long[partitions.Length];
    }

    public static Props Props(IActorRef[] partitions, long lookahead, long endTime, IActorRef replyTo, Action<KernelProgress>? progress = null,
        ICheckpointSink? checkpoints = null, long windowsBefore = 0) =>
        Akka.Actor.Props.Create(() => new CoordinatorActor(partitions, lookahead, endTime, replyTo, progress, checkpoints, windowsBefore));

    protected override void PreStart()
    {
        _wall.Start();
        foreach (var partition in _partitions) partition.Tell(new StartPartition(Self, _partitions), Self);
    }

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case WindowDone done when done.Round == _round:
                _statuses[done.Partition] = new PartitionStatus(done.NextEventTime, done.OutputBound);
                _eventsByPartition[done.Partition] = done.Events;
                if (++_reported == _partitions.Length) NextWindow();
                break;
            case PartitionFailed failed:
                _replyTo.Tell(failed, Self);
                Context.Stop(Self);
                break;
            case StopRun:
                _stopRequested = true;
                break;
            case CheckpointSection section when _sections is not null:
                _sections[section.Partition] = section.Bytes;
                if (++_sectionsIn == _partitions.Length) CheckpointWritten();
                break;
            case PartitionFinished finished:
                _finals[finished.Partition] = finished;
                if (++_reported == _partitions.Length) Complete();
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void NextWindow()
    {
        _reported = 0;
        _progress?.Invoke(new KernelProgress(_windows, MinNextEvent(), _eventsByPartition.Sum(), _wall.Elapsed.TotalSeconds));
        if (_checkpoints is { } sink && !WindowRules.Finished(_statuses, _endTime) && (_stopRequested || sink.Due(_windows)))
        {
            _sections = new byte[_partitions.Length][];
            _sectionsIn = 0;
            foreach (var partition in _partitions) partition.Tell(new TakeCheckpoint(), Self);
            return;
        }
        GrantOrFinish();
    }

    private void CheckpointWritten()
    {
        var sections = _sections!;
        _sections = null;
        try
        {
            _checkpoints!.Write(sections, _windows);
        }
        catch (Exception e)
        {
            // The sink reports what it can survive (a full disk) itself; anything thrown here is a bug: end the run clearly.
            _replyTo.Tell(new PartitionFailed(-1, $"checkpoint: {e.GetType().Name}: {e.Message}"), Self);
            Context.Stop(Self);
            return;
        }
        GrantOrFinish();
    }

    private void GrantOrFinish()
    {
        if (WindowRules.Finished(_statuses, _endTime) || _stopRequested)
        {
            _stopped = !WindowRules.Finished(_statuses, _endTime);
            foreach (var partition in _partitions) partition.Tell(new FinishPartition(), Self);
            return;
        }
        WindowRules.ComputeGrants(_statuses, _lookahead, _endTime, _grants);
        _round++;
        _windows++;
        for (var p = 0; p < _partitions.Length; p++) _partitions[p].Tell(new Grant(_round, _grants[p]), Self);
    }

    private long MinNextEvent()
    {
        var min = long.MaxValue;
        foreach (var s in _statuses) min = Math.Min(min, s.NextEventTime);
        return min;
    }

    private void Complete()
    {
        long events = 0;
        ulong digest = 0;
        long last = 0;
        foreach (var f in _finals)
        {
            events += f!.Events;
            digest += f.EventDigest;
            last = Math.Max(last, f.LocalTime);
        }
        _replyTo.Tell(new KernelRunCompleted(new KernelResult(events, digest, _windows, last), _wall.Elapsed.TotalSeconds, _stopped), Self);
        Context.Stop(Self);
    }
}

/// <summary>Progress after a window: windows so far, the earliest pending event, events processed in total.</summary>
public sealed record KernelProgress(long Windows, long NextEventTime, long Events, double WallSeconds);

/// <summary>Reply to the requester of a run; <paramref name="Stopped"/> when a <see cref="StopRun"/> ended it before its end time.</summary>
public sealed record KernelRunCompleted(KernelResult Result, double WallSeconds, bool Stopped = false);

/// <summary>Asks the coordinator to end the run at the next window boundary (Ctrl-C, SIGTERM).</summary>
public sealed record StopRun;
