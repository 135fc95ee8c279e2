namespace FgsActors.Models.Availability;

/// <summary>
/// One device's availability replayed from recorded online intervals with [from, to) semantics: online
/// at <c>from</c>, offline at <c>to</c>, offline outside every interval (before the first and after the
/// last). Intervals are sorted and touching ones merged, so transitions always alternate.
/// </summary>
public sealed class TraceAvailability
{
    private readonly double[] _from;
    private readonly double[] _to;

    /// <summary>A device that is never online (e.g. one with no rows in the trace).</summary>
    public static TraceAvailability Never { get; } = new([]);

    /// <param name="intervals">Online intervals in any order; each needs finite 0 ≤ from &lt; to, and
    /// they may touch but not overlap (the CSV parser reports overlaps with line numbers first).</param>
    public TraceAvailability(IEnumerable<OnlineInterval> intervals)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        var sorted = intervals.OrderBy(i => i.FromS).ThenBy(i => i.ToS).ToArray();
        var from = new List<double>(sorted.Length);
        var to = new List<double>(sorted.Length);
        foreach (var interval in sorted)
        {
            if (!(double.IsFinite(interval.FromS) && double.IsFinite(interval.ToS)
                  && interval.FromS >= 0 && interval.FromS < interval.ToS))
                throw new ArgumentException($"invalid online interval [{interval.FromS}, {interval.ToS})", nameof(intervals));
            if (to.Count > 0 && interval.FromS < to[^1])
                throw new ArgumentException(
                    $"online interval [{interval.FromS}, {interval.ToS}) overlaps [{from[^1]}, {to[^1]})", nameof(intervals));
            if (to.Count > 0 && interval.FromS == to[^1])
            {
                to[^1] = interval.ToS; // touching: one session, no offline instant in between
                continue;
            }
            from.Add(interval.FromS);
            to.Add(interval.ToS);
        }
        _from = [.. from];
        _to = [.. to];
    }

    /// <summary>The merged intervals, sorted.</summary>
    public IReadOnlyList<OnlineInterval> Intervals => _from.Select((f, i) => new OnlineInterval(f, _to[i])).ToArray();

    /// <summary>True when t lies in some [from, to).</summary>
    public bool IsOnline(double tS)
    {
        var i = LastStartAtOrBefore(tS);
        return i >= 0 && tS < _to[i];
    }

    /// <summary>
    /// The first transition strictly after <paramref name="tS"/>, or null when the trace has none left
    /// (the device stays offline). The state at t itself is <see cref="IsOnline"/>.
    /// </summary>
    public AvailabilityTransition? NextTransition(double tS)
    {
        var i = LastStartAtOrBefore(tS);
        if (i >= 0 && tS < _to[i]) return new AvailabilityTransition(_to[i], GoesOnline: false);
        return i + 1 < _from.Length ? new AvailabilityTransition(_from[i + 1], GoesOnline: true) : null;
    }

    /// <summary>Index of the last interval with from ≤ t, or −1.</summary>
    private int LastStartAtOrBefore(double tS)
    {
        int lo = 0, hi = _from.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            if (_from[mid] <= tS) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found;
    }
}
