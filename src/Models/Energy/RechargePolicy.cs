namespace FgsActors.Models.Energy;

/// <summary>
/// When a device whose battery died is back at full charge. A pure function of the death time, so
/// the device can schedule its revival as one event and the result is the same in every layout.
/// </summary>
public abstract class RechargePolicy
{
    /// <summary>Seconds in a day; time of day is virtual seconds mod this.</summary>
    public const double SecondsPerDay = 86_400.0;

    /// <summary>Seconds in an hour.</summary>
    public const double SecondsPerHour = 3_600.0;

    private protected RechargePolicy()
    {
    }

    /// <summary>The device stays dead for the rest of the run.</summary>
    public static RechargePolicy Never { get; } = new NeverRecharge();

    /// <summary>Back at full charge a fixed delay after death (a user swaps or charges the battery).</summary>
    /// <param name="delaySeconds">delay (s, finite, ≥ 0)</param>
    public static RechargePolicy AfterDelay(double delaySeconds) => new FixedDelayRecharge(delaySeconds);

    /// <summary>
    /// Charged overnight: back at full charge at the next start of a daily local-time window
    /// [start, end), or at once if it dies inside it. Windows may wrap midnight (22 → 6).
    /// </summary>
    /// <param name="windowStartHour">local start hour (h, [0, 24))</param>
    /// <param name="windowEndHour">local end hour (h, [0, 24], ≠ start; 24 means midnight)</param>
    /// <param name="utcOffsetHours">device's local-time offset from virtual time 0 (h, any finite value)</param>
    public static RechargePolicy DiurnalWindow(double windowStartHour, double windowEndHour, double utcOffsetHours = 0) =>
        new DiurnalWindowRecharge(windowStartHour, windowEndHour, utcOffsetHours);

    /// <summary>
    /// Absolute virtual time (s) at which a device that died at <paramref name="deathTimeSeconds"/>
    /// is recharged to full and may rejoin; +∞ if never. Never earlier than the death time.
    /// </summary>
    /// <param name="deathTimeSeconds">virtual time of death (s, finite, ≥ 0)</param>
    public double NextRechargeCompletion(double deathTimeSeconds) =>
        Completion(Require.NonNegative(deathTimeSeconds, nameof(deathTimeSeconds)));

    /// <summary>Policy-specific completion time for a validated death time.</summary>
    private protected abstract double Completion(double deathTimeSeconds);
}
