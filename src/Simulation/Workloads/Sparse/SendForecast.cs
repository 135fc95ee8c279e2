using FgsActors.Simulation.Randomness;
using FgsActors.Simulation.Time;

namespace FgsActors.Simulation.Workloads.Sparse;

/// <summary>
/// Finds when a leaf's next sending local event will happen, without consuming its streams: it replays
/// copies of the gap and send streams forward from the last scheduled event. The real streams later draw
/// the same values when those events are scheduled, so the forecast is exact and each future event is drawn
/// twice in all (amortised O(1) per event).
/// </summary>
public static class SendForecast
{
    /// <summary>
    /// Time of the first sending local event strictly after the one scheduled at <paramref name="scheduledTime"/>
    /// (which does not send), or <see cref="VirtualTime.Infinity"/> when none happens before the end: events at
    /// or after the end are never processed, so such a send can never take place.
    /// </summary>
    public static long NextSendAfter(long scheduledTime, RandomStream gap, RandomStream send, SparseSettings settings)
    {
        // Copies, so the walk leaves the real streams where they are. Allocated only once per send (rare).
        var gapCopy = new RandomStream(0) { State = gap.State };
        var sendCopy = new RandomStream(0) { State = send.State };
        var time = scheduledTime;
        // Bounded by the end: about (end - now) / mean-gap draws, so a send fraction of 0 cannot loop forever.
        while (time < settings.EndTicks)
        {
            // Same order as the leaf draws them when scheduling: gap first, then the send decision.
            time = VirtualTime.Add(time, SparseRules.Gap(gapCopy, settings));
            if (SparseRules.Sends(sendCopy, settings)) return time < settings.EndTicks ? time : VirtualTime.Infinity;
        }
        return VirtualTime.Infinity;
    }
}
