using FgsActors.Models.Metrics;

namespace FgsActors.Models.Fidelity;

/// <summary>Settings of a <see cref="FidelityEvaluator"/>.</summary>
public sealed record FidelityOptions
{
    /// <summary>Default <see cref="MinimumLocalSamples"/>.</summary>
    public const int DefaultMinimumLocalSamples = 10;

    /// <param name="minimumLocalSamples">
    /// Real samples a device needs for its local FID (≥ 2, the least a covariance needs; default 10). Devices with
    /// fewer are skipped and reported as such: with N real samples the estimate's bias grows like d/N, so very small
    /// devices would dominate the mean and the max with sampling noise rather than generator quality.
    /// </param>
    /// <param name="coverageThreshold">Share a class needs to count as covered, in (0, 1]; null for 1/(2K) (<see cref="ClassCoverage.DefaultThreshold"/>).</param>
    public FidelityOptions(int minimumLocalSamples = DefaultMinimumLocalSamples, double? coverageThreshold = null)
    {
        if (minimumLocalSamples < 2)
            throw new ArgumentOutOfRangeException(nameof(minimumLocalSamples), minimumLocalSamples,
                "a device needs at least 2 real samples to estimate a covariance");
        if (coverageThreshold is { } t && !(t > 0 && t <= 1))
            throw new ArgumentOutOfRangeException(nameof(coverageThreshold), coverageThreshold, "the coverage threshold must be in (0, 1]");
        MinimumLocalSamples = minimumLocalSamples;
        CoverageThreshold = coverageThreshold;
    }

    public int MinimumLocalSamples { get; }

    public double? CoverageThreshold { get; }
}
