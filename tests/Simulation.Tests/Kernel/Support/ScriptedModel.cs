using FgsActors.Simulation.Events;
using FgsActors.Simulation.Kernel;

namespace FgsActors.Simulation.Tests.Kernel.Support;

/// <summary>
/// A model whose entities run test-supplied actions: <c>onStart</c> at start-up and <c>onEvent</c> for
/// each handled event. Every handled event is logged.
/// </summary>
public sealed class ScriptedModel(
    int entities,
    long lookahead,
    long endTime,
    Action<IEventContext>? onStart = null,
    Action<SimEvent, IEventContext>? onEvent = null) : ISimulationModel
{
    public EventLog Log { get; } = new(entities);
    public string Name => "scripted";
    public int EntityCount => entities;
    public long Lookahead => lookahead;
    public long EndTime => endTime;
    public ulong Seed => 1;

    public IEntity CreateEntity(int id) => new Entity(this);

    private sealed class Entity(ScriptedModel model) : IEntity
    {
        public void Start(IEventContext context) => model._onStart?.Invoke(context);

        public void Handle(in SimEvent ev, IEventContext context)
        {
            model.Log.Record(context.Self, ev);
            model._onEvent?.Invoke(ev, context);
        }
    }

    private readonly Action<IEventContext>? _onStart = onStart;
    private readonly Action<SimEvent, IEventContext>? _onEvent = onEvent;
}
