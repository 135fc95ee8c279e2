namespace FgsActors.Models.Network;

/// <summary>
/// One-way latency of a link: base + jitter, s. The base is a hard floor (jitter never goes negative), which is what
/// lets the kernel use <see cref="MinimumS"/> as its lookahead.
/// </summary>
public sealed record LatencyJitter
{
    public LatencyJitter(double baseS, JitterDistribution jitter)
    {
        if (!(baseS >= 0.0) || double.IsInfinity(baseS))
            throw new ArgumentOutOfRangeException(nameof(baseS), baseS, "base latency must be a finite number of s ≥ 0");
        ArgumentNullException.ThrowIfNull(jitter);
        BaseS = baseS;
        Jitter = jitter;
    }

    /// <summary>Base latency, s.</summary>
    public double BaseS { get; }

    /// <summary>The jitter added to the base.</summary>
    public JitterDistribution Jitter { get; }

    /// <summary>Latency in s for the uniform <paramref name="u"/> ∈ [0, 1).</summary>
    public double Sample(double u) => BaseS + Jitter.Sample(u);

    /// <summary>Smallest possible latency, s: the base plus the jitter's minimum (0 except for Pareto, whose minimum is its scale).</summary>
    public double MinimumS => BaseS + Jitter.MinimumS;
}
