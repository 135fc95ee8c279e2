using FgsActors.Simulation.Time;

namespace FgsActors.Simulation.Workloads.Sparse;

/// <summary>
/// The sparse benchmark: one hub and <see cref="Leaves"/> leaves. Each leaf has local events as a Poisson
/// process (exponential gaps of mean <see cref="MeanGapTicks"/>); a fraction <see cref="SendFraction"/> of them
/// send a request to the hub, which replies. Both directions cross a link whose latency is
/// <see cref="LatencyMinTicks"/> + Exp(<see cref="JitterMeanTicks"/>). All times are virtual ticks (ns).
/// <para>It models a fleet where traffic is rare next to the minimum latency (one upload per leaf per
/// ~100 h against 1 ms lookahead): the case that needs earliest-output-time promises to run in long windows.</para>
/// </summary>
public sealed record SparseSettings(
    int Leaves = 100_000,
    long MeanGapTicks = 3_600 * VirtualTime.TicksPerSecond,
    double SendFraction = 0.01,
    long LatencyMinTicks = VirtualTime.TicksPerSecond / 1_000,
    long JitterMeanTicks = VirtualTime.TicksPerSecond / 1_000,
    long EndTicks = 24 * 3_600 * VirtualTime.TicksPerSecond,
    ulong Seed = 1)
{
    /// <summary>Checks the ranges; returns the first problem as (option, message) or null.</summary>
    public (string Key, string Message)? Validate()
    {
        // Entity ids are ints and the hub takes id 0, so at most int.MaxValue - 1 leaves.
        if (Leaves < 1 || Leaves == int.MaxValue) return ("leaves", $"expected an integer in [1, {int.MaxValue - 1}], found {Leaves}");
        if (MeanGapTicks <= 0) return ("mean-gap", $"expected a positive mean gap of at least 1 ns, found {MeanGapTicks} ns");
        if (!(SendFraction >= 0 && SendFraction <= 1)) return ("send-fraction", $"expected a probability in [0, 1], found {SendFraction}");
        // The minimum latency is the kernel's lookahead, which must be positive.
        if (LatencyMinTicks <= 0) return ("latency-min", $"expected a positive latency of at least 1 ns, found {LatencyMinTicks} ns");
        if (JitterMeanTicks < 0) return ("jitter-mean", $"expected a mean jitter >= 0 ns, found {JitterMeanTicks} ns");
        if (EndTicks <= 0 || EndTicks == VirtualTime.Infinity) return ("end", $"expected a positive finite end time, found {EndTicks} ns");
        return null;
    }
}
