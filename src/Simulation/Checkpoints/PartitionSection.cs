using FgsActors.Models.Checkpoints;
using FgsActors.Simulation.Events;
using FgsActors.Simulation.Kernel;

namespace FgsActors.Simulation.Checkpoints;

/// <summary>
/// One partition's part of a checkpoint, as read back (<see cref="PartitionEngine.SaveSection"/> writes it): for each of its entities (ids <see cref="FirstEntity"/> onwards) the send
/// counter, the output promise and the entity's own state; its pending events; and its totals. Sections are keyed by
/// entity id, not by partition, so a checkpoint can be resumed on another layout.
/// </summary>
public sealed class PartitionSection(int firstEntity, IReadOnlyList<PartitionSection.EntityRecord> entities, IReadOnlyList<SimEvent> events,
    long eventsProcessed, ulong eventDigest, long localTime)
{
    /// <summary>The kernel's bookkeeping of one entity and the entity's saved state (<see cref="IStateful.SaveState"/>).</summary>
    public sealed record EntityRecord(long Sequence, bool Promising, long Promise, byte[] State);

    public int FirstEntity { get; } = firstEntity;
    public IReadOnlyList<EntityRecord> Entities { get; } = entities;
    public IReadOnlyList<SimEvent> Events { get; } = events;
    public long EventsProcessed { get; } = eventsProcessed;
    public ulong EventDigest { get; } = eventDigest;
    public long LocalTime { get; } = localTime;

    /// <summary>
    /// An entity's state as a length-prefixed block. On a seekable stream the state is written in place and its length
    /// filled in afterwards; otherwise it goes through a buffer.
    /// </summary>
    public static void WriteState(BinaryWriter writer, IStateful entity)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(entity);
        var stream = writer.BaseStream;
        if (!stream.CanSeek)
        {
            var state = StateOf(entity);
            writer.Write(state.Length);
            writer.Write(state);
            return;
        }
        var lengthAt = stream.Position;
        writer.Write(0);
        entity.SaveState(writer);
        writer.Flush();
        var end = stream.Position;
        stream.Position = lengthAt;
        writer.Write(checked((int)(end - lengthAt - sizeof(int))));
        writer.Flush();
        stream.Position = end;
    }

    /// <summary>The pending events: a count, then each event's fields and its payload (<see cref="IPayloadCodec"/>).</summary>
    public static void WriteEvents(BinaryWriter writer, IReadOnlyList<SimEvent> events, IPayloadCodec payloads)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(payloads);
        writer.Write(events.Count);
        foreach (var ev in events)
        {
            writer.Write(ev.Time);
            writer.Write(ev.Target);
            writer.Write(ev.Source);
            writer.Write(ev.Sequence);
            writer.Write(ev.Kind);
            writer.Write(ev.Data);
            writer.Write(ev.NonTriggering);
            payloads.Write(writer, ev.Payload);
        }
    }

    public static PartitionSection Read(BinaryReader reader, IPayloadCodec payloads)
    {
        var first = reader.ReadInt32();
        if (first < 0) throw new CheckpointFormatException($"a partition section starts at entity {first}");
        var count = reader.ReadCount("entities in a partition section");
        var entities = new EntityRecord[count];
        for (var i = 0; i < count; i++)
        {
            var sequence = reader.ReadInt64();
            var promising = reader.ReadBoolean();
            var promise = reader.ReadInt64();
            entities[i] = new EntityRecord(sequence, promising, promise, reader.ReadBlock($"entity {first + i}'s state"));
        }
        var events = ReadEvents(reader, payloads);
        return new PartitionSection(first, entities, events, reader.ReadInt64(), reader.ReadUInt64(), reader.ReadInt64());
    }

    /// <summary>Pending events as <see cref="WriteEvents"/> wrote them.</summary>
    public static List<SimEvent> ReadEvents(BinaryReader reader, IPayloadCodec payloads)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(payloads);
        var count = reader.ReadCount("pending events");
        var events = new List<SimEvent>(count);
        for (var i = 0; i < count; i++)
        {
            var time = reader.ReadInt64();
            var target = reader.ReadInt32();
            var source = reader.ReadInt32();
            var sequence = reader.ReadInt64();
            var kind = reader.ReadInt32();
            var data = reader.ReadInt64();
            var nonTriggering = reader.ReadBoolean();
            events.Add(new SimEvent(time, target, source, sequence, kind, data, payloads.Read(reader), nonTriggering));
        }
        return events;
    }

    /// <summary>A serialised section's local time (its last field), without reading the rest.</summary>
    public static long LocalTimeOf(byte[] section) => BitConverter.ToInt64(section, section.Length - sizeof(long));

    /// <summary>The partition's section as bytes (<see cref="PartitionEngine.SaveSection"/>).</summary>
    public static byte[] Of(PartitionEngine engine, IPayloadCodec payloads)
    {
        ArgumentNullException.ThrowIfNull(engine);
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true)) engine.SaveSection(writer, payloads);
        return buffer.ToArray();
    }

    /// <summary>The entity's state as bytes.</summary>
    public static byte[] StateOf(IStateful entity)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true)) entity.SaveState(writer);
        return buffer.ToArray();
    }

    /// <summary>Loads <paramref name="state"/> into <paramref name="entity"/>, which must read all of it.</summary>
    public static void LoadInto(IStateful entity, byte[] state, int id)
    {
        using var reader = new BinaryReader(new MemoryStream(state, writable: false));
        try
        {
            entity.LoadState(reader);
        }
        catch (EndOfStreamException)
        {
            throw new CheckpointFormatException($"entity {id}'s saved state ({state.Length} bytes) ends before {entity.GetType().Name} has read all it needs");
        }
        if (reader.BaseStream.Position != state.Length)
            throw new CheckpointFormatException($"entity {id}'s saved state has {state.Length - reader.BaseStream.Position} bytes that {entity.GetType().Name} did not read");
    }
}
