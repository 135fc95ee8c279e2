using FgsActors.Simulation.Federation;
using FgsActors.Simulation.Time;

namespace FgsActors.Simulation.Tests.Federation;

public sealed class AccessChannelTests
{
    private static long S(double seconds) => VirtualTime.FromSeconds(seconds);

    private static TransferRequest Request(int device, double bits, double cap, double stopS = double.PositiveInfinity, bool fails = false) =>
        new(device, 0, bits, cap, double.IsInfinity(stopS) ? VirtualTime.Infinity : S(stopS), fails, 0);

    [Fact]
    public void Capacity_is_shared_max_min_fair_and_freed_capacity_speeds_up_the_rest()
    {
        // 50 bit/s shared; device 1 capped at 10 bit/s, device 2 at 100: rates 10 and 40.
        var channel = new AccessChannel(50);
        channel.Start(Request(1, 100, 10), 0);
        channel.Start(Request(2, 200, 100), 0);
        // Device 2 finishes first: 200 bits at 40 bit/s = 5 s; device 1 has 50 bits left.
        Assert.Equal(S(5), channel.NextEventTicks());
        var first = channel.TakeDue(S(5))!.Value;
        Assert.Equal((2, TransferEnd.Completed), (first.Request.Device, first.End));
        Assert.Null(channel.TakeDue(S(5)));
        // Alone, device 1 runs at its own cap of 10 bit/s: 50 bits take 5 s more.
        Assert.Equal(S(10), channel.NextEventTicks());
        Assert.Equal(1, channel.TakeDue(S(10))!.Value.Request.Device);
        Assert.Equal(VirtualTime.Infinity, channel.NextEventTicks());
    }

    [Fact]
    public void A_device_that_stops_is_cut_at_its_instant_with_the_bits_sent_so_far()
    {
        var channel = new AccessChannel(double.PositiveInfinity);
        channel.Start(Request(4, 1_000, 100, stopS: 3), 0);
        Assert.Equal(S(3), channel.NextEventTicks());
        var cut = channel.TakeDue(S(3))!.Value;
        Assert.Equal(TransferEnd.DeviceGone, cut.End);
        Assert.Equal(300, cut.SentBits, 6);
        Assert.Equal(0, channel.Count);
    }

    [Fact]
    public void A_failing_transfer_ends_as_failed_after_its_bits()
    {
        var channel = new AccessChannel(1_000);
        channel.Start(Request(9, 250, 100, fails: true), S(1));
        var end = channel.TakeDue(S(3.5))!.Value;
        Assert.Equal((TransferEnd.Failed, 250.0), (end.End, end.SentBits));
    }

    [Fact]
    public void Cancelling_returns_the_bits_sent()
    {
        var channel = new AccessChannel(1_000);
        channel.Start(Request(2, 1_000, 100), 0);
        Assert.Equal(400, channel.Cancel(2, S(4)), 6);
        Assert.False(channel.Contains(2));
    }
}
