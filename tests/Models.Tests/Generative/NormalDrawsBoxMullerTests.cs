using FgsActors.Models.Generative;
using FgsActors.Models.Randomness;
using Xunit;

namespace FgsActors.Models.Tests.Generative;

public sealed class NormalDrawsBoxMullerTests
{
    [Fact]
    public void The_first_pair_is_Box_Muller_of_the_first_two_uniforms()
    {
        var uniforms = new Xoshiro256StarStar(5);
        var u1 = uniforms.NextDouble();
        var u2 = uniforms.NextDouble();
        var radius = Math.Sqrt(-2 * Math.Log(1 - u1));
        var values = new float[2];

        NormalDraws.Fill(new Xoshiro256StarStar(5), values);

        Assert.Equal((float)(radius * Math.Cos(2 * Math.PI * u2)), values[0]);
        Assert.Equal((float)(radius * Math.Sin(2 * Math.PI * u2)), values[1]);
    }

    [Fact]
    public void An_odd_count_discards_the_last_sine_and_stays_a_prefix()
    {
        var odd = new float[3];
        var even = new float[4];
        var afterOdd = new Xoshiro256StarStar(9);
        var afterEven = new Xoshiro256StarStar(9);

        NormalDraws.Fill(afterOdd, odd);
        NormalDraws.Fill(afterEven, even);

        Assert.Equal(even[..3], odd);
        Assert.Equal(afterEven.NextUInt64(), afterOdd.NextUInt64()); // both consumed four uniforms
    }

    [Fact]
    public void Draws_have_zero_mean_and_unit_variance()
    {
        var values = new float[200_000];
        NormalDraws.Fill(new Xoshiro256StarStar(1), values);

        var mean = values.Average(v => (double)v);
        var variance = values.Average(v => (v - mean) * (v - mean));
        var fourth = values.Average(v => Math.Pow(v - mean, 4));

        // Standard errors: 1/√n ≈ 0.0022 for the mean, √(2/n) ≈ 0.0032 for the variance; kurtosis 3 for a normal.
        Assert.InRange(mean, -0.01, 0.01);
        Assert.InRange(variance, 0.985, 1.015);
        Assert.InRange(fourth / (variance * variance), 2.9, 3.1);
    }
}
