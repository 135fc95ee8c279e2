using FgsActors.Models.Generative.Diffusion;
using Xunit;

namespace FgsActors.Models.Tests.Generative.Diffusion;

public sealed class SinusoidalTimeEmbeddingTests
{
    [Fact]
    public void Four_dimensions_are_sines_then_cosines_of_t_and_t_over_10000()
    {
        // h = 2 frequencies: 10000^(−0/1) = 1 and 10000^(−1/1) = 10⁻⁴.
        var encoding = SinusoidalTimeEmbedding.Compute([0, 3], 4);

        Assert.Equal([0f, 0f, 1f, 1f], encoding[..4]);
        Assert.Equal((float)Math.Sin(3), encoding[4]);
        Assert.Equal((float)Math.Sin(3e-4), encoding[5]);
        Assert.Equal((float)Math.Cos(3), encoding[6]);
        Assert.Equal((float)Math.Cos(3e-4), encoding[7]);
    }

    [Fact]
    public void Six_dimensions_use_frequencies_1_then_0_01_then_0_0001()
    {
        var encoding = SinusoidalTimeEmbedding.Compute([7], 6);

        float[] expected =
        [
            (float)Math.Sin(7), (float)Math.Sin(0.07), (float)Math.Sin(7e-4),
            (float)Math.Cos(7), (float)Math.Cos(0.07), (float)Math.Cos(7e-4),
        ];
        for (var i = 0; i < 6; i++)
            Assert.Equal(expected[i], encoding[i], 6);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    public void Odd_or_too_small_dimensions_are_rejected(int dimension) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SinusoidalTimeEmbedding.Compute([1], dimension));

    [Fact]
    public void Negative_time_steps_are_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SinusoidalTimeEmbedding.Compute([1, -1], 8));
}
