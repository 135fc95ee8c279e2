using FgsActors.Simulation.Events;

namespace FgsActors.Simulation.Tests.Kernel.Support;

/// <summary>One handled event as an entity saw it.</summary>
public readonly record struct LoggedEvent(long Time, int Source, long Sequence, int Kind, long Data)
{
    public override string ToString() => $"(t={Time} src={Source} seq={Sequence} kind={Kind} data={Data})";
}

/// <summary>Per-entity logs of handled events, in handling order. Each entity only appends to its own list.</summary>
public sealed class EventLog
{
    private readonly List<LoggedEvent>[] _perEntity;

    public EventLog(int entities)
    {
        _perEntity = new List<LoggedEvent>[entities];
        for (var i = 0; i < entities; i++) _perEntity[i] = new List<LoggedEvent>();
    }

    public int Entities => _perEntity.Length;

    public int Total => _perEntity.Sum(l => l.Count);

    public IReadOnlyList<LoggedEvent> For(int entity) => _perEntity[entity];

    public void Record(int entity, in SimEvent ev, long? data = null)
    {
        lock (_perEntity[entity]) _perEntity[entity].Add(new LoggedEvent(ev.Time, ev.Source, ev.Sequence, ev.Kind, data ?? ev.Data));
    }

    /// <summary>Fails with the first entity and position where the logs differ.</summary>
    public static void AssertSame(EventLog expected, EventLog actual, string label)
    {
        Assert.Equal(expected.Entities, actual.Entities);
        for (var e = 0; e < expected.Entities; e++)
        {
            var want = expected.For(e);
            var got = actual.For(e);
            var n = Math.Min(want.Count, got.Count);
            for (var i = 0; i < n; i++)
            {
                if (want[i] != got[i])
                    Assert.Fail($"{label}: entity {e} differs at its event #{i}: expected {want[i]}, got {got[i]}");
            }
            if (want.Count != got.Count)
                Assert.Fail($"{label}: entity {e} handled {got.Count} events, expected {want.Count}");
        }
    }
}
