using FgsActors.Models.Network;
using FsCheck.Xunit;

namespace FgsActors.Models.Tests.Network;

public class JitterTests
{
    // Every 16-bit value maps to a distinct uniform in [0, 1), so FsCheck explores the whole range without NaN.
    private static double U(ushort raw) => raw / 65536.0;

    [Fact]
    public void Half_normal_median_is_the_0_75_quantile_of_the_standard_normal()
    {
        // Normal(0, 1) truncated at 0 is the half-normal; its median is Φ⁻¹(0.75) = 0.6744897502.
        Assert.Equal(0.6744897502, new NormalJitter(0.0, 1.0).MedianS, 9);
        Assert.Equal(0.0, new NormalJitter(0.0, 1.0).Sample(0.0), 12);
    }

    [Fact]
    public void Normal_far_from_zero_keeps_its_own_median()
    {
        // Mean 10 ms, σ 1 ms: mass below 0 is Φ(−10) ≈ 7.6e-24, so the median stays at 10 ms.
        Assert.Equal(0.010, new NormalJitter(0.010, 0.001).MedianS, 12);
        // u = 0.8413447 is Φ(1): one σ above the mean.
        Assert.Equal(0.011, new NormalJitter(0.010, 0.001).Sample(0.8413447460685429), 9);
    }

    [Property]
    public bool Normal_truncation_is_never_negative(ushort raw, short meanMs)
        => new NormalJitter(meanMs / 1000.0, 0.02).Sample(U(raw)) >= 0.0;

    [Fact]
    public void Normal_truncated_far_in_the_tail_is_still_non_negative_and_finite()
    {
        var tail = new NormalJitter(-1.0, 0.01); // truncation point 100 σ above the mean
        var x = tail.Sample(0.0);
        Assert.True(x >= 0.0 && double.IsFinite(x));
    }

    [Fact]
    public void Log_normal_median_is_e_to_mu()
    {
        Assert.Equal(0.020, LogNormalJitter.FromMedian(0.020, 0.5).MedianS, 12);
        Assert.Equal(Math.E, new LogNormalJitter(1.0, 2.0).MedianS, 12);
        Assert.Equal(0.0, new LogNormalJitter(1.0, 2.0).Sample(0.0));
        // u = Φ(1): e^(μ + σ) = e^(1 + 2) = e³.
        Assert.Equal(Math.Exp(3.0), new LogNormalJitter(1.0, 2.0).Sample(0.8413447460685429), 9);
    }

    [Fact]
    public void Pareto_quantiles_by_hand()
    {
        var pareto = new ParetoJitter(2.0, 0.010);
        Assert.Equal(0.010, pareto.Sample(0.0), 15);                 // minimum = scale
        Assert.Equal(0.010, pareto.MinimumS, 15);
        Assert.Equal(0.010 * Math.Sqrt(2.0), pareto.MedianS, 15);   // x_m · 2^(1/α)
        Assert.Equal(0.020, pareto.Sample(0.75), 15);               // 0.01 · 0.25^(−1/2)
    }

    [Property]
    public bool Pareto_never_goes_below_its_scale(ushort raw) => new ParetoJitter(1.5, 0.005).Sample(U(raw)) >= 0.005;

    public static TheoryData<JitterDistribution> Distributions => new()
    {
        new NoJitter(), new NormalJitter(0.01, 0.02), new LogNormalJitter(-4.0, 1.0), new ParetoJitter(1.2, 0.002),
    };

    [Theory]
    [MemberData(nameof(Distributions))]
    public void Samples_are_monotone_in_u(JitterDistribution jitter)
    {
        var previous = jitter.Sample(0.0);
        for (var i = 1; i < 1000; i++)
        {
            var next = jitter.Sample(i / 1000.0);
            Assert.True(next >= previous, $"{jitter} at u = {i / 1000.0}");
            previous = next;
        }
    }

    [Theory]
    [MemberData(nameof(Distributions))]
    public void Uniforms_outside_0_1_are_rejected(JitterDistribution jitter)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => jitter.Sample(1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => jitter.Sample(-0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => jitter.Sample(double.NaN));
    }

    [Fact]
    public void Latency_minimum_is_the_base_plus_the_jitter_minimum()
    {
        Assert.Equal(0.005, new LatencyJitter(0.005, new NormalJitter(0.0, 0.01)).MinimumS);
        Assert.Equal(0.005, new LatencyJitter(0.005, new LogNormalJitter(-5, 1)).MinimumS);
        Assert.Equal(0.007, new LatencyJitter(0.005, new ParetoJitter(2, 0.002)).MinimumS, 15);
        Assert.Equal(0.005, new LatencyJitter(0.005, new NoJitter()).Sample(0.3));
    }

    [Property]
    public bool Latency_never_undercuts_its_minimum(ushort raw)
    {
        var link = new LatencyJitter(0.005, new NormalJitter(-0.002, 0.004));
        return link.Sample(U(raw)) >= link.MinimumS && link.MinimumS == 0.005;
    }

    [Fact]
    public void Invalid_parameters_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new NormalJitter(0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LogNormalJitter(0, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParetoJitter(0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParetoJitter(1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LatencyJitter(-0.001, new NoJitter()));
    }
}
