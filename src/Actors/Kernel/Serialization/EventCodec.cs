using FgsActors.Simulation.Events;

namespace FgsActors.Actors.Kernel.Serialization;

/// <summary>
/// Binary form of <see cref="SimEvent"/> batches. Payloads that may cross nodes are raw bytes or float /
/// double arrays (tensors, written as their IEEE bits so they arrive bit-identical); anything else is refused
/// with a message naming the type, rather than silently converted.
/// </summary>
public static class EventCodec
{
    private const byte NoPayload = 0, Bytes = 1, Floats = 2, Doubles = 3, Text = 4;

    public static void WriteAll(BinaryWriter w, ReadOnlySpan<SimEvent> events)
    {
        w.Write(events.Length);
        foreach (ref readonly var ev in events) Write(w, ev);
    }

    public static SimEvent[] ReadAll(BinaryReader r)
    {
        var events = new SimEvent[r.ReadInt32()];
        for (var i = 0; i < events.Length; i++) events[i] = Read(r);
        return events;
    }

    public static void Write(BinaryWriter w, in SimEvent ev)
    {
        w.Write(ev.Time);
        w.Write(ev.Target);
        w.Write(ev.Source);
        w.Write(ev.Sequence);
        w.Write(ev.Kind);
        w.Write(ev.Data);
        w.Write(ev.NonTriggering);
        switch (ev.Payload)
        {
            case null: w.Write(NoPayload); break;
            case byte[] bytes: w.Write(Bytes); w.Write(bytes.Length); w.Write(bytes); break;
            case float[] floats: w.Write(Floats); w.Write(floats.Length); foreach (var f in floats) w.Write(f); break;
            case double[] doubles: w.Write(Doubles); w.Write(doubles.Length); foreach (var d in doubles) w.Write(d); break;
            case string text: w.Write(Text); ExactText.Write(w, text); break;
            default:
                throw new NotSupportedException($"an event payload of type {ev.Payload.GetType().FullName} (kind {ev.Kind}, {ev.Source} → {ev.Target}) cannot cross nodes; use byte[], float[], double[] or string, or keep both entities on one node");
        }
    }

    public static SimEvent Read(BinaryReader r)
    {
        var time = r.ReadInt64();
        var target = r.ReadInt32();
        var source = r.ReadInt32();
        var sequence = r.ReadInt64();
        var kind = r.ReadInt32();
        var data = r.ReadInt64();
        var nonTriggering = r.ReadBoolean();
        object? payload = r.ReadByte() switch
        {
            NoPayload => null,
            Bytes => r.ReadBytes(r.ReadInt32()),
            Floats => ReadFloats(r),
            Doubles => ReadDoubles(r),
            Text => ExactText.Read(r),
            var tag => throw new InvalidDataException($"unknown event payload tag {tag}"),
        };
        return new SimEvent(time, target, source, sequence, kind, data, payload, nonTriggering);
    }

    private static float[] ReadFloats(BinaryReader r)
    {
        var values = new float[r.ReadInt32()];
        for (var i = 0; i < values.Length; i++) values[i] = r.ReadSingle();
        return values;
    }

    private static double[] ReadDoubles(BinaryReader r)
    {
        var values = new double[r.ReadInt32()];
        for (var i = 0; i < values.Length; i++) values[i] = r.ReadDouble();
        return values;
    }
}
