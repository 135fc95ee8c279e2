using FgsActors.Simulation.Randomness;

namespace FgsActors.Simulation.Fleet;

/// <summary>Tier index per device, under either <see cref="TierAssignment"/>.</summary>
internal static class TierQuota
{
    /// <summary>
    /// Largest-remainder (Hamilton) apportionment of <paramref name="n"/> devices: floor(f·n) each, then one more to the
    /// largest remainders; ties go to the earlier (canonical-order) tier so the counts are deterministic. Each count is
    /// within one device of f·n and the counts sum to n.
    /// </summary>
    public static int[] Counts(IReadOnlyList<double> fractions, int n)
    {
        var counts = new int[fractions.Count];
        var remainders = new double[fractions.Count];
        var assigned = 0;
        for (var t = 0; t < fractions.Count; t++)
        {
            var exact = fractions[t] * n;
            // Fractions may sum to 1 ± 1e-9, so floor(f·n) could exceed n by rounding; clamp keeps the sum ≤ n.
            counts[t] = Math.Min((int)Math.Floor(exact), n - assigned);
            remainders[t] = exact - counts[t];
            assigned += counts[t];
        }
        var order = Enumerable.Range(0, fractions.Count)
            .Where(t => fractions[t] > 0)
            .OrderByDescending(t => remainders[t]).ThenBy(t => t)
            .ToArray();
        for (var k = 0; assigned < n; k = (k + 1) % order.Length, assigned++)
            counts[order[k]]++;
        return counts;
    }

    /// <summary>
    /// Quota assignment: each device draws one 64-bit key from its own tier stream; sorting by (key, id) is a uniform
    /// random permutation, and the sorted devices are dealt to the tiers in blocks of their quota counts.
    /// </summary>
    public static int[] ByQuota(IReadOnlyList<double> fractions, int n, ulong seed)
    {
        var keys = new ulong[n];
        var ids = new int[n];
        for (var i = 0; i < n; i++)
        {
            keys[i] = RandomStream.For(seed, i, FleetStreams.Tier).NextUInt64();
            ids[i] = i;
        }
        // Array.Sort is unstable, so ties (probability ~n²/2^65) must be broken explicitly by id.
        Array.Sort(ids, (a, b) => keys[a] != keys[b] ? keys[a].CompareTo(keys[b]) : a.CompareTo(b));

        var tierOf = new int[n];
        var counts = Counts(fractions, n);
        var rank = 0;
        for (var t = 0; t < counts.Length; t++)
            for (var c = 0; c < counts[t]; c++)
                tierOf[ids[rank++]] = t;
        return tierOf;
    }

    /// <summary>Independent assignment: device <paramref name="id"/>'s tier by inverse CDF of one uniform from its own stream.</summary>
    public static int Independent(IReadOnlyList<double> fractions, long id, ulong seed)
    {
        var u = RandomStream.For(seed, id, FleetStreams.Tier).NextDouble();
        var cumulative = 0.0;
        var last = -1;
        for (var t = 0; t < fractions.Count; t++)
        {
            if (fractions[t] <= 0) continue;
            cumulative += fractions[t];
            last = t;
            if (u < cumulative) return t;
        }
        // Fractions summing to 1 − 1e-9 leave a sliver above the last boundary: it belongs to the last non-empty tier.
        return last;
    }
}
