using FgsActors.Models.Generative.Diffusion;
using Xunit;

namespace FgsActors.Models.Tests.Generative.Diffusion;

public sealed class DdimSamplerTests
{
    [Fact]
    public void Trailing_time_steps_end_at_the_last_diffusion_step()
    {
        Assert.Equal([249, 499, 749, 999], DdimSampler.TimeSteps(1000, 4));
        // ⌊10/3⌋ − 1 = 2, ⌊20/3⌋ − 1 = 5, 10 − 1 = 9
        Assert.Equal([2, 5, 9], DdimSampler.TimeSteps(10, 3));
        Assert.Equal(Enumerable.Range(0, 25).ToArray(), DdimSampler.TimeSteps(25, 25));
        Assert.Equal([29], DdimSampler.TimeSteps(30, 1));
    }

    [Theory]
    [InlineData(10, 0)]
    [InlineData(10, 11)]
    public void Sampling_steps_outside_one_to_T_are_rejected(int diffusionSteps, int samplingSteps) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DdimSampler.TimeSteps(diffusionSteps, samplingSteps));

    [Fact]
    public void A_step_predicts_x0_and_moves_it_to_the_previous_noise_level()
    {
        // ᾱ_t = 0.64 (√ = 0.8, √(1 − ᾱ) = 0.6), ᾱ_t' = 0.36 (0.6, 0.8); x_t = 0.5, ε̂ = 0.25.
        // x̂_0 = (0.5 − 0.6·0.25) / 0.8 = 0.4375; x_t' = 0.6·0.4375 + 0.8·0.25 = 0.4625.
        float[] x = [0.5f];

        DdimSampler.Step(x, [0.25f], 0.64, 0.36);

        Assert.Equal(0.4625, x[0], 6);
    }

    [Fact]
    public void The_last_step_returns_the_predicted_clean_image()
    {
        float[] x = [0.5f];

        DdimSampler.Step(x, [0.25f], 0.64, 1.0);

        Assert.Equal(0.4375, x[0], 6);
    }

    [Fact]
    public void A_predicted_clean_value_beyond_the_data_range_is_clipped_and_the_noise_recomputed()
    {
        // x̂_0 = (1.2 + 0.6·0.5) / 0.8 = 1.875 → 1; ε̂' = (1.2 − 0.8·1) / 0.6 = 2/3; x_t' = 0.6·1 + 0.8·2/3 = 1.1333…
        float[] x = [1.2f];

        DdimSampler.Step(x, [-0.5f], 0.64, 0.36);

        Assert.Equal(0.6 + 0.8 * (2.0 / 3.0), x[0], 5);
    }

    [Fact]
    public void With_the_true_noise_a_step_lands_exactly_on_the_forward_process()
    {
        // x_t = √ᾱ_t·x_0 + √(1 − ᾱ_t)·ε with ε known: the step must give √ᾱ_t'·x_0 + √(1 − ᾱ_t')·ε.
        double[] clean = [-0.9, -0.2, 0.0, 0.7];
        double[] epsilon = [1.3, -0.4, 2.1, -1.7];
        const double alphaBar = 0.3, previous = 0.8;
        var x = clean.Select((c, i) => (float)(Math.Sqrt(alphaBar) * c + Math.Sqrt(1 - alphaBar) * epsilon[i])).ToArray();

        DdimSampler.Step(x, epsilon.Select(e => (float)e).ToArray(), alphaBar, previous);

        for (var i = 0; i < x.Length; i++)
            Assert.Equal(Math.Sqrt(previous) * clean[i] + Math.Sqrt(1 - previous) * epsilon[i], x[i], 5);
    }

    [Fact]
    public void Mismatched_lengths_and_alpha_bars_outside_their_ranges_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => DdimSampler.Step(new float[2], new float[3], 0.5, 0.9));
        Assert.Throws<ArgumentOutOfRangeException>(() => DdimSampler.Step(new float[1], new float[1], 1.0, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => DdimSampler.Step(new float[1], new float[1], 0.0, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => DdimSampler.Step(new float[1], new float[1], 0.5, 0.0));
    }
}
