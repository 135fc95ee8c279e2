using FgsActors.Simulation.Events;
using FgsActors.Simulation.Kernel;
using FgsActors.Simulation.Randomness;

namespace FgsActors.Simulation.Tests.Kernel.Support;

/// <param name="PayloadAt">When set, entity 0 schedules an event at this time whose payload is the model's task.</param>
public sealed record RandomModelSettings(int Entities, long Lookahead, long EndTime, ulong Seed, int InitialEvents = 2, long? PayloadAt = null)
{
    public override string ToString() => $"entities={Entities} L={Lookahead} end={EndTime} seed={Seed} initial={InitialEvents}";
}

/// <summary>
/// A busy random model for equivalence checks. Each entity draws from its own stream and, per event,
/// makes 0, 1 or 2 follow-ups: zero-delay self-schedules, self timers, messages with delays that are
/// whole multiples of the lookahead (so simultaneous arrivals from different sources are common) and
/// messages with arbitrary delays of at least the lookahead. Every handled event is logged.
/// </summary>
public sealed class RandomModel(RandomModelSettings settings, Task<long>? payload = null) : ISimulationModel
{
    public const int InitialKind = 0, ZeroDelayKind = 1, TimerKind = 2, TiedMessageKind = 3, MessageKind = 4, PayloadKind = 5, PayloadReplyKind = 6;

    public RandomModelSettings Settings { get; } = settings;
    public Task<long>? Payload { get; } = payload;
    public EventLog Log { get; } = new(settings.Entities);
    public string Name => "random-test";
    public int EntityCount => Settings.Entities;
    public long Lookahead => Settings.Lookahead;
    public long EndTime => Settings.EndTime;
    public ulong Seed => Settings.Seed;

    public IEntity CreateEntity(int id) => new RandomEntity(this, id);
}

public sealed class RandomEntity(RandomModel model, int id) : IEntity
{
    private RandomStream _random = null!;

    public void Start(IEventContext context)
    {
        CheckContext(context, context.Now);
        if (context.Now != 0) throw new InvalidOperationException($"Start at t={context.Now}");
        _random = RandomStream.For(context.Seed, id, "kernel-test-behaviour");
        var lookahead = context.Lookahead;
        for (var i = 0; i < model.Settings.InitialEvents; i++)
            context.Schedule(_random.NextInt(3) == 0 ? 0 : _random.NextInt((int)(4 * lookahead)), RandomModel.InitialKind, data: i);
        if (_random.NextInt(2) == 0)
            context.Send(_random.NextInt(model.EntityCount), lookahead * (1 + _random.NextInt(3)), RandomModel.TiedMessageKind);
        if (id == 0 && model.Settings.PayloadAt is { } at)
            context.Schedule(at, RandomModel.PayloadKind, payload: model.Payload);
    }

    public void Handle(in SimEvent ev, IEventContext context)
    {
        CheckContext(context, ev.Time);
        if (ev.Target != id) throw new InvalidOperationException($"entity {id} got an event for {ev.Target}");
        if (ev.Kind == RandomModel.PayloadKind)
        {
            if (ev.Payload is not Task<long> task || !task.IsCompleted)
                throw new InvalidOperationException("an event was handled before its payload was computed");
            model.Log.Record(id, ev, task.Result);
            context.Send((int)(task.Result % model.EntityCount), context.Lookahead, RandomModel.PayloadReplyKind, task.Result);
            return;
        }
        model.Log.Record(id, ev);

        var roll = _random.NextInt(10);
        var children = roll == 0 ? 0 : roll == 1 ? 2 : 1;
        for (var c = 0; c < children; c++) Spawn(context);
    }

    private void Spawn(IEventContext context)
    {
        var lookahead = context.Lookahead;
        var data = _random.NextInt(1_000_000);
        var choice = _random.NextInt(20);
        if (choice < 3) context.Schedule(0, RandomModel.ZeroDelayKind, data);
        else if (choice < 6) context.Schedule(lookahead * _random.NextInt(3), RandomModel.TimerKind, data);
        else if (choice < 13) context.Send(_random.NextInt(model.EntityCount), lookahead * (1 + _random.NextInt(3)), RandomModel.TiedMessageKind, data);
        else context.Send(_random.NextInt(model.EntityCount), lookahead + _random.NextInt((int)(2 * lookahead) + 1), RandomModel.MessageKind, data);
    }

    private void CheckContext(IEventContext context, long now)
    {
        if (context.Self != id) throw new InvalidOperationException($"context says self={context.Self}, entity is {id}");
        if (context.Now != now) throw new InvalidOperationException($"context says now={context.Now}, event is at {now}");
        if (context.Lookahead != model.Lookahead) throw new InvalidOperationException("context lookahead differs from the model's");
        if (context.Seed != model.Seed) throw new InvalidOperationException("context seed differs from the model's");
    }
}
