using FgsActors.Simulation.Events;
using FgsActors.Simulation.Kernel;
using FgsActors.Simulation.Time;

namespace FgsActors.Actors.Tests.Kernel.Support;

/// <summary>
/// Shows where a future holds the clock. Entity 0 (an ordinary entity) has one event, at <paramref name="heldAt"/>,
/// whose payload is <paramref name="future"/>. Every other entity i ticks at i·10, i·10 + period, … and never
/// sends (it promises so: <see cref="IPromisingEntity.OutputPromise"/> = ∞), so the only bound the partitions
/// put on each other is entity 0's: its partition's output bound is heldAt + lookahead.
/// Optionally ticker <paramref name="failTicker"/> throws at its tick at <paramref name="failAt"/>.
/// </summary>
public sealed class HeldFutureModel(int entities, long lookahead, long period, long heldAt, long endTime, Task<long> future,
    int failTicker = -1, long failAt = -1) : ISimulationModel
{
    public const int FutureKind = 1, TickKind = 2;

    public EntityLog Log { get; } = new(entities);
    public long Period => period;
    public long HeldAt => heldAt;
    public string Name => "held-future-test";
    public int EntityCount => entities;
    public long Lookahead => lookahead;
    public long EndTime => endTime;
    public ulong Seed => 5;

    public static long FirstTick(int id) => id * 10L;

    /// <summary>Tick times of entity <paramref name="id"/> below <paramref name="limit"/>.</summary>
    public long[] TicksBelow(int id, long limit)
    {
        var ticks = new List<long>();
        for (var t = FirstTick(id); t < limit; t += period) ticks.Add(t);
        return ticks.ToArray();
    }

    public static string FailureText(int id, long time) => $"ticker {id} failed at t={time}";

    public IEntity CreateEntity(int id) => id == 0 ? new Waiter(this) : new Ticker(this, id);

    private sealed class Waiter(HeldFutureModel model) : IEntity
    {
        public void Start(IEventContext context) => context.Schedule(model.HeldAt, FutureKind, payload: model._future);

        public void Handle(in SimEvent ev, IEventContext context)
        {
            if (ev.Payload is not Task<long> { IsCompletedSuccessfully: true } task)
                throw new InvalidOperationException($"the future was handled at t={ev.Time} before its value existed");
            model.Log.Record(0, ev, task.Result);
        }
    }

    private sealed class Ticker(HeldFutureModel model, int id) : IPromisingEntity
    {
        public long OutputPromise => VirtualTime.Infinity;

        public void Start(IEventContext context) => context.Schedule(FirstTick(id), TickKind);

        public void Handle(in SimEvent ev, IEventContext context)
        {
            if (id == model._failTicker && ev.Time == model._failAt) throw new InvalidOperationException(FailureText(id, ev.Time));
            model.Log.Record(id, ev);
            context.Schedule(model.Period, TickKind);
        }
    }

    private readonly Task<long> _future = future;
    private readonly int _failTicker = failTicker;
    private readonly long _failAt = failAt;
}
