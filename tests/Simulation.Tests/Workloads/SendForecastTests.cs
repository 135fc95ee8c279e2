using FgsActors.Simulation.Randomness;
using FgsActors.Simulation.Time;
using FgsActors.Simulation.Workloads.Sparse;

namespace FgsActors.Simulation.Tests.Workloads;

public class SendForecastTests
{
    private static readonly SparseSettings Settings = new(Leaves: 1, SendFraction: 0.2, Seed: 11);

    [Fact]
    public void ForecastMatchesTheEventsTheRealStreamsLaterDraw()
    {
        var gap = RandomStream.For(Settings.Seed, 1, SparseRules.GapPurpose);
        var send = RandomStream.For(Settings.Seed, 1, SparseRules.SendPurpose);
        var time = 0L;
        var checkedSends = 0;
        while (time < Settings.EndTicks)
        {
            var forecast = SendForecast.NextSendAfter(time, gap, send, Settings);
            // Now draw for real, as the leaf does when it schedules each event.
            long next;
            bool sends;
            do
            {
                next = time = VirtualTime.Add(time, SparseRules.Gap(gap, Settings));
                sends = SparseRules.Sends(send, Settings);
            } while (!sends && time < Settings.EndTicks);
            Assert.Equal(next < Settings.EndTicks ? next : VirtualTime.Infinity, forecast);
            checkedSends++;
        }
        Assert.True(checkedSends > 1);
    }

    [Fact]
    public void ForecastLeavesTheRealStreamsUntouched()
    {
        var gap = RandomStream.For(Settings.Seed, 1, SparseRules.GapPurpose);
        var send = RandomStream.For(Settings.Seed, 1, SparseRules.SendPurpose);
        var (g, s) = (gap.State, send.State);
        SendForecast.NextSendAfter(0, gap, send, Settings);
        Assert.Equal(g, gap.State);
        Assert.Equal(s, send.State);
    }

    [Fact]
    public void NoSendBeforeTheEndMeansNever()
    {
        var never = Settings with { SendFraction = 0 };
        var gap = RandomStream.For(never.Seed, 1, SparseRules.GapPurpose);
        var send = RandomStream.For(never.Seed, 1, SparseRules.SendPurpose);
        Assert.Equal(VirtualTime.Infinity, SendForecast.NextSendAfter(0, gap, send, never));
    }
}
