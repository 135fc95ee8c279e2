using FgsActors.Models.Energy;

namespace FgsActors.Models.Tests.Energy;

public class RechargePolicyTests
{
    private const double H = 3_600;
    private const double Day = 86_400;

    [Fact]
    public void Never_is_infinite()
    {
        Assert.Equal(double.PositiveInfinity, RechargePolicy.Never.NextRechargeCompletion(0));
        Assert.Equal(double.PositiveInfinity, RechargePolicy.Never.NextRechargeCompletion(1e6));
    }

    [Fact]
    public void Fixed_delay_adds_delay()
    {
        // Death at 1,000 s, 2 h delay: 1,000 + 7,200 = 8,200 s.
        Assert.Equal(8_200, RechargePolicy.AfterDelay(2 * H).NextRechargeCompletion(1_000));
        Assert.Equal(1_000, RechargePolicy.AfterDelay(0).NextRechargeCompletion(1_000));
    }

    [Theory]
    // Overnight window 22:00–06:00, offset 0.
    [InlineData(23 * H, 23 * H)]                  // 23:00: inside → instant
    [InlineData(22 * H, 22 * H)]                  // exactly at start: inside (window is [start, end))
    [InlineData(Day + 2 * H, Day + 2 * H)]        // 02:00 next day: inside after wrap → instant
    [InlineData(0, 0)]                            // midnight: inside
    [InlineData(12 * H, 22 * H)]                  // noon: wait 10 h to 22:00
    [InlineData(6 * H, 22 * H)]                   // exactly at end: outside → 22:00 same day
    [InlineData(22 * H - 1, 22 * H)]              // 21:59:59: one second to wait
    [InlineData(10 * Day + 12 * H, 10 * Day + 22 * H)] // day 10, noon
    public void Overnight_window_wrapping_midnight(double death, double expected)
    {
        var p = RechargePolicy.DiurnalWindow(22, 6);
        Assert.Equal(expected, p.NextRechargeCompletion(death));
    }

    [Theory]
    // Daytime window 01:00–05:00 (no wrap).
    [InlineData(0.5 * H, 1 * H)]                  // 00:30 → 01:00
    [InlineData(3 * H, 3 * H)]                    // inside
    [InlineData(5 * H, Day + 1 * H)]              // at end → 01:00 next day
    [InlineData(23 * H, Day + 1 * H)]             // 23:00 → 01:00 next day
    public void Window_without_wrap(double death, double expected)
    {
        Assert.Equal(expected, RechargePolicy.DiurnalWindow(1, 5).NextRechargeCompletion(death));
    }

    [Theory]
    // Window 22:00–06:00 local, local = virtual + 2 h.
    [InlineData(20 * H, 20 * H)]                  // local 22:00: inside
    [InlineData(0, 0)]                            // local 02:00: inside
    [InlineData(5 * H, 20 * H)]                   // local 07:00: next local 22:00 = virtual 20:00
    [InlineData(4 * H, 20 * H)]                   // local 06:00: at end, outside
    public void Positive_offset_shifts_local_time(double death, double expected)
    {
        Assert.Equal(expected, RechargePolicy.DiurnalWindow(22, 6, 2).NextRechargeCompletion(death));
    }

    [Theory]
    // Window 22:00–06:00 local, local = virtual − 5 h.
    [InlineData(0, 3 * H)]                        // local 19:00 → local 22:00 = virtual 03:00
    [InlineData(4 * H, 4 * H)]                    // local 23:00: inside
    [InlineData(11 * H, Day + 3 * H)]             // local 06:00: at end → local 22:00 = virtual 03:00 next day
    public void Negative_offset_shifts_local_time(double death, double expected)
    {
        Assert.Equal(expected, RechargePolicy.DiurnalWindow(22, 6, -5).NextRechargeCompletion(death));
    }

    [Fact]
    public void Whole_day_window_is_always_instant()
    {
        var p = RechargePolicy.DiurnalWindow(0, 24);
        foreach (var t in new[] { 0.0, 1.0, 12 * H, 23.99 * H, 5 * Day + 7 })
            Assert.Equal(t, p.NextRechargeCompletion(t));
    }

    [Fact]
    public void Completion_is_inside_window_and_within_a_day_for_every_death_time()
    {
        // Sweep two days in 450 s steps (385 points), with a fractional offset to avoid round numbers.
        var p = (DiurnalWindowRecharge)RechargePolicy.DiurnalWindow(22, 6, 3.5);
        for (var t = 0.0; t <= 2 * Day; t += 450)
        {
            var c = p.NextRechargeCompletion(t);
            Assert.True(c >= t, $"completion {c} before death {t}");
            Assert.True(c - t < Day, $"waited a day or more from {t}");
            Assert.True(p.IsInsideWindow(c), $"completion {c} outside window");
            Assert.Equal(p.IsInsideWindow(t), c == t);
        }
    }

    [Fact]
    public void Local_second_of_day_handles_negative_offsets()
    {
        var p = (DiurnalWindowRecharge)RechargePolicy.DiurnalWindow(22, 6, -5);
        Assert.Equal(19 * H, p.LocalSecondOfDay(0));
        Assert.Equal(0, p.LocalSecondOfDay(5 * H));
    }

    [Fact]
    public void Arguments_are_validated()
    {
        Assert.Equal("deathTimeSeconds",
            Assert.Throws<ArgumentOutOfRangeException>(() => RechargePolicy.Never.NextRechargeCompletion(-1)).ParamName);
        Assert.Equal("deathTimeSeconds",
            Assert.Throws<ArgumentOutOfRangeException>(() => RechargePolicy.AfterDelay(1).NextRechargeCompletion(double.NaN)).ParamName);
        Assert.Equal("delaySeconds",
            Assert.Throws<ArgumentOutOfRangeException>(() => RechargePolicy.AfterDelay(-1)).ParamName);
        Assert.Equal("windowStartHour",
            Assert.Throws<ArgumentOutOfRangeException>(() => RechargePolicy.DiurnalWindow(24, 6)).ParamName);
        Assert.Equal("windowStartHour",
            Assert.Throws<ArgumentOutOfRangeException>(() => RechargePolicy.DiurnalWindow(-1, 6)).ParamName);
        Assert.Equal("windowEndHour",
            Assert.Throws<ArgumentOutOfRangeException>(() => RechargePolicy.DiurnalWindow(22, 25)).ParamName);
        Assert.Equal("windowEndHour",
            Assert.Throws<ArgumentOutOfRangeException>(() => RechargePolicy.DiurnalWindow(6, 6)).ParamName);
        Assert.Equal("utcOffsetHours",
            Assert.Throws<ArgumentOutOfRangeException>(() => RechargePolicy.DiurnalWindow(22, 6, double.NaN)).ParamName);
    }
}
