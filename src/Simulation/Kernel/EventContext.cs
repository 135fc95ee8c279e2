using FgsActors.Simulation.Events;

namespace FgsActors.Simulation.Kernel;

/// <summary>
/// The <see cref="IEventContext"/> a partition hands to each entity it runs. One instance per partition,
/// reused for every event (no allocation per event); it is only valid during the call it is passed to.
/// </summary>
public sealed class EventContext : IEventContext
{
    private readonly PartitionEngine _engine;
    private int _local;
    private bool _handlingSilent;
    private long _promiseBefore;

    internal EventContext(PartitionEngine engine, ulong seed, long lookahead)
    {
        _engine = engine;
        Seed = seed;
        Lookahead = lookahead;
    }

    public long Now { get; private set; }
    public int Self { get; private set; }
    public long Lookahead { get; }
    public ulong Seed { get; }

    /// <summary>Promise reported by the entity after the current call (set by <see cref="EntityDriver"/>).</summary>
    internal long DeclaredPromise { get; private set; }
    internal bool PromiseDeclared { get; private set; }
    internal bool IsPromising { get; private set; }

    internal void Begin(int self, int local, long now, bool promising, bool silent, long promiseBefore)
    {
        Self = self;
        _local = local;
        Now = now;
        IsPromising = promising;
        _handlingSilent = silent;
        _promiseBefore = promiseBefore;
        PromiseDeclared = false;
    }

    internal void MarkPromising(bool promising) => IsPromising = promising;

    internal void DeclarePromise(long promise)
    {
        DeclaredPromise = promise;
        PromiseDeclared = true;
    }

    public void Send(int target, long delay, int kind, long data = 0, object? payload = null, bool triggersOutput = true)
    {
        if (delay < Lookahead)
            throw new KernelViolationException($"entity {Self} sent a message to {target} at t={Now} with delay {delay} ticks, below the lookahead of {Lookahead} ticks");
        if ((uint)target >= (uint)_engine.Placement.EntityCount)
            throw new KernelViolationException($"entity {Self} sent a message to unknown entity {target} (ids run from 0 to {_engine.Placement.EntityCount - 1})");
        if (delay < _engine.RemoteLookahead && !_engine.Hosts(target))
            throw new KernelViolationException($"entity {Self} sent a message to {target} on another partition at t={Now} with delay {delay} ticks, below the remote lookahead of {_engine.RemoteLookahead} ticks (the model must keep such pairs together)");
        var time = Time.VirtualTime.Add(Now, delay);
        if (_handlingSilent && time < _promiseBefore)
            throw new KernelViolationException($"entity {Self} promised no output before t={_promiseBefore} but sent a message at t={time} while handling a non-triggering event at t={Now}");
        _engine.Emit(new SimEvent(time, target, Self, _engine.NextSequence(_local), kind, data, payload, nonTriggering: !triggersOutput));
    }

    public void Schedule(long delay, int kind, long data = 0, object? payload = null)
    {
        if (delay < 0)
            throw new KernelViolationException($"entity {Self} scheduled an event at t={Now} with negative delay {delay}");
        var time = Time.VirtualTime.Add(Now, delay);
        _engine.Emit(new SimEvent(time, Self, Self, _engine.NextSequence(_local), kind, data, payload, nonTriggering: true));
    }
}
