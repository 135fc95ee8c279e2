namespace FgsActors.Simulation.Events;

/// <summary>The kernel's total event order: (time, target, source, per-source sequence).</summary>
public static class EventOrder
{
    public static int Compare(in SimEvent a, in SimEvent b)
    {
        if (a.Time != b.Time) return a.Time < b.Time ? -1 : 1;
        if (a.Target != b.Target) return a.Target < b.Target ? -1 : 1;
        if (a.Source != b.Source) return a.Source < b.Source ? -1 : 1;
        if (a.Sequence != b.Sequence) return a.Sequence < b.Sequence ? -1 : 1;
        return 0;
    }

    public static bool Precedes(in SimEvent a, in SimEvent b) => Compare(a, b) < 0;

    /// <summary>Comparer form for sorting and for <see cref="PriorityQueue{TElement,TPriority}"/>-style uses.</summary>
    public sealed class Comparer : IComparer<SimEvent>
    {
        public static readonly Comparer Instance = new();
        public int Compare(SimEvent x, SimEvent y) => EventOrder.Compare(x, y);
    }
}
