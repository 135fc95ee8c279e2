using FgsActors.Simulation.Randomness;
using FgsActors.Simulation.Time;

namespace FgsActors.Simulation.Workloads.Sparse;

/// <summary>
/// The draws of the sparse workload, one stream per purpose so that looking ahead on the gap and send
/// streams (see <see cref="SendForecast"/>) never disturbs the latency draws. Tests recompute expected times
/// with the same functions.
/// </summary>
public static class SparseRules
{
    /// <summary>Leaf: gaps between its local events.</summary>
    public const string GapPurpose = "sparse.gap";

    /// <summary>Leaf: whether a local event sends a request.</summary>
    public const string SendPurpose = "sparse.send";

    /// <summary>Leaf and hub: the latency of each message they send.</summary>
    public const string LinkPurpose = "sparse.link";

    /// <summary>Gap to the next local event: Exp(mean gap), so local events form a Poisson process (ticks, may be 0).</summary>
    public static long Gap(RandomStream gap, SparseSettings settings) => Round(gap.NextExponential(settings.MeanGapTicks));

    /// <summary>True when a local event sends a request (Bernoulli(send fraction)).</summary>
    public static bool Sends(RandomStream send, SparseSettings settings) => send.NextBernoulli(settings.SendFraction);

    /// <summary>Link latency: latency-min + Exp(jitter-mean) ticks, never below the lookahead.</summary>
    public static long Latency(RandomStream link, SparseSettings settings) =>
        VirtualTime.Add(settings.LatencyMinTicks, Round(link.NextExponential(settings.JitterMeanTicks)));

    // Ticks are integers; round to the nearest nanosecond as VirtualTime.FromSeconds does, saturating at "never".
    private static long Round(double ticks) =>
        ticks >= long.MaxValue ? VirtualTime.Infinity : (long)Math.Round(ticks, MidpointRounding.ToEven);
}
