using System.Runtime.CompilerServices;
using FgsActors.Actors.Kernel;
using FgsActors.Simulation.Events;
using FgsActors.Simulation.Kernel;

namespace FgsActors.Cli.Hosting;

/// <summary>
/// Records every event a local run processes (<c>fgs run --trace</c>) and gives them back in the kernel's total order,
/// so that the trace is the same whatever the number of partitions and workers.
/// <para>Each partition gets its own log (<see cref="Hooks"/>), written only on that partition's thread, so recording
/// takes no lock: an event is copied into the log's current chunk (36 bytes, <see cref="TracedEvent"/>). Chunks grow
/// from 1,024 to 65,536 events and are never copied once full, so a long trace needs no giant array and no
/// re-allocation. After the run, <see cref="Ordered"/> sorts each chunk and merges them all.</para>
/// </summary>
public sealed class EventTraceRecorder
{
    /// <summary>Above this many events (about 1.8 GB of memory) <c>fgs run --trace</c> warns, once, while the run goes on.</summary>
    public const long LargeTraceEvents = 50_000_000;

    /// <summary>Memory one recorded event takes, bytes.</summary>
    public static int BytesPerEvent => Unsafe.SizeOf<TracedEvent>();

    private const int FirstChunk = 1 << 10;
    private const int LargestChunk = 1 << 16;

    private readonly List<PartitionLog> _logs = [];
    private readonly long _largeAt;
    private readonly Action<long>? _onLarge;
    private long _inFullChunks;
    private int _warned;

    /// <param name="onLarge">Called once, on a partition's thread, when the recorded events pass
    /// <paramref name="largeAt"/> (counted in full chunks: it fires at most one chunk per partition late).</param>
    /// <param name="largeAt">The event count that triggers <paramref name="onLarge"/>.</param>
    public EventTraceRecorder(Action<long>? onLarge = null, long largeAt = LargeTraceEvents)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(largeAt, 1);
        _onLarge = onLarge;
        _largeAt = largeAt;
    }

    /// <summary>The run hooks that give each partition its log: pass them to <c>KernelRunner.RunLocalAsync</c>.</summary>
    public LocalRunHooks Hooks => new(Observers: ObserverFor);

    /// <summary>Events recorded so far (read it after the run; during it, the count is only approximate).</summary>
    public long Count
    {
        get
        {
            lock (_logs) return _logs.Sum(log => log.Count);
        }
    }

    /// <summary>A new log for one partition (partitions are set up concurrently, hence the lock here, off the hot path).</summary>
    public IEventObserver ObserverFor(int partition)
    {
        var log = new PartitionLog(this);
        lock (_logs) _logs.Add(log);
        return log;
    }

    /// <summary>
    /// Sorts what was recorded and returns it as one stream in the kernel's total order. Call after the run, once no
    /// partition records any more.
    /// </summary>
    public SortedRunMerge Ordered()
    {
        List<ArraySegment<TracedEvent>> runs;
        lock (_logs) runs = [.. _logs.SelectMany(log => log.Chunks)];
        var order = new TracedEventOrder();
        Parallel.ForEach(runs, run => run.AsSpan().Sort(order));
        return new SortedRunMerge(runs);
    }

    private void ChunkFilled(int events)
    {
        var total = Interlocked.Add(ref _inFullChunks, events);
        if (total >= _largeAt && Interlocked.Exchange(ref _warned, 1) == 0) _onLarge?.Invoke(total);
    }

    /// <summary>One partition's events in the order it processed them, in chunks.</summary>
    private sealed class PartitionLog(EventTraceRecorder owner) : IEventObserver
    {
        private readonly List<TracedEvent[]> _full = [];
        private TracedEvent[] _current = new TracedEvent[FirstChunk];
        private int _used;

        public long Count => _full.Sum(chunk => (long)chunk.Length) + _used;

        public IEnumerable<ArraySegment<TracedEvent>> Chunks =>
            _full.Select(chunk => new ArraySegment<TracedEvent>(chunk)).Append(new ArraySegment<TracedEvent>(_current, 0, _used));

        public void Processed(in SimEvent ev)
        {
            if (_used == _current.Length) NextChunk();
            _current[_used++] = TracedEvent.Of(ev);
        }

        private void NextChunk()
        {
            _full.Add(_current);
            owner.ChunkFilled(_current.Length);
            _current = new TracedEvent[Math.Min(LargestChunk, 2 * _current.Length)];
            _used = 0;
        }
    }
}
