namespace FgsActors.Models.Availability;

/// <summary>
/// An alternating renewal process of on and off periods, optionally modulated by time of day. Immutable
/// and shared by every device of a tier; the per-device state lives in <see cref="RenewalAvailability"/>.
/// </summary>
public sealed class RenewalProcess
{
    /// <param name="on">Lengths of online periods.</param>
    /// <param name="off">Lengths of offline periods.</param>
    /// <param name="diurnal">Optional time-of-day modulation; null for a time-homogeneous process.</param>
    public RenewalProcess(OnOffDistribution on, OnOffDistribution off, DiurnalModulation? diurnal = null)
    {
        On = on ?? throw new ArgumentNullException(nameof(on));
        Off = off ?? throw new ArgumentNullException(nameof(off));
        Diurnal = diurnal;
    }

    /// <summary>Online period lengths.</summary>
    public OnOffDistribution On { get; }

    /// <summary>Offline period lengths.</summary>
    public OnOffDistribution Off { get; }

    /// <summary>Time-of-day modulation, or null.</summary>
    public DiurnalModulation? Diurnal { get; }

    /// <summary>Long-run fraction of time online without modulation: E[on] / (E[on] + E[off]).</summary>
    public double StationaryOnlineProbability => On.MeanS / (On.MeanS + Off.MeanS);

    /// <summary>
    /// Starts a device at <paramref name="nowS"/> in the stationary regime: online with probability
    /// E[on]/(E[on]+E[off]), the period in progress lasting a draw from the equilibrium residual
    /// distribution. Consumes exactly two uniforms. With diurnal modulation the process is periodic rather
    /// than stationary; the start still uses the unmodulated law, so the first hours carry a small bias.
    /// </summary>
    public (bool Online, double PeriodEndS) DrawStart(double nowS, Func<double> uniform)
    {
        var online = uniform() < StationaryOnlineProbability;
        var residual = (online ? On : Off).ResidualInverseCdf(uniform());
        return (online, End(nowS, residual, online));
    }

    /// <summary>End of a fresh period of the given phase starting at <paramref name="startS"/>; one uniform.</summary>
    public double DrawPeriodEnd(double startS, bool online, Func<double> uniform) =>
        End(startS, (online ? On : Off).InverseCdf(uniform()), online);

    private double End(double startS, double lengthS, bool online) =>
        Diurnal is null ? startS + lengthS : Diurnal.EndOfPeriod(startS, lengthS, online);
}
