using FgsActors.Simulation.Events;
using FgsActors.Simulation.Kernel;
using FgsActors.Simulation.Randomness;

namespace FgsActors.Simulation.Tests.Kernel.Support;

/// <param name="Leaves">Leaf entities 1..Leaves; entity 0 is the hub.</param>
/// <param name="Tick">A leaf wakes every <paramref name="Tick"/> ticks (self-scheduled, never sends by itself).</param>
/// <param name="ReportEvery">A leaf reports to the hub on every ReportEvery-th to (ReportEvery+2)-th tick (per-leaf period).</param>
/// <param name="Promising">Leaves declare the time of their next report as an output promise.</param>
/// <param name="BreakPromiseAtTick">Leaf 1 also sends a report at this (non-report) tick: a promise breach when promising.</param>
/// <param name="LowerPromiseAtTick">Leaf 1 lowers its promise to now + 2·lookahead at this (non-report) tick.</param>
public sealed record LeafHubSettings(
    int Leaves, long Lookahead, long Tick, int ReportEvery, long EndTime, ulong Seed, bool Promising,
    int BreakPromiseAtTick = -1, int LowerPromiseAtTick = -1);

/// <summary>
/// A sparse fleet: leaves tick often but report rarely; the hub acknowledges each report with a
/// non-triggering message. With promises, windows follow the reports, not the ticks.
/// </summary>
public sealed class LeafHubModel(LeafHubSettings settings) : ISimulationModel
{
    public const int TickKind = 1, ReportKind = 2, AckKind = 3;

    public LeafHubSettings Settings { get; } = settings;
    public EventLog Log { get; } = new(settings.Leaves + 1);
    public string Name => "leaf-hub";
    public int EntityCount => Settings.Leaves + 1;
    public long Lookahead => Settings.Lookahead;
    public long EndTime => Settings.EndTime;
    public ulong Seed => Settings.Seed;

    public IEntity CreateEntity(int id) =>
        id == 0 ? new Hub(this) : Settings.Promising ? new PromisingLeaf(this, id) : new Leaf(this, id);

    private sealed class Hub(LeafHubModel model) : IEntity
    {
        public void Start(IEventContext context) { }

        public void Handle(in SimEvent ev, IEventContext context)
        {
            model.Log.Record(0, ev);
            if (ev.Kind == ReportKind) context.Send(ev.Source, context.Lookahead, AckKind, ev.Data, triggersOutput: false);
        }
    }

    private class Leaf(LeafHubModel model, int id) : IEntity
    {
        private long _phase;
        private int _period;
        private long _nextReportTick;
        protected long? PromiseOverride;

        /// <summary>Time of the next report message: the report tick's time plus the lookahead.</summary>
        protected long NextReportArrival => _phase + _nextReportTick * model.Settings.Tick + model.Lookahead;

        public void Start(IEventContext context)
        {
            var random = RandomStream.For(context.Seed, id, "leaf");
            _phase = random.NextInt((int)model.Settings.Tick);
            _period = model.Settings.ReportEvery + random.NextInt(3);
            _nextReportTick = _period - 1;
            context.Schedule(_phase, TickKind, data: 0);
        }

        public void Handle(in SimEvent ev, IEventContext context)
        {
            model.Log.Record(id, ev);
            PromiseOverride = null;
            if (ev.Kind != TickKind) return;
            var tick = ev.Data;
            if (tick == _nextReportTick)
            {
                context.Send(0, context.Lookahead, ReportKind, tick);
                _nextReportTick += _period;
            }
            else if (id == 1 && tick == model.Settings.BreakPromiseAtTick)
            {
                context.Send(0, context.Lookahead, ReportKind, tick);
            }
            if (id == 1 && tick == model.Settings.LowerPromiseAtTick) PromiseOverride = context.Now + 2 * context.Lookahead;
            context.Schedule(model.Settings.Tick, TickKind, tick + 1);
        }
    }

    private sealed class PromisingLeaf(LeafHubModel model, int id) : Leaf(model, id), IPromisingEntity
    {
        public long OutputPromise => PromiseOverride ?? NextReportArrival;
    }
}
