namespace FgsActors.Models.Energy;

/// <summary>
/// Overnight charging: the device is plugged in during a daily local-time window [start, end) and is
/// treated as fully charged the moment it is plugged in (charge time is not modelled). A device that
/// dies inside the window is back at once; one that dies outside waits for the window's next start.
/// Local time of day = (virtual seconds + offset) mod 86 400.
/// </summary>
public sealed class DiurnalWindowRecharge : RechargePolicy
{
    private readonly double _startSecondOfDay;
    private readonly double _lengthSeconds;
    private readonly double _offsetSeconds;

    internal DiurnalWindowRecharge(double windowStartHour, double windowEndHour, double utcOffsetHours)
    {
        if (!(windowStartHour >= 0 && windowStartHour < 24))
            throw new ArgumentOutOfRangeException(nameof(windowStartHour), windowStartHour, "windowStartHour must be in [0, 24).");
        if (!(windowEndHour >= 0 && windowEndHour <= 24))
            throw new ArgumentOutOfRangeException(nameof(windowEndHour), windowEndHour, "windowEndHour must be in [0, 24].");
        // An empty window would mean "never", which has its own policy; equal hours are far more
        // likely a config slip than an intent, so refuse rather than guess.
        if (windowEndHour == windowStartHour)
            throw new ArgumentOutOfRangeException(nameof(windowEndHour), windowEndHour, "windowEndHour must differ from windowStartHour.");
        Require.Finite(utcOffsetHours, nameof(utcOffsetHours));

        WindowStartHour = windowStartHour;
        WindowEndHour = windowEndHour;
        UtcOffsetHours = utcOffsetHours;
        _startSecondOfDay = windowStartHour * SecondsPerHour;
        // end ≤ start means the window wraps midnight (22 → 6 is 8 h); 0 → 24 is the whole day.
        var lengthHours = windowEndHour > windowStartHour ? windowEndHour - windowStartHour : windowEndHour + 24 - windowStartHour;
        _lengthSeconds = lengthHours * SecondsPerHour;
        _offsetSeconds = utcOffsetHours * SecondsPerHour;
    }

    /// <summary>Local hour the window opens (h).</summary>
    public double WindowStartHour { get; }

    /// <summary>Local hour the window closes (h); may be ≤ start for a window across midnight.</summary>
    public double WindowEndHour { get; }

    /// <summary>Device's local time minus virtual time (h).</summary>
    public double UtcOffsetHours { get; }

    /// <summary>Local second of day [0, 86 400) at virtual time <paramref name="virtualSeconds"/>.</summary>
    public double LocalSecondOfDay(double virtualSeconds) => PositiveMod(virtualSeconds + _offsetSeconds, SecondsPerDay);

    /// <summary>True if the device is inside its charging window at <paramref name="virtualSeconds"/>.</summary>
    public bool IsInsideWindow(double virtualSeconds) => SinceWindowStart(virtualSeconds) < _lengthSeconds;

    private protected override double Completion(double deathTimeSeconds)
    {
        var since = SinceWindowStart(deathTimeSeconds);
        return since < _lengthSeconds ? deathTimeSeconds : deathTimeSeconds + (SecondsPerDay - since);
    }

    /// <summary>Seconds elapsed since the most recent window start, in [0, 86 400).</summary>
    private double SinceWindowStart(double virtualSeconds) =>
        PositiveMod(LocalSecondOfDay(virtualSeconds) - _startSecondOfDay, SecondsPerDay);

    // C#'s % keeps the dividend's sign; negative offsets (west of time zero) need a result in [0, m).
    // The final guard catches r + m rounding up to exactly m for tiny negative r.
    private static double PositiveMod(double x, double m)
    {
        var r = x % m;
        if (r < 0) r += m;
        return r >= m ? 0 : r;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"diurnal window {WindowStartHour}h–{WindowEndHour}h local (UTC offset {UtcOffsetHours} h)";
}
