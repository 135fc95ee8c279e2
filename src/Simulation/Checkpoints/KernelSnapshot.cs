using FgsActors.Models.Checkpoints;
using FgsActors.Simulation.Events;

namespace FgsActors.Simulation.Checkpoints;

/// <summary>
/// A checkpoint's kernel state once read: every entity's record by id, every pending event, the run's totals so far
/// (event count and digest summed over the partitions that wrote it, the latest event time), the windows used, and the
/// model's own saved state. Partitions of any layout restore from it (<see cref="Kernel.PartitionEngine.Restore"/>).
/// </summary>
public sealed class KernelSnapshot
{
    private readonly PartitionSection.EntityRecord[] _entities;

    public KernelSnapshot(int entityCount, IEnumerable<PartitionSection> sections, long windows, byte[] modelState)
    {
        ArgumentNullException.ThrowIfNull(sections);
        _entities = new PartitionSection.EntityRecord[entityCount];
        var events = new List<SimEvent>();
        foreach (var section in sections)
        {
            for (var i = 0; i < section.Entities.Count; i++)
            {
                var id = section.FirstEntity + i;
                if ((uint)id >= (uint)entityCount) throw new CheckpointFormatException($"the checkpoint has entity {id}, the model only 0..{entityCount - 1}");
                if (_entities[id] is not null) throw new CheckpointFormatException($"the checkpoint has entity {id} twice");
                _entities[id] = section.Entities[i];
            }
            foreach (var ev in section.Events)
            {
                if ((uint)ev.Target >= (uint)entityCount) throw new CheckpointFormatException($"the checkpoint has an event for entity {ev.Target}, the model only 0..{entityCount - 1}");
                events.Add(ev);
            }
            EventsProcessed += section.EventsProcessed;
            EventDigest += section.EventDigest;
            LocalTime = Math.Max(LocalTime, section.LocalTime);
        }
        var missing = Array.FindIndex(_entities, e => e is null);
        if (missing >= 0) throw new CheckpointFormatException($"the checkpoint has no state for entity {missing}");
        Events = events;
        Windows = windows;
        ModelState = modelState;
    }

    public int EntityCount => _entities.Length;

    public PartitionSection.EntityRecord Entity(int id) => _entities[id];

    public IReadOnlyList<SimEvent> Events { get; }

    public long EventsProcessed { get; }

    public ulong EventDigest { get; }

    /// <summary>Time of the latest event processed before the checkpoint (ticks).</summary>
    public long LocalTime { get; }

    public long Windows { get; }

    /// <summary>The model's own state (<see cref="Kernel.ICheckpointableModel"/>).</summary>
    public byte[] ModelState { get; }

    /// <summary>The earliest pending event's time: where the resumed run starts (∞ when nothing is pending).</summary>
    public long NextEventTime => Events.Count == 0 ? Time.VirtualTime.Infinity : Events.Min(e => e.Time);
}
