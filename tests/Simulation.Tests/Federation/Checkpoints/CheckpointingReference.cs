using FgsActors.Simulation.Checkpoints;
using FgsActors.Models.Checkpoints;
using FgsActors.Simulation.Events;
using FgsActors.Simulation.Kernel;
using FgsActors.Simulation.Tests.Kernel.Support;
using FgsActors.Simulation.Time;

namespace FgsActors.Simulation.Tests.Federation.Checkpoints;

/// <summary>
/// The plain sequential simulator of <see cref="SequentialReference"/> (one heap keyed by (time, target, source,
/// sequence)) that can stop at a virtual time, write everything it holds — counters, every entity's state, the model's
/// state, each entity's send sequence and every pending event with its payload — and resume from those bytes in a
/// freshly built model, restoring entities instead of starting them. It proves the model's state is complete without
/// depending on the partitioned kernel's own checkpoint code.
/// <para>Each entity's state is length-prefixed, and loading must consume exactly its bytes; every entity is also
/// loaded into a fresh twin and saved again, which must give the same bytes.</para>
/// </summary>
internal sealed class CheckpointingReference
{
    private readonly ICheckpointableModel _model;
    private readonly IEntity[] _entities;
    private readonly PriorityQueue<SimEvent, Key> _queue = new();
    private readonly Context _context;
    private long _events;
    private ulong _digest;
    private long _last;

    private CheckpointingReference(ICheckpointableModel model)
    {
        _model = model;
        _entities = new IEntity[model.EntityCount];
        for (var id = 0; id < _entities.Length; id++) _entities[id] = model.CreateEntity(id);
        _context = new Context(model, _queue);
    }

    /// <summary>Runs from the start and saves before the first event at or after <paramref name="checkpointAt"/>.</summary>
    public static byte[] RunTo(ICheckpointableModel model, long checkpointAt, Func<ICheckpointableModel> twinModel)
    {
        var run = new CheckpointingReference(model);
        for (var id = 0; id < run._entities.Length; id++)
        {
            run._context.Enter(id, 0);
            run._entities[id].Start(run._context);
        }
        run.RunBefore(checkpointAt);
        return run.Save(twinModel);
    }

    /// <summary>
    /// Runs from the start up to <paramref name="stopAt"/> and returns the entities as they are then and the pending
    /// events in processing order (for tests that take single entities from mid-run).
    /// </summary>
    public static (IReadOnlyList<IEntity> Entities, IReadOnlyList<SimEvent> Pending) RunAndStop(ICheckpointableModel model, long stopAt)
    {
        var run = new CheckpointingReference(model);
        for (var id = 0; id < run._entities.Length; id++)
        {
            run._context.Enter(id, 0);
            run._entities[id].Start(run._context);
        }
        run.RunBefore(stopAt);
        return (run._entities, run._queue.UnorderedItems.OrderBy(item => item.Priority).Select(item => item.Element).ToArray());
    }

    /// <summary>Restores <paramref name="model"/> (built from the same scenario) from a checkpoint and runs it to the end.</summary>
    public static ReferenceResult Resume(ICheckpointableModel model, byte[] checkpoint)
    {
        var run = new CheckpointingReference(model);
        run.Load(checkpoint);
        run.RunBefore(model.EndTime);
        return new ReferenceResult(run._events, run._digest, run._last);
    }

    private void RunBefore(long until)
    {
        while (_queue.TryPeek(out var ev, out _) && ev.Time < until)
        {
            _queue.Dequeue();
            if (ev.Payload is Task task) task.Wait();
            _context.Enter(ev.Target, ev.Time);
            _entities[ev.Target].Handle(ev, _context);
            _events++;
            _digest += PartitionEngine.EventHash(ev.Time, ev.Target);
            _last = ev.Time;
        }
    }

    private byte[] Save(Func<ICheckpointableModel> twinModel)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(_events);
            writer.Write(_digest);
            writer.Write(_last);
            var twins = twinModel();
            for (var id = 0; id < _entities.Length; id++)
            {
                var state = SaveEntity((IStateful)_entities[id]);
                var twin = (IStateful)twins.CreateEntity(id);
                LoadEntity(twin, state, id);
                Assert.Equal(state, SaveEntity(twin));
                writer.Write(state.Length);
                writer.Write(state);
            }
            _model.SaveState(writer);
            foreach (var sequence in _context.Sequences) writer.Write(sequence);
            var pending = _queue.UnorderedItems.OrderBy(item => item.Priority).Select(item => item.Element).ToArray();
            foreach (var ev in pending)
            {
                if (ev.Payload is Task task) task.Wait();
            }
            PartitionSection.WriteEvents(writer, pending, _model.Payloads);
        }
        return stream.ToArray();
    }

    private void Load(byte[] checkpoint)
    {
        using var reader = new BinaryReader(new MemoryStream(checkpoint));
        _events = reader.ReadInt64();
        _digest = reader.ReadUInt64();
        _last = reader.ReadInt64();
        for (var id = 0; id < _entities.Length; id++)
        {
            var length = reader.ReadInt32();
            LoadEntity((IStateful)_entities[id], reader.ReadBytes(length), id);
        }
        _model.LoadState(reader);
        for (var id = 0; id < _entities.Length; id++) _context.Sequences[id] = reader.ReadInt64();
        foreach (var ev in PartitionSection.ReadEvents(reader, _model.Payloads)) _queue.Enqueue(ev, new Key(ev.Time, ev.Target, ev.Source, ev.Sequence));
        Assert.Equal(reader.BaseStream.Length, reader.BaseStream.Position);
    }

    private static byte[] SaveEntity(IStateful entity)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream)) entity.SaveState(writer);
        return stream.ToArray();
    }

    private static void LoadEntity(IStateful entity, byte[] state, int id)
    {
        using var stream = new MemoryStream(state);
        using var reader = new BinaryReader(stream);
        entity.LoadState(reader);
        Assert.True(stream.Position == stream.Length, $"entity {id} read {stream.Position} of its {stream.Length} saved bytes");
    }

    private readonly record struct Key(long Time, int Target, int Source, long Sequence) : IComparable<Key>
    {
        public int CompareTo(Key other) => (Time, Target, Source, Sequence).CompareTo((other.Time, other.Target, other.Source, other.Sequence));
    }

    private sealed class Context(ISimulationModel model, PriorityQueue<SimEvent, Key> queue) : IEventContext
    {
        public long[] Sequences { get; } = new long[model.EntityCount];
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
            Assert.True(delay >= Lookahead, $"delay {delay} below lookahead");
            Add(new SimEvent(VirtualTime.Add(Now, delay), target, Self, Sequences[Self]++, kind, data, payload, !triggersOutput));
        }

        public void Schedule(long delay, int kind, long data = 0, object? payload = null)
        {
            Assert.True(delay >= 0, $"negative delay {delay}");
            Add(new SimEvent(VirtualTime.Add(Now, delay), Self, Self, Sequences[Self]++, kind, data, payload, nonTriggering: true));
        }

        private void Add(SimEvent ev) => queue.Enqueue(ev, new Key(ev.Time, ev.Target, ev.Source, ev.Sequence));
    }
}
