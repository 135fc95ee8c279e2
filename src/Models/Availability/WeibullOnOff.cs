using MathNet.Numerics;

namespace FgsActors.Models.Availability;

/// <summary>
/// Weibull period lengths, F(x) = 1 − exp(−(x/λ)^k). Measured device sessions are often Weibull with
/// k &lt; 1 (many short sessions, a few very long ones), which exponential churn cannot express.
/// </summary>
public sealed class WeibullOnOff : OnOffDistribution
{
    /// <param name="shape">Shape k (&gt; 0; k = 1 is exponential).</param>
    /// <param name="scaleS">Scale λ, seconds (&gt; 0).</param>
    public WeibullOnOff(double shape, double scaleS)
    {
        Require.Positive(shape, nameof(shape));
        Require.Positive(scaleS, nameof(scaleS));
        Shape = shape;
        ScaleS = scaleS;
        MeanS = scaleS * SpecialFunctions.Gamma(1 + 1 / shape);
    }

    /// <summary>Shape k.</summary>
    public double Shape { get; }

    /// <summary>Scale λ, seconds.</summary>
    public double ScaleS { get; }

    /// <summary>λ·Γ(1 + 1/k), seconds.</summary>
    public override double MeanS { get; }

    /// <inheritdoc/>
    public override double Cdf(double xS) => xS <= 0 ? 0 : -double.ExpM1(-Math.Pow(xS / ScaleS, Shape));

    /// <summary>λ·(−ln(1 − u))^(1/k).</summary>
    public override double InverseCdf(double u)
    {
        Require.Uniform(u, nameof(u));
        return ScaleS * Math.Pow(-Math.Log(1 - u), 1 / Shape);
    }

    /// <summary>
    /// Exact, not approximated: with z = (x/λ)^k the equilibrium CDF is the regularised lower incomplete
    /// gamma P(1/k, z) (since μ = (λ/k)·Γ(1/k)), so x = λ·P⁻¹(1/k, u)^(1/k).
    /// </summary>
    public override double ResidualInverseCdf(double u)
    {
        Require.Uniform(u, nameof(u));
        if (u == 0) return 0;
        var z = SpecialFunctions.GammaLowerRegularizedInv(1 / Shape, u);
        return ScaleS * Math.Pow(z, 1 / Shape);
    }

    /// <inheritdoc/>
    public override string ToString() => $"Weibull(k={Shape}, λ={ScaleS} s)";
}
