using FgsActors.Simulation.Time;

namespace FgsActors.Simulation.Kernel;

/// <summary>
/// The conservative synchronisation rule, as a pure function of the partitions' statuses.
/// <para>Partition q can only ever send a message at or after
/// out_q = min(own_q, earliest message q can still receive + lookahead), where own_q is its own output bound
/// (earliest loud event + lookahead, or an entity's earliest-output-time promise). Any partition can
/// send to any other, so in[q] = min over r≠q of out_r, and the fixed point is: the partition a with the
/// smallest own bound has out_a = own_a; every other has out_q = min(own_q, own_a + lookahead).</para>
/// <para>Partition p may then process every event below grant_p = min(end, min over q≠p of out_q): no
/// message below that can reach it any more. This is YAWNS-style windowing (Nicol 1993) where the window
/// edge comes from earliest-output-time promises rather than from next-event times, so a sparse fleet whose
/// next message is an hour away advances an hour per window, not one event.</para>
/// </summary>
public static class WindowRules
{
    /// <summary>Computes every partition's grant into <paramref name="grants"/>.</summary>
    public static void ComputeGrants(ReadOnlySpan<PartitionStatus> statuses, long lookahead, long endTime, Span<long> grants)
    {
        if (statuses.Length != grants.Length) throw new ArgumentException("one grant per partition is needed", nameof(grants));
        if (lookahead <= 0) throw new ArgumentOutOfRangeException(nameof(lookahead), lookahead, "the lookahead must be positive");
        var n = statuses.Length;
        if (n == 1)
        {
            grants[0] = endTime;
            return;
        }
        // Smallest and second-smallest own bound.
        var a = -1;
        var ownA = VirtualTime.Infinity;
        for (var i = 0; i < n; i++)
        {
            if (statuses[i].OutputBound < ownA || a < 0)
            {
                ownA = statuses[i].OutputBound;
                a = i;
            }
        }
        var relayed = VirtualTime.Add(ownA, lookahead); // earliest reaction of anyone to a's first message
        var outMinExceptA = VirtualTime.Infinity;
        for (var i = 0; i < n; i++)
        {
            if (i == a) continue;
            outMinExceptA = Math.Min(outMinExceptA, Math.Min(statuses[i].OutputBound, relayed));
        }
        for (var i = 0; i < n; i++)
        {
            var incoming = i == a ? outMinExceptA : ownA;
            grants[i] = Math.Min(endTime, incoming);
        }
    }

    /// <summary>True when no partition holds an event before the end: the run is over.</summary>
    public static bool Finished(ReadOnlySpan<PartitionStatus> statuses, long endTime)
    {
        foreach (var s in statuses)
        {
            if (s.NextEventTime < endTime) return false;
        }
        return true;
    }
}
