using MathNet.Numerics.Distributions;

namespace FgsActors.Models.Network;

/// <summary>
/// The random part of a one-way latency, s. Sampled by inverse CDF from one uniform u ∈ [0, 1) so the caller's stream
/// decides the draw (determinism) and samples are monotone in u. Never negative.
/// </summary>
public abstract record JitterDistribution
{
    /// <summary>Jitter in s for the uniform <paramref name="u"/> ∈ [0, 1): the u-quantile.</summary>
    public abstract double Sample(double u);

    /// <summary>Smallest jitter the distribution can give, s (the value at u = 0).</summary>
    public abstract double MinimumS { get; }

    /// <summary>Median jitter, s (the 0.5-quantile).</summary>
    public double MedianS => Sample(0.5);
}

/// <summary>No jitter: always 0 s (wired links, or when jitter is switched off).</summary>
public sealed record NoJitter : JitterDistribution
{
    public override double Sample(double u)
    {
        Require.Uniform(u, nameof(u));
        return 0.0;
    }

    public override double MinimumS => 0.0;
}

/// <summary>
/// Normal(mean, σ) truncated to [0, ∞): the distribution conditioned on being ≥ 0, not clipped at 0 (clipping would put
/// a probability mass at exactly 0). Quantile: mean + σ·Φ⁻¹(Φ(−mean/σ) + u·(1 − Φ(−mean/σ))).
/// </summary>
public sealed record NormalJitter : JitterDistribution
{
    // Φ⁻¹ of an exact 0 is −∞; a probability this small maps to about −37 σ.
    private const double SmallestProbability = 1e-300;

    public NormalJitter(double meanS, double stdDevS)
    {
        if (double.IsNaN(meanS) || double.IsInfinity(meanS))
            throw new ArgumentOutOfRangeException(nameof(meanS), meanS, "jitter mean must be a finite number of s");
        if (!(stdDevS > 0.0) || double.IsInfinity(stdDevS))
            throw new ArgumentOutOfRangeException(nameof(stdDevS), stdDevS, "jitter standard deviation must be a finite number of s > 0");
        MeanS = meanS;
        StdDevS = stdDevS;
    }

    /// <summary>Mean of the untruncated normal, s.</summary>
    public double MeanS { get; }

    /// <summary>Standard deviation of the untruncated normal, s.</summary>
    public double StdDevS { get; }

    public override double Sample(double u)
    {
        Require.Uniform(u, nameof(u));
        var a = -MeanS / StdDevS; // truncation point in standard units
        double z;
        if (a <= 0.0)
        {
            // Mean at or above 0: invert the CDF, Φ(z) = Φ(a) + u·(1 − Φ(a)); Φ(a) ≤ 0.5, so no precision is lost.
            var below = Normal.CDF(0.0, 1.0, a);
            z = Normal.InvCDF(0.0, 1.0, Math.Max(SmallestProbability, below + u * (1.0 - below)));
        }
        else
        {
            // Mean below 0: the kept part is a thin upper tail, where 1 − Φ rounds to 0. Invert the survival function
            // instead, Φ(−z) = (1 − u)·Φ(−a), which stays accurate down to Φ(−a) ~ 1e-300 (a ≈ 37).
            var above = Normal.CDF(0.0, 1.0, -a);
            if (above < SmallestProbability)
                // Beyond that the tail is exponential with rate a (Mills ratio): z − a ~ Exp(a), exact as a → ∞.
                return StdDevS * -Math.Log(1.0 - u) / a;
            z = -Normal.InvCDF(0.0, 1.0, Math.Max(SmallestProbability, (1.0 - u) * above));
        }
        // Rounding near the truncation point could land a hair below 0; the distribution has no mass there.
        return Math.Max(0.0, MeanS + StdDevS * z);
    }

    public override double MinimumS => 0.0;
}

/// <summary>LogNormal: jitter = exp(μ + σ·Φ⁻¹(u)) with μ, σ of the log of seconds; median e^μ.</summary>
public sealed record LogNormalJitter : JitterDistribution
{
    public LogNormalJitter(double mu, double sigma)
    {
        if (double.IsNaN(mu) || double.IsInfinity(mu))
            throw new ArgumentOutOfRangeException(nameof(mu), mu, "log-normal μ must be finite");
        if (!(sigma > 0.0) || double.IsInfinity(sigma))
            throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "log-normal σ must be finite and > 0");
        Mu = mu;
        Sigma = sigma;
    }

    /// <summary>A log-normal with the given median (s, &gt; 0) and σ of the log — medians are what measurements report.</summary>
    public static LogNormalJitter FromMedian(double medianS, double sigma)
    {
        if (!(medianS > 0.0) || double.IsInfinity(medianS))
            throw new ArgumentOutOfRangeException(nameof(medianS), medianS, "median must be a finite number of s > 0");
        return new LogNormalJitter(Math.Log(medianS), sigma);
    }

    /// <summary>Mean of ln(jitter / 1 s).</summary>
    public double Mu { get; }

    /// <summary>Standard deviation of ln(jitter / 1 s).</summary>
    public double Sigma { get; }

    // u = 0 gives Φ⁻¹(0) = −∞ and exp(−∞) = 0: the infimum, which is the right limit.
    public override double Sample(double u) => Math.Exp(Mu + Sigma * Normal.InvCDF(0.0, 1.0, Require.Uniform(u, nameof(u))));

    public override double MinimumS => 0.0;
}

/// <summary>
/// Pareto (type I) with shape α and scale x_m: jitter = x_m·(1 − u)^(−1/α) ≥ x_m. Heavy-tailed, as measured for Internet
/// delays; the minimum jitter is the scale, so the link's minimum latency is base + scale.
/// </summary>
public sealed record ParetoJitter : JitterDistribution
{
    public ParetoJitter(double shape, double scaleS)
    {
        if (!(shape > 0.0) || double.IsInfinity(shape))
            throw new ArgumentOutOfRangeException(nameof(shape), shape, "Pareto shape must be finite and > 0");
        if (!(scaleS > 0.0) || double.IsInfinity(scaleS))
            throw new ArgumentOutOfRangeException(nameof(scaleS), scaleS, "Pareto scale must be a finite number of s > 0");
        Shape = shape;
        ScaleS = scaleS;
    }

    /// <summary>Tail index α (&gt; 0; the mean is finite only for α &gt; 1).</summary>
    public double Shape { get; }

    /// <summary>Scale x_m, s: the smallest value.</summary>
    public double ScaleS { get; }

    public override double Sample(double u) => ScaleS * Math.Pow(1.0 - Require.Uniform(u, nameof(u)), -1.0 / Shape);

    public override double MinimumS => ScaleS;
}
