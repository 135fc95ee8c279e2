using FgsActors.Simulation.Events;
using FgsActors.Simulation.Kernel;
using FgsActors.Simulation.Workloads.Sparse;

namespace FgsActors.Simulation.Tests.Workloads;

/// <summary>One handled event, with the entity's output promise right after it (null when it keeps none).</summary>
internal readonly record struct Handled(long Time, int Entity, int Kind, int Source, long Data, long? PromiseAfter);

/// <summary>One message or self-schedule issued while handling an event at <see cref="Time"/>.</summary>
internal readonly record struct Issued(long Time, int From, int To, long Delay, int Kind, bool TriggersOutput, bool SelfScheduled);

/// <summary>What a traced run saw. Only for one-partition runs or runs that are not read concurrently.</summary>
internal sealed class Trace
{
    public List<Handled> Handled { get; } = [];
    public List<Issued> Issued { get; } = [];
}

/// <summary>
/// Wraps <see cref="SparseModel"/> so tests can see the entities it creates (for their counters) and,
/// optionally, trace every event, or replace the leaves' promise by <paramref name="promise"/>(now, lookahead).
/// </summary>
internal sealed class SparseTestModel(SparseSettings settings, Trace? trace = null, Func<long, long, long>? promise = null) : ISimulationModel
{
    private readonly SparseModel _inner = new(settings);
    private readonly IEntity?[] _created = new IEntity?[settings.Leaves + 1];

    public string Name => _inner.Name;
    public int EntityCount => _inner.EntityCount;
    public long Lookahead => _inner.Lookahead;
    public long EndTime => _inner.EndTime;
    public ulong Seed => _inner.Seed;

    public SparseHub Hub => (SparseHub)_created[SparseModel.HubId]!;
    public IEnumerable<SparseLeaf> Leaves => _created.Skip(1).Select(e => (SparseLeaf)e!);

    public IEntity CreateEntity(int id)
    {
        var entity = _inner.CreateEntity(id);
        _created[id] = entity;
        if (promise is not null && entity is SparseLeaf leaf) return new OverriddenPromiseLeaf(leaf, now => promise(now, Lookahead), trace);
        if (trace is null) return entity;
        return entity is IPromisingEntity promising ? new TracingPromisingEntity(promising, trace) : new TracingEntity(entity, trace);
    }
}

/// <summary>Records what an entity handles and issues, then defers to it.</summary>
internal class TracingEntity(IEntity inner, Trace trace) : IEntity
{
    public void Start(IEventContext context) => inner.Start(new TracingContext(context, trace));

    public void Handle(in SimEvent ev, IEventContext context)
    {
        inner.Handle(ev, new TracingContext(context, trace));
        trace.Handled.Add(new Handled(ev.Time, ev.Target, ev.Kind, ev.Source, ev.Data, (inner as IPromisingEntity)?.OutputPromise));
    }
}

internal sealed class TracingPromisingEntity(IPromisingEntity inner, Trace trace) : TracingEntity(inner, trace), IPromisingEntity
{
    public long OutputPromise => inner.OutputPromise;
}

/// <summary>The same leaf reporting another promise, computed from the time of the event it last handled.</summary>
internal sealed class OverriddenPromiseLeaf(SparseLeaf inner, Func<long, long> promise, Trace? trace) : IPromisingEntity
{
    private readonly IEntity _run = trace is null ? inner : new TracingPromisingEntity(inner, trace);
    private long _now;

    public long OutputPromise => promise(_now);

    public void Start(IEventContext context)
    {
        _now = context.Now;
        _run.Start(context);
    }

    public void Handle(in SimEvent ev, IEventContext context)
    {
        _now = context.Now;
        _run.Handle(ev, context);
    }
}

/// <summary>Promise overrides for <see cref="SparseTestModel"/>.</summary>
internal static class Promises
{
    /// <summary>
    /// "Now + lookahead": the bound any entity could give without knowing its future. The comparison case:
    /// the events are the same as with the leaf's own promise, only the windows should differ.
    /// </summary>
    public static long Naive(long now, long lookahead) => now + lookahead;

    /// <summary>"Never sends": a lie for any leaf that does send; the kernel must catch it.</summary>
    public static long Never(long now, long lookahead) => Time.VirtualTime.Infinity;
}

/// <summary>Logs sends and schedules, then passes them on unchanged.</summary>
internal sealed class TracingContext(IEventContext inner, Trace trace) : IEventContext
{
    public long Now => inner.Now;
    public int Self => inner.Self;
    public long Lookahead => inner.Lookahead;
    public ulong Seed => inner.Seed;

    public void Send(int target, long delay, int kind, long data = 0, object? payload = null, bool triggersOutput = true)
    {
        trace.Issued.Add(new Issued(Now, Self, target, delay, kind, triggersOutput, SelfScheduled: false));
        inner.Send(target, delay, kind, data, payload, triggersOutput);
    }

    public void Schedule(long delay, int kind, long data = 0, object? payload = null)
    {
        trace.Issued.Add(new Issued(Now, Self, Self, delay, kind, TriggersOutput: false, SelfScheduled: true));
        inner.Schedule(delay, kind, data, payload);
    }
}
