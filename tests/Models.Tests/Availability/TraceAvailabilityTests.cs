using FgsActors.Models.Availability;

namespace FgsActors.Models.Tests.Availability;

public class TraceAvailabilityTests
{
    private static TraceAvailability Sample() =>
        new([new OnlineInterval(100, 200), new OnlineInterval(10, 50), new OnlineInterval(50, 60)]);

    [Fact]
    public void Intervals_are_sorted_and_touching_ones_merged()
    {
        Assert.Equal([new OnlineInterval(10, 60), new OnlineInterval(100, 200)], Sample().Intervals);
    }

    [Theory]
    [InlineData(0.0, false)]
    [InlineData(9.999, false)]
    [InlineData(10.0, true)]   // from is inclusive
    [InlineData(50.0, true)]   // the merged seam is not an offline instant
    [InlineData(59.999, true)]
    [InlineData(60.0, false)]  // to is exclusive
    [InlineData(100.0, true)]
    [InlineData(200.0, false)]
    [InlineData(1e9, false)]   // after the last interval: offline for good
    public void Is_online_uses_half_open_intervals(double t, bool expected)
    {
        Assert.Equal(expected, Sample().IsOnline(t));
    }

    [Theory]
    [InlineData(0.0, 10.0, true)]
    [InlineData(10.0, 60.0, false)]  // at from the device is online; the next change is its end
    [InlineData(30.0, 60.0, false)]
    [InlineData(60.0, 100.0, true)]  // at to it is offline; the next change is the next start
    [InlineData(150.0, 200.0, false)]
    public void Next_transition_is_the_first_strictly_after_t(double t, double time, bool goesOnline)
    {
        Assert.Equal(new AvailabilityTransition(time, goesOnline), Sample().NextTransition(t));
    }

    [Fact]
    public void No_transition_after_the_last_interval_and_none_for_an_empty_trace()
    {
        Assert.Null(Sample().NextTransition(200));
        Assert.Null(TraceAvailability.Never.NextTransition(0));
        Assert.False(TraceAvailability.Never.IsOnline(0));
    }

    [Fact]
    public void Walking_transitions_replays_every_interval()
    {
        var trace = Sample();
        var seen = new List<AvailabilityTransition>();
        double t = 0;
        while (trace.NextTransition(t) is { } next) { seen.Add(next); t = next.TimeS; }
        Assert.Equal(
            [new(10, true), new(60, false), new(100, true), new(200, false)],
            seen);
    }

    [Fact]
    public void Overlapping_or_invalid_intervals_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new TraceAvailability([new(0, 10), new(5, 20)]));
        Assert.Throws<ArgumentException>(() => new TraceAvailability([new(10, 10)]));
        Assert.Throws<ArgumentException>(() => new TraceAvailability([new(-1, 10)]));
    }
}
