using FgsActors.Simulation.Configuration;

namespace FgsActors.Simulation.Tests.Configuration;

public class HoconDurationTests
{
    [Theory]
    // Ticks are nanoseconds; each expected value is worked out by hand from the unit.
    [InlineData("100ms", 100_000_000L)]          // 100 × 10^6
    [InlineData("1 h", 3_600_000_000_000L)]     // 3,600 s × 10^9
    [InlineData("24h", 86_400_000_000_000L)]    // 86,400 s × 10^9
    [InlineData("0.1s", 100_000_000L)]          // exact in decimal, unlike 0.1 as a double
    [InlineData("5 minutes", 300_000_000_000L)] // 300 s × 10^9
    [InlineData("2d", 172_800_000_000_000L)]    // 172,800 s × 10^9
    [InlineData("30", 30_000_000_000L)]         // bare number: seconds
    [InlineData("1.5", 1_500_000_000L)]
    [InlineData("1ns", 1L)]
    [InlineData("250us", 250_000L)]
    [InlineData("3 micros", 3_000L)]
    [InlineData("7 nanoseconds", 7L)]
    [InlineData("2 milliseconds", 2_000_000L)]
    [InlineData("1 second", 1_000_000_000L)]
    [InlineData("1m", 60_000_000_000L)]         // HOCON: m is minutes
    [InlineData("1 day", 86_400_000_000_000L)]
    [InlineData("1e3ms", 1_000_000_000L)]
    [InlineData("0s", 0L)]
    [InlineData("-5s", -5_000_000_000L)]
    [InlineData("0.0000000015s", 2L)]           // 1.5 ns rounds half to even: 2
    [InlineData("0.0000000025s", 2L)]           // 2.5 ns rounds half to even: 2
    public void ParsesToNanosecondTicks(string text, long expected)
    {
        Assert.True(HoconDuration.TryParse(text, out var ticks));
        Assert.Equal(expected, ticks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ms")]
    [InlineData("10 parsecs")]
    [InlineData("1MS")]          // units are case-sensitive, as in the HOCON spec
    [InlineData("1 h 30 m")]     // one number, one unit
    [InlineData("fast")]
    [InlineData("1,5s")]
    public void RejectsWhatIsNotADuration(string text)
    {
        Assert.False(HoconDuration.TryParse(text, out _));
    }

    [Fact]
    public void HugeValuesStayAboveTheLongRangeInsteadOfOverflowing()
    {
        Assert.True(HoconDuration.TryParse("1e20d", out var ticks));
        Assert.True(ticks > long.MaxValue);
    }

    [Theory]
    [InlineData(1L, "1ns")]
    [InlineData(100_000_000L, "100ms")]
    [InlineData(1_500_000_000L, "1500ms")]
    [InlineData(60_000_000_000L, "1m")]
    [InlineData(7_200_000_000_000L, "2h")]
    [InlineData(86_400_000_000_000L, "1d")]
    [InlineData(0L, "0s")]
    public void FormatsInTheCoarsestExactUnit(long ticks, string expected)
    {
        Assert.Equal(expected, HoconDuration.Format(ticks));
        Assert.True(HoconDuration.TryParse(expected, out var back));
        Assert.Equal(ticks, back);
    }
}
