namespace FgsActors.Simulation.Time;

/// <summary>
/// Virtual time is an integer count of nanoseconds since the start of the run.
/// A 64-bit signed count covers about 292 years, far beyond any fleet study, and integer
/// arithmetic keeps event order exact and identical on every machine (no float drift).
/// </summary>
public static class VirtualTime
{
    /// <summary>Ticks (nanoseconds) per virtual second.</summary>
    public const long TicksPerSecond = 1_000_000_000L;

    /// <summary>Sentinel for "never": larger than every reachable time.</summary>
    public const long Infinity = long.MaxValue;

    /// <summary>Converts seconds to ticks, rounding to the nearest nanosecond.</summary>
    public static long FromSeconds(double seconds)
    {
        if (double.IsNaN(seconds)) throw new ArgumentException("virtual time cannot be NaN", nameof(seconds));
        var ticks = seconds * TicksPerSecond;
        if (ticks >= long.MaxValue) return Infinity;
        if (ticks <= long.MinValue) return long.MinValue;
        return (long)Math.Round(ticks, MidpointRounding.ToEven);
    }

    public static double ToSeconds(long ticks) => ticks == Infinity ? double.PositiveInfinity : ticks / (double)TicksPerSecond;

    /// <summary>Adds a non-negative delay, saturating at <see cref="Infinity"/> instead of overflowing.</summary>
    public static long Add(long time, long delay)
    {
        if (delay < 0) throw new ArgumentOutOfRangeException(nameof(delay), delay, "a delay cannot be negative");
        var sum = time + delay;
        return sum < time ? Infinity : sum;
    }
}
