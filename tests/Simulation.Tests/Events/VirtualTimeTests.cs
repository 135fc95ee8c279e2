using FgsActors.Simulation.Time;

namespace FgsActors.Simulation.Tests.Events;

public class VirtualTimeTests
{
    [Fact]
    public void OneSecondIsOneBillionTicks()
    {
        Assert.Equal(1_000_000_000L, VirtualTime.TicksPerSecond);
        Assert.Equal(1_000_000_000L, VirtualTime.FromSeconds(1.0));
        Assert.Equal(100_000_000L, VirtualTime.FromSeconds(0.1));
        Assert.Equal(-2_500_000_000L, VirtualTime.FromSeconds(-2.5));
        Assert.Equal(0L, VirtualTime.FromSeconds(0.0));
    }

    [Fact]
    public void FromSecondsRoundsToNearestNanosecond()
    {
        Assert.Equal(1L, VirtualTime.FromSeconds(1.4e-9));
        Assert.Equal(2L, VirtualTime.FromSeconds(1.6e-9));
        Assert.Equal(0L, VirtualTime.FromSeconds(0.4e-9));
        Assert.Equal(-2L, VirtualTime.FromSeconds(-1.6e-9));
    }

    [Fact]
    public void ExactHalfNanosecondsRoundToEven()
    {
        // 1/1024 s and 3/1024 s are exact binary fractions: 1e9/1024 = 976562.5 and 3e9/1024 = 2929687.5 exactly.
        Assert.Equal(976_562L, VirtualTime.FromSeconds(1.0 / 1024));
        Assert.Equal(2_929_688L, VirtualTime.FromSeconds(3.0 / 1024));
        Assert.Equal(-976_562L, VirtualTime.FromSeconds(-1.0 / 1024));
    }

    [Fact]
    public void FromSecondsSaturatesOutOfRange()
    {
        Assert.Equal(VirtualTime.Infinity, VirtualTime.FromSeconds(1e10)); // 1e19 ns > 2^63
        Assert.Equal(VirtualTime.Infinity, VirtualTime.FromSeconds(double.PositiveInfinity));
        Assert.Equal(VirtualTime.Infinity, VirtualTime.FromSeconds(double.MaxValue));
        Assert.Equal(long.MinValue, VirtualTime.FromSeconds(-1e10));
        Assert.Equal(long.MinValue, VirtualTime.FromSeconds(double.NegativeInfinity));
    }

    [Fact]
    public void FromSecondsJustBelowTheLimitDoesNotSaturate()
    {
        // 9.2e9 s = 9.2e18 ns < 2^63 - 1 ≈ 9.223e18.
        Assert.Equal(9_200_000_000_000_000_000L, VirtualTime.FromSeconds(9.2e9));
    }

    [Fact]
    public void FromSecondsRejectsNaN()
    {
        Assert.Throws<ArgumentException>(() => VirtualTime.FromSeconds(double.NaN));
    }

    [Fact]
    public void ToSecondsConvertsTicksAndMapsInfinity()
    {
        Assert.Equal(1.5, VirtualTime.ToSeconds(1_500_000_000L));
        Assert.Equal(1e-9, VirtualTime.ToSeconds(1L));
        Assert.Equal(0.0, VirtualTime.ToSeconds(0L));
        Assert.Equal(double.PositiveInfinity, VirtualTime.ToSeconds(VirtualTime.Infinity));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.001)]
    [InlineData(123.456789)]
    [InlineData(86_400.0)]
    public void SecondsRoundTripThroughTicks(double seconds)
    {
        Assert.Equal(seconds, VirtualTime.ToSeconds(VirtualTime.FromSeconds(seconds)), precision: 9);
    }

    [Fact]
    public void AddSumsAndSaturatesAtInfinity()
    {
        Assert.Equal(5L, VirtualTime.Add(2, 3));
        Assert.Equal(7L, VirtualTime.Add(7, 0));
        Assert.Equal(VirtualTime.Infinity, VirtualTime.Add(VirtualTime.Infinity, 0));
        Assert.Equal(VirtualTime.Infinity, VirtualTime.Add(VirtualTime.Infinity, 1));
        Assert.Equal(VirtualTime.Infinity, VirtualTime.Add(VirtualTime.Infinity, VirtualTime.Infinity));
        Assert.Equal(VirtualTime.Infinity, VirtualTime.Add(long.MaxValue - 5, 10));
        Assert.Equal(long.MaxValue - 1, VirtualTime.Add(long.MaxValue - 5, 4));
        Assert.Equal(VirtualTime.Infinity, VirtualTime.Add(long.MaxValue - 5, 5));
    }
}
