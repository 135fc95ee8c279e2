using FgsActors.Models.Availability;

namespace FgsActors.Models.Tests.Availability;

/// <summary>Drives one device's renewal process over a horizon and integrates its online time.</summary>
internal static class ChurnSimulation
{
    /// <summary>Online seconds per hour of day (24 bins) and in total over [0, horizon).</summary>
    public static (double[] OnlineByHour, double[] TimeByHour, double Online) Run(
        RenewalProcess process, double horizonS, ulong seed)
    {
        var rng = new XorShiftUniform(seed);
        var device = new RenewalAvailability(process);
        var onlineByHour = new double[24];
        var timeByHour = new double[24];
        double total = 0, t = 0;
        var next = device.NextTransition(0, rng.Next);
        while (t < horizonS)
        {
            var end = Math.Min(next.TimeS, horizonS);
            var online = device.IsOnline;
            Accumulate(t, end, online, onlineByHour, timeByHour);
            if (online) total += end - t;
            t = end;
            if (t < horizonS) next = device.NextTransition(next.TimeS, rng.Next);
        }
        return (onlineByHour, timeByHour, total);
    }

    private static void Accumulate(double from, double to, bool online, double[] onlineByHour, double[] timeByHour)
    {
        while (from < to)
        {
            var hourIndex = Math.Floor(from / 3600);
            var binEnd = Math.Min(to, (hourIndex + 1) * 3600);
            var bin = (int)(hourIndex % 24);
            timeByHour[bin] += binEnd - from;
            if (online) onlineByHour[bin] += binEnd - from;
            from = binEnd;
        }
    }
}
