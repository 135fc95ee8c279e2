using FgsActors.Simulation.Time;

namespace FgsActors.Simulation.Workloads.Phold;

/// <summary>
/// PHOLD (Fujimoto, "Performance of Time Warp under synthetic workloads", 1990): LPs that, for each event,
/// schedule one new event after lookahead + Exp(mean − lookahead), to a uniformly random LP with
/// probability <see cref="Remote"/> and to themselves otherwise. Times are in virtual seconds here.
/// </summary>
public sealed record PholdSettings(
    int Lps = 100_000,
    int EventsPerLp = 1,
    double Remote = 0.9,
    double LookaheadSeconds = 0.1,
    double MeanSeconds = 1.0,
    double EndSeconds = 100.0,
    ulong Seed = 1)
{
    public long LookaheadTicks => VirtualTime.FromSeconds(LookaheadSeconds);
    public long EndTicks => VirtualTime.FromSeconds(EndSeconds);

    /// <summary>Checks the ranges; returns the first problem as (option, message) or null.</summary>
    public (string Key, string Message)? Validate()
    {
        if (Lps < 1) return ("lps", $"expected an integer >= 1, found {Lps}");
        if (EventsPerLp < 1) return ("events-per-lp", $"expected an integer >= 1, found {EventsPerLp}");
        if (!(Remote >= 0 && Remote <= 1)) return ("remote", $"expected a probability in [0, 1], found {Remote}");
        if (!(LookaheadSeconds > 0) || LookaheadTicks <= 0) return ("lookahead", $"expected a positive time of at least 1 ns, found {LookaheadSeconds}");
        if (!(MeanSeconds >= LookaheadSeconds)) return ("mean", $"expected a mean delay >= the lookahead ({LookaheadSeconds}), found {MeanSeconds}");
        if (!(EndSeconds > 0) || EndTicks >= VirtualTime.Infinity) return ("end", $"expected a positive end time below {VirtualTime.ToSeconds(VirtualTime.Infinity - 1):E3} s (the int64-nanosecond range), found {EndSeconds}");
        return null;
    }
}
