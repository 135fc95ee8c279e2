using FgsActors.Models.Availability;
using MathNet.Numerics;

namespace FgsActors.Models.Tests.Availability;

public class OnOffDistributionTests
{
    [Fact]
    public void Exponential_quantile_1_minus_inverse_e_is_the_mean()
    {
        var d = OnOffDistribution.Exponential(7200);
        Assert.Equal(7200, d.InverseCdf(1 - Math.Exp(-1)), 6);
        Assert.Equal(7200, d.MeanS);
    }

    [Fact]
    public void Exponential_median_is_mean_ln2_and_zero_maps_to_zero()
    {
        var d = OnOffDistribution.Exponential(3600);
        Assert.Equal(3600 * Math.Log(2), d.InverseCdf(0.5), 9);
        Assert.Equal(0, d.InverseCdf(0));
    }

    [Theory]
    [InlineData(0.5, 1000.0)]
    [InlineData(1.0, 3600.0)]
    [InlineData(2.0, 7200.0)]
    public void Weibull_median_is_scale_times_ln2_to_the_1_over_k(double k, double lambda)
    {
        var d = OnOffDistribution.Weibull(k, lambda);
        Assert.Equal(lambda * Math.Pow(Math.Log(2), 1 / k), d.InverseCdf(0.5), 6);
    }

    [Theory]
    [InlineData(0.5, 1000.0, 2000.0)] // Γ(3) = 2
    [InlineData(1.0, 3600.0, 3600.0)] // Γ(2) = 1: exponential
    [InlineData(2.0, 100.0, 88.62269254527580)] // Γ(1.5) = √π/2
    public void Weibull_mean_is_scale_times_gamma(double k, double lambda, double expected)
    {
        var d = OnOffDistribution.Weibull(k, lambda);
        Assert.Equal(expected, d.MeanS, 6);
        Assert.Equal(lambda * SpecialFunctions.Gamma(1 + 1 / k), d.MeanS, 9);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.99)]
    public void Inverse_cdf_round_trips_through_cdf(double u)
    {
        foreach (var d in new[] { OnOffDistribution.Exponential(500), OnOffDistribution.Weibull(0.7, 500) })
            Assert.Equal(u, d.Cdf(d.InverseCdf(u)), 12);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(3.0)]
    public void Weibull_residual_has_the_equilibrium_mean(double k)
    {
        // Mean residual of a stationary renewal process is E[X²] / (2 E[X]); for Weibull
        // E[X²] = λ² Γ(1 + 2/k). Integrate the residual quantile function on a midpoint grid.
        const double lambda = 1000;
        var d = OnOffDistribution.Weibull(k, lambda);
        const int n = 200_000;
        double sum = 0;
        for (var i = 0; i < n; i++) sum += d.ResidualInverseCdf((i + 0.5) / n);
        var expected = lambda * lambda * SpecialFunctions.Gamma(1 + 2 / k) / (2 * d.MeanS);
        Assert.Equal(expected, sum / n, expected * 0.005);
    }

    [Fact]
    public void Weibull_with_shape_one_has_the_exponential_residual()
    {
        var w = OnOffDistribution.Weibull(1, 600);
        var e = OnOffDistribution.Exponential(600);
        foreach (var u in new[] { 0.0, 0.2, 0.5, 0.9 })
            Assert.Equal(e.ResidualInverseCdf(u), w.ResidualInverseCdf(u), 6);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Uniform_outside_0_1_is_rejected(double u)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OnOffDistribution.Exponential(1).InverseCdf(u));
        Assert.Throws<ArgumentOutOfRangeException>(() => OnOffDistribution.Weibull(2, 1).ResidualInverseCdf(u));
    }

    [Fact]
    public void Non_positive_parameters_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OnOffDistribution.Exponential(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => OnOffDistribution.Weibull(-1, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => OnOffDistribution.Weibull(1, double.PositiveInfinity));
    }
}
