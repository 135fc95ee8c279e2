using FgsActors.Simulation.Events;
using FgsActors.Simulation.Kernel;
using FgsActors.Simulation.Time;

namespace FgsActors.Simulation.Tests.Kernel.Support;

public sealed record ReferenceResult(long Events, ulong Digest, long LastEventTime);

/// <summary>
/// A deliberately plain simulator: every entity in one process, one BCL heap keyed by
/// (time, target, source, per-source sequence), no partitions, no windows, no promises. Events whose
/// payload is a task wait for it before they are handled. The kernel must agree with it on every layout.
/// </summary>
public static class SequentialReference
{
    private readonly record struct Key(long Time, int Target, int Source, long Sequence) : IComparable<Key>
    {
        public int CompareTo(Key other) => (Time, Target, Source, Sequence).CompareTo((other.Time, other.Target, other.Source, other.Sequence));
    }

    public static ReferenceResult Run(ISimulationModel model)
    {
        var entities = new IEntity[model.EntityCount];
        for (var id = 0; id < entities.Length; id++) entities[id] = model.CreateEntity(id);
        var queue = new PriorityQueue<SimEvent, Key>();
        var context = new Context(model, queue);
        for (var id = 0; id < entities.Length; id++)
        {
            context.Enter(id, 0);
            entities[id].Start(context);
        }

        long events = 0;
        ulong digest = 0;
        long last = 0;
        while (queue.TryPeek(out var ev, out _) && ev.Time < model.EndTime)
        {
            queue.Dequeue();
            if (ev.Payload is Task task) task.Wait();
            context.Enter(ev.Target, ev.Time);
            entities[ev.Target].Handle(ev, context);
            events++;
            digest += PartitionEngine.EventHash(ev.Time, ev.Target);
            last = ev.Time;
        }
        return new ReferenceResult(events, digest, last);
    }

    private sealed class Context(ISimulationModel model, PriorityQueue<SimEvent, Key> queue) : IEventContext
    {
        private readonly long[] _sequence = new long[model.EntityCount];

        public long Now { get; private set; }
        public int Self { get; private set; }
        public long Lookahead => model.Lookahead;
        public ulong Seed => model.Seed;

        public void Enter(int self, long now)
        {
            Self = self;
            Now = now;
        }

        public void Send(int target, long delay, int kind, long data = 0, object? payload = null, bool triggersOutput = true)
        {
            if (delay < Lookahead) throw new InvalidOperationException($"reference: delay {delay} below lookahead");
            if (target < 0 || target >= model.EntityCount) throw new InvalidOperationException($"reference: unknown target {target}");
            Add(new SimEvent(VirtualTime.Add(Now, delay), target, Self, _sequence[Self]++, kind, data, payload, !triggersOutput));
        }

        public void Schedule(long delay, int kind, long data = 0, object? payload = null)
        {
            if (delay < 0) throw new InvalidOperationException($"reference: negative delay {delay}");
            Add(new SimEvent(VirtualTime.Add(Now, delay), Self, Self, _sequence[Self]++, kind, data, payload, nonTriggering: true));
        }

        private void Add(SimEvent ev) => queue.Enqueue(ev, new Key(ev.Time, ev.Target, ev.Source, ev.Sequence));
    }
}
