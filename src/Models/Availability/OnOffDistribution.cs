namespace FgsActors.Models.Availability;

/// <summary>
/// Length distribution of on (online) or off (offline) periods, in seconds. Sampling is by inverse CDF
/// from a uniform in [0,1) supplied by the caller, so the simulator's per-entity random streams decide
/// every draw (Models cannot reference the stream type) and one draw always consumes exactly one uniform.
/// </summary>
public abstract class OnOffDistribution
{
    private protected OnOffDistribution() { }

    /// <summary>Exponential periods (memoryless churn) with the given mean, seconds.</summary>
    public static OnOffDistribution Exponential(double meanS) => new ExponentialOnOff(meanS);

    /// <summary>Weibull periods with shape k (&lt; 1: heavy tail, &gt; 1: regular) and scale λ, seconds.</summary>
    public static OnOffDistribution Weibull(double shape, double scaleS) => new WeibullOnOff(shape, scaleS);

    /// <summary>Mean period length, seconds.</summary>
    public abstract double MeanS { get; }

    /// <summary>P(period ≤ x).</summary>
    public abstract double Cdf(double xS);

    /// <summary>Period length whose CDF equals <paramref name="u"/> ∈ [0,1), seconds.</summary>
    public abstract double InverseCdf(double u);

    /// <summary>
    /// Inverse CDF of the stationary residual (equilibrium, "forward recurrence") length
    /// F_e(x) = (1/μ)∫₀ˣ (1 − F(t)) dt: the remaining length of the period in progress when a stationary
    /// process is observed at an arbitrary instant. Drawing the first period from it makes the process
    /// stationary from t = 0 instead of only after a warm-up.
    /// </summary>
    public abstract double ResidualInverseCdf(double u);
}
