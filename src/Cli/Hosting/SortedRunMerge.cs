namespace FgsActors.Cli.Hosting;

/// <summary>
/// Merges runs that are each sorted in <see cref="TracedEventOrder"/> into one sorted stream, read in batches: a heap
/// holds the head of every run, so the merge needs no memory beyond the runs themselves and the caller's batch.
/// </summary>
public sealed class SortedRunMerge
{
    private readonly ArraySegment<TracedEvent>[] _runs;
    private readonly int[] _next;
    private readonly PriorityQueue<int, TracedEvent> _heads = new(new TracedEventOrder());

    public SortedRunMerge(IEnumerable<ArraySegment<TracedEvent>> sortedRuns)
    {
        ArgumentNullException.ThrowIfNull(sortedRuns);
        _runs = [.. sortedRuns.Where(run => run.Count > 0)];
        _next = new int[_runs.Length];
        for (var r = 0; r < _runs.Length; r++)
        {
            _heads.Enqueue(r, _runs[r][0]);
            Remaining += _runs[r].Count;
        }
    }

    /// <summary>Events not read yet.</summary>
    public long Remaining { get; private set; }

    /// <summary>Fills <paramref name="into"/> with the next events in order; returns how many (0 once all are read).</summary>
    public int Read(Span<TracedEvent> into)
    {
        var n = 0;
        while (n < into.Length && _heads.TryPeek(out var r, out var head))
        {
            into[n++] = head;
            var next = ++_next[r];
            if (next < _runs[r].Count) _heads.DequeueEnqueue(r, _runs[r][next]); // one sift instead of two
            else _heads.Dequeue();
        }
        Remaining -= n;
        return n;
    }
}
