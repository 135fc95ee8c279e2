using System.Runtime.InteropServices;
using FgsActors.Simulation.Events;

namespace FgsActors.Cli.Hosting;

/// <summary>
/// One processed event as the trace keeps it: a <see cref="SimEvent"/> without its payload and flags, packed to 36
/// bytes (every recorded event stays in memory until the run ends, so its size is the trace's cost).
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly record struct TracedEvent(long Time, long Sequence, long Data, int Target, int Source, int Kind)
{
    public static TracedEvent Of(in SimEvent ev) => new(ev.Time, ev.Sequence, ev.Data, ev.Target, ev.Source, ev.Kind);
}

/// <summary>
/// The kernel's total order (time, target, source, sequence; see <see cref="EventOrder"/>), then kind and data, which
/// only break ties the kernel never produces: so that any set of events has exactly one sorted order.
/// </summary>
public readonly struct TracedEventOrder : IComparer<TracedEvent>
{
    public int Compare(TracedEvent a, TracedEvent b)
    {
        if (a.Time != b.Time) return a.Time < b.Time ? -1 : 1;
        if (a.Target != b.Target) return a.Target < b.Target ? -1 : 1;
        if (a.Source != b.Source) return a.Source < b.Source ? -1 : 1;
        if (a.Sequence != b.Sequence) return a.Sequence < b.Sequence ? -1 : 1;
        if (a.Kind != b.Kind) return a.Kind < b.Kind ? -1 : 1;
        return a.Data.CompareTo(b.Data);
    }
}
