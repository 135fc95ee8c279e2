using FgsActors.Simulation.Events;
using FgsActors.Simulation.Kernel;

namespace FgsActors.Actors.Tests.Kernel.Support;

public enum Failure
{
    None,
    /// <summary>The entity throws <see cref="InvalidOperationException"/> from Handle at the failure time.</summary>
    ThrowInHandle,
    /// <summary>The entity throws from Start.</summary>
    ThrowInStart,
    /// <summary>At the failure time the entity sends to entity 1 with a delay of lookahead − 1.</summary>
    SendBelowLookahead,
    /// <summary>The model throws when asked to create the entity.</summary>
    ThrowInCreateEntity,
}

/// <summary>
/// Entities tick at id·10 + k·50 and message their right neighbour (delay = lookahead) on every tick;
/// entity <paramref name="failEntity"/> breaks as <paramref name="failure"/> says, at <paramref name="failTime"/>
/// (which must be one of its tick times).
/// </summary>
public sealed class FailingModel(int entities, long lookahead, long endTime, Failure failure, int failEntity, long failTime) : ISimulationModel
{
    public const int TickKind = 1, MessageKind = 2;
    public const long TickPeriod = 50;

    public static string ErrorText(int entity, long time) => $"model failure: entity {entity} at t={time}";

    public string Name => "failing-test";
    public int EntityCount => entities;
    public long Lookahead => lookahead;
    public long EndTime => endTime;
    public ulong Seed => 9;

    public IEntity CreateEntity(int id)
    {
        if (_failure == Failure.ThrowInCreateEntity && id == _failEntity) throw new InvalidOperationException(ErrorText(id, 0));
        return new Entity(this, id);
    }

    private sealed class Entity(FailingModel model, int id) : IEntity
    {
        public void Start(IEventContext context)
        {
            if (model._failure == Failure.ThrowInStart && id == model._failEntity) throw new InvalidOperationException(ErrorText(id, 0));
            context.Schedule(id * 10L, TickKind);
        }

        public void Handle(in SimEvent ev, IEventContext context)
        {
            if (ev.Kind != TickKind) return;
            if (id == model._failEntity && ev.Time == model._failTime)
            {
                if (model._failure == Failure.ThrowInHandle) throw new InvalidOperationException(ErrorText(id, ev.Time));
                if (model._failure == Failure.SendBelowLookahead) context.Send(1, context.Lookahead - 1, MessageKind);
            }
            context.Send((id + 1) % model.EntityCount, context.Lookahead, MessageKind);
            context.Schedule(TickPeriod, TickKind);
        }
    }

    private readonly Failure _failure = failure;
    private readonly int _failEntity = failEntity;
    private readonly long _failTime = failTime;
}
