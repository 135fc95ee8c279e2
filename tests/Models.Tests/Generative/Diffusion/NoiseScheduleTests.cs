using FgsActors.Models.Generative.Diffusion;
using Xunit;

namespace FgsActors.Models.Tests.Generative.Diffusion;

public sealed class NoiseScheduleTests
{
    [Fact]
    public void At_1000_steps_it_is_the_schedule_of_Ho_et_al()
    {
        var schedule = NoiseSchedule.Linear(1000);

        Assert.Equal(1000, schedule.Steps);
        Assert.Equal(1e-4, schedule.Betas[0], 15);
        Assert.Equal(0.02, schedule.Betas[999], 15);
        // β_1 = 10⁻⁴ + (0.02 − 10⁻⁴) / 999
        Assert.Equal(1e-4 + 0.0199 / 999, schedule.Betas[1], 15);
        Assert.Equal(1 - 1e-4, schedule.AlphaBars[0], 15);
        Assert.Equal((1 - 1e-4) * (1 - (1e-4 + 0.0199 / 999)), schedule.AlphaBars[1], 15);
    }

    [Fact]
    public void A_shorter_chain_scales_both_ends_by_1000_over_T()
    {
        var schedule = NoiseSchedule.Linear(100);

        // s = 10: β from 0.001 to 0.2, step (0.2 − 0.001) / 99.
        Assert.Equal(0.001, schedule.Betas[0], 15);
        Assert.Equal(0.2, schedule.Betas[99], 14);
        Assert.Equal(0.001 + 0.199 * 50 / 99, schedule.Betas[50], 14);
        Assert.Equal(0.999, schedule.AlphaBar(0), 15);
        Assert.Equal(0.999 * (1 - (0.001 + 0.199 / 99)), schedule.AlphaBar(1), 15);
        Assert.Equal(schedule.AlphaBar(98) * 0.8, schedule.AlphaBar(99), 15);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(400)]
    [InlineData(1000)]
    public void The_last_step_is_nearly_pure_noise_whatever_T(int steps)
    {
        // Σβ ≈ T·(β_0 + β_{T−1}) / 2 ≈ 10 for every T, so ᾱ_{T−1} ≈ e^(−10) ≈ 4.5·10⁻⁵ (a bit less: ln(1 − β) < −β).
        var last = NoiseSchedule.Linear(steps).AlphaBar(steps - 1);

        Assert.InRange(last, 1e-6, 1e-4);
    }

    [Fact]
    public void Alpha_bar_before_the_first_step_is_one_and_outside_the_chain_is_rejected()
    {
        var schedule = NoiseSchedule.Linear(50);

        Assert.Equal(1.0, schedule.AlphaBar(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => schedule.AlphaBar(50));
        Assert.Throws<ArgumentOutOfRangeException>(() => schedule.AlphaBar(-2));
    }

    [Theory]
    [InlineData(20)] // β_{T−1} = 20 / 20 = 1 would wipe the image out
    [InlineData(1001)]
    public void Lengths_without_a_valid_scaled_schedule_are_rejected(int steps) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NoiseSchedule.Linear(steps));
}
