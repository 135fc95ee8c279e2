namespace FgsActors.Models.Availability;

/// <summary>Exponential period lengths, F(x) = 1 − e^(−x/μ).</summary>
public sealed class ExponentialOnOff : OnOffDistribution
{
    /// <param name="meanS">Mean period μ, seconds (&gt; 0).</param>
    public ExponentialOnOff(double meanS)
    {
        Require.Positive(meanS, nameof(meanS));
        MeanS = meanS;
    }

    /// <inheritdoc/>
    public override double MeanS { get; }

    /// <inheritdoc/>
    public override double Cdf(double xS) => xS <= 0 ? 0 : -double.ExpM1(-xS / MeanS);

    /// <inheritdoc/>
    public override double InverseCdf(double u)
    {
        Require.Uniform(u, nameof(u));
        return -MeanS * Math.Log(1 - u);
    }

    /// <summary>Memoryless: the residual is distributed like a whole period.</summary>
    public override double ResidualInverseCdf(double u) => InverseCdf(u);

    /// <inheritdoc/>
    public override string ToString() => $"Exponential(mean={MeanS} s)";
}
