namespace FgsActors.Models.Availability;

/// <summary>
/// Time-of-day modulation of churn by <b>time rescaling</b>: a period's length is drawn from its
/// distribution in "operational time" and elapses on a clock running at rate
/// r(t) = 1 ± a·cos(2π(t − t_peak)/24 h), so every hazard of that phase is multiplied by r(t).
/// Chosen over thinning because it works for any period distribution (thinning is exact only for a
/// Poisson/exponential hazard) and consumes exactly one uniform per period, so a device's draws do not
/// depend on how many candidates a thinning loop rejected. The clock integral is closed-form, and its
/// inverse is found by safeguarded Newton.
/// Virtual time 0 is taken as 00:00 local time; for devices in other time zones shift the peak hour.
/// </summary>
public sealed class DiurnalModulation
{
    /// <summary>Length of a day, seconds.</summary>
    public const double DayS = 86_400;

    private const double Omega = 2 * Math.PI / DayS;

    /// <param name="peakHour">Hour of day in [0, 24) at which the modulated rate is highest.</param>
    /// <param name="amplitude">Relative amplitude a ∈ [0, 1): rates swing between (1 − a) and (1 + a).
    /// a = 1 is excluded because the rate would reach 0 and a period could stall at the trough.</param>
    /// <param name="target">Which phase is modulated.</param>
    public DiurnalModulation(double peakHour, double amplitude, DiurnalTarget target = DiurnalTarget.OffToOnRate)
    {
        if (!(peakHour >= 0 && peakHour < 24))
            throw new ArgumentOutOfRangeException(nameof(peakHour), peakHour, "must be an hour of day in [0, 24)");
        if (!(amplitude >= 0 && amplitude < 1))
            throw new ArgumentOutOfRangeException(nameof(amplitude), amplitude, "must be in [0, 1)");
        if (!Enum.IsDefined(target))
            throw new ArgumentOutOfRangeException(nameof(target), target, "unknown diurnal target");
        PeakHour = peakHour;
        Amplitude = amplitude;
        Target = target;
    }

    /// <summary>Hour of day in [0, 24) of the highest modulated rate.</summary>
    public double PeakHour { get; }

    /// <summary>Relative amplitude a ∈ [0, 1).</summary>
    public double Amplitude { get; }

    /// <summary>Which phase is modulated.</summary>
    public DiurnalTarget Target { get; }

    private double PeakS => PeakHour * 3600;

    /// <summary>
    /// Signed amplitude for a phase: + speeds the off phase up near the peak, − slows the on phase down
    /// near the peak (longer sessions), 0 leaves the phase alone.
    /// </summary>
    private double SignedAmplitude(bool online) => (online, Target) switch
    {
        (false, DiurnalTarget.OffToOnRate or DiurnalTarget.Both) => Amplitude,
        (true, DiurnalTarget.OnPeriodLength or DiurnalTarget.Both) => -Amplitude,
        _ => 0,
    };

    /// <summary>The clock rate r(t) of the given phase at virtual time t (seconds).</summary>
    public double Rate(double tS, bool online) => 1 + SignedAmplitude(online) * Math.Cos(Omega * (tS - PeakS));

    /// <summary>
    /// The virtual time at which a period of the given phase, starting at <paramref name="startS"/> and
    /// lasting <paramref name="operationalS"/> seconds of operational time, ends: the t solving
    /// ∫_start^t r(s) ds = operationalS.
    /// </summary>
    public double EndOfPeriod(double startS, double operationalS, bool online)
    {
        var b = SignedAmplitude(online);
        if (b == 0 || operationalS <= 0) return startS + operationalS;

        var a = Math.Abs(b);
        // r ∈ [1 − a, 1 + a] brackets the answer; Newton steps that leave the bracket are replaced by bisection.
        double lo = startS + operationalS / (1 + a), hi = startS + operationalS / (1 - a);
        var t = Math.Clamp(startS + operationalS, lo, hi);
        for (var i = 0; i < 200; i++)
        {
            var g = Elapsed(startS, t, b) - operationalS;
            if (g > 0) hi = t; else lo = t;
            if (Math.Abs(g) <= 1e-9 * Math.Max(1, operationalS) || hi - lo <= 1e-12 * Math.Max(1, Math.Abs(t))) break;
            var next = t - g / (1 + b * Math.Cos(Omega * (t - PeakS)));
            t = next > lo && next < hi ? next : 0.5 * (lo + hi);
        }
        return t;
    }

    /// <summary>
    /// ∫_s^t (1 + b·cos(ω(x − peak))) dx, with the sine difference written as a product so short periods
    /// late in a long run keep their precision.
    /// </summary>
    private double Elapsed(double s, double t, double b) =>
        (t - s) + b * 2 / Omega * Math.Cos(Omega * (0.5 * (s + t) - PeakS)) * Math.Sin(Omega * 0.5 * (t - s));
}
