using FgsActors.Simulation.Events;

namespace FgsActors.Actors.Tests.Kernel.Support;

/// <summary>One handled event as its entity saw it (data may be replaced by a computed value, e.g. a future's result).</summary>
public readonly record struct Handled(long Time, int Source, long Sequence, int Kind, long Data)
{
    public override string ToString() => $"(t={Time} src={Source} seq={Sequence} kind={Kind} data={Data})";
}

/// <summary>
/// Per-entity logs of handled events, in handling order. Entities append from their partition's thread while
/// tests read snapshots from another, so every list is guarded by its own lock.
/// </summary>
public sealed class EntityLog
{
    private readonly List<Handled>[] _perEntity;
    private int _total;

    public EntityLog(int entities)
    {
        _perEntity = new List<Handled>[entities];
        for (var i = 0; i < entities; i++) _perEntity[i] = new List<Handled>();
    }

    public int Entities => _perEntity.Length;

    /// <summary>Events logged so far, over all entities.</summary>
    public int Total => Volatile.Read(ref _total);

    public void Record(int entity, in SimEvent ev, long? data = null)
    {
        var list = _perEntity[entity];
        lock (list) list.Add(new Handled(ev.Time, ev.Source, ev.Sequence, ev.Kind, data ?? ev.Data));
        Interlocked.Increment(ref _total);
    }

    /// <summary>A copy of what the entity has handled so far.</summary>
    public Handled[] For(int entity)
    {
        var list = _perEntity[entity];
        lock (list) return list.ToArray();
    }

    /// <summary>Fails with the first entity and position where the logs differ.</summary>
    public static void AssertSame(EntityLog expected, EntityLog actual, string label)
    {
        Assert.Equal(expected.Entities, actual.Entities);
        for (var e = 0; e < expected.Entities; e++)
        {
            var want = expected.For(e);
            var got = actual.For(e);
            for (var i = 0; i < Math.Min(want.Length, got.Length); i++)
            {
                if (want[i] != got[i]) Assert.Fail($"{label}: entity {e} differs at its event #{i}: expected {want[i]}, got {got[i]}");
            }
            if (want.Length != got.Length) Assert.Fail($"{label}: entity {e} handled {got.Length} events, expected {want.Length}");
        }
    }
}
