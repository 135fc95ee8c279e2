using FgsActors.Models.Checkpoints;
using FgsActors.Simulation.Checkpoints;
using FgsActors.Simulation.Events;
using FgsActors.Simulation.Time;

namespace FgsActors.Simulation.Kernel;

// Checkpoints of a partition: its section of the checkpoint file, and starting from one instead of time 0.
public sealed partial class PartitionEngine
{
    /// <summary>
    /// Writes this partition's part of a checkpoint: per entity its send counter, promise and state, then every pending
    /// event, then the partition's totals (see <see cref="PartitionSection"/>). Call it only between windows, when the
    /// outboxes have been handed over. Payloads still being computed are waited for, so the section holds their results.
    /// </summary>
    public void SaveSection(BinaryWriter writer, IPayloadCodec payloads)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(payloads);
        if (!_started) throw new InvalidOperationException("a partition that has not started has nothing to save");
        for (var p = 0; p < _outbox.Length; p++)
        {
            if (_outbox[p].Count > 0) throw new InvalidOperationException($"partition {PartitionId} still holds {_outbox[p].Count} events for partition {p}: checkpoints are taken between windows");
        }
        var events = new List<SimEvent>(PendingEvents);
        foreach (var ev in _loud.Unordered) events.Add(ev);
        foreach (var ev in _silent.Unordered) events.Add(ev);
        foreach (var ev in events)
        {
            if (ev.Payload is Task { IsCompleted: false } pending) pending.Wait();
        }
        // Written straight into the section (PartitionSection.Read's layout), without a buffer per entity: a fleet
        // partition holds 10^4..10^5 entities.
        writer.Write(FirstEntity);
        writer.Write(EntityCount);
        for (var local = 0; local < EntityCount; local++)
        {
            if (_host.Entity(local) is not IStateful stateful)
                throw new NotSupportedException($"entity {FirstEntity + local} ({_host.Entity(local).GetType().Name}) cannot be checkpointed: it does not implement IStateful");
            writer.Write(_sequence[local]);
            writer.Write(_promising[local]);
            writer.Write(_promise[local]);
            PartitionSection.WriteState(writer, stateful);
        }
        PartitionSection.WriteEvents(writer, events, payloads);
        writer.Write(EventsProcessed);
        writer.Write(EventDigest);
        writer.Write(LocalTime);
    }

    /// <summary>
    /// Starts the partition from a checkpoint instead of <see cref="Start"/>: its entities (freshly created by the model)
    /// load their saved state, its pending events come back, and its send counters and promises are as they were.
    /// The checkpoint may come from another layout: each partition takes the entities and events it hosts now; the
    /// totals of the event count and digest go to partition 0 (the run's totals are sums), the local time to all.
    /// </summary>
    public void Restore(KernelSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (_started) throw new InvalidOperationException("the partition has already started");
        if (snapshot.EntityCount != Model.EntityCount)
            throw new CheckpointFormatException($"the checkpoint holds {snapshot.EntityCount} entities, the model has {Model.EntityCount}");
        _started = true;
        for (var local = 0; local < EntityCount; local++)
        {
            var id = FirstEntity + local;
            var record = snapshot.Entity(id);
            if (_host.Entity(local) is not IStateful stateful)
                throw new NotSupportedException($"entity {id} ({_host.Entity(local).GetType().Name}) cannot be restored: it does not implement IStateful");
            PartitionSection.LoadInto(stateful, record.State, id);
            _sequence[local] = record.Sequence;
            _promising[local] = record.Promising;
            if (record.Promising)
            {
                _promise[local] = record.Promise;
                if (record.Promise != VirtualTime.Infinity) _promiseHeap.Enqueue(local, record.Promise);
            }
        }
        foreach (var ev in snapshot.Events)
        {
            if (Hosts(ev.Target)) EnqueueLocal(ev);
        }
        if (PartitionId == 0)
        {
            EventsProcessed = snapshot.EventsProcessed;
            EventDigest = snapshot.EventDigest;
        }
        LocalTime = snapshot.LocalTime;
    }
}
