using FgsActors.Models.Tests.Checkpoints;
using FgsActors.Simulation.Federation;
using FgsActors.Simulation.Time;

namespace FgsActors.Simulation.Tests.Federation.Checkpoints;

public sealed class AccessChannelStateTests
{
    private static long S(double seconds) => VirtualTime.FromSeconds(seconds);

    // Transfers sharing 1 kbit/s, three devices stopping at the same instant (their order leaves the stop heap as it
    // was built), and a stale stop entry left by a transfer that completed.
    private static AccessChannel Busy()
    {
        var channel = new AccessChannel(1_000);
        channel.Start(new TransferRequest(1, 0, 100, 400, S(50), Fails: false, 0), 0);
        channel.Start(new TransferRequest(6, 0, 4_000, 300, S(9), Fails: false, 0), S(0.5));
        channel.Start(new TransferRequest(3, 0, 5_000, 900, S(9), Fails: true, S(1)), S(0.5));
        channel.Start(new TransferRequest(5, 0, 6_000, 900, S(9), Fails: false, 0), S(1));
        channel.Start(new TransferRequest(2, 1, 2_000, 800, VirtualTime.Infinity, Fails: false, 0), S(1));
        Assert.Equal(1, channel.TakeDue(channel.NextEventTicks())!.Value.Request.Device); // its stop at 50 s stays in the heap
        return channel;
    }

    private static List<string> Drain(AccessChannel channel)
    {
        var log = new List<string>();
        for (var next = channel.NextEventTicks(); next != VirtualTime.Infinity; next = channel.NextEventTicks())
        {
            while (channel.TakeDue(next) is { } done) log.Add($"{next} {done.Request.Device} {done.End} {done.SentBits:R}");
        }
        return log;
    }

    [Fact]
    public void A_restored_channel_ends_its_transfers_at_the_same_instants_and_in_the_same_order()
    {
        var channel = Busy();
        var twin = new AccessChannel(1_000);
        StateBytes.CopyInto(channel, twin);
        Assert.Equal(channel.Count, twin.Count);
        var expected = Drain(channel);
        Assert.Equal(expected, Drain(twin));
        Assert.Equal(4, expected.Count);
        Assert.Equal(StateBytes.Save(channel), StateBytes.Save(twin));
    }

    [Fact]
    public void A_truncated_channel_state_throws()
    {
        StateBytes.AssertEveryCutThrows(StateBytes.Save(Busy()), () => new AccessChannel(1_000));
    }
}
