using System.Runtime.InteropServices;

namespace FgsActors.Simulation.Events;

/// <summary>
/// One scheduled event. A value type so that event lists are flat arrays with no heap object per event.
/// <para>The total order is (<see cref="Time"/>, <see cref="Target"/>, <see cref="Source"/>, <see cref="Sequence"/>):
/// every component is a property of the model (entity ids and the sender's own send counter), never of
/// the placement, so every layout processes an entity's events in the same order.</para>
/// </summary>
[StructLayout(LayoutKind.Auto)]
public readonly struct SimEvent
{
    public SimEvent(long time, int target, int source, long sequence, int kind, long data, object? payload, bool nonTriggering = false)
    {
        Time = time;
        Target = target;
        Source = source;
        Sequence = sequence;
        Kind = kind;
        Data = data;
        Payload = payload;
        NonTriggering = nonTriggering;
    }

    /// <summary>Virtual time in ticks (see <see cref="Time.VirtualTime"/>).</summary>
    public long Time { get; }
    /// <summary>Entity that handles the event.</summary>
    public int Target { get; }
    /// <summary>Entity that sent or scheduled it (<see cref="ExternalSource"/> for initial events).</summary>
    public int Source { get; }
    /// <summary>The source's own count of events sent so far: breaks ties between events of one source.</summary>
    public long Sequence { get; }
    /// <summary>Model-defined event type.</summary>
    public int Kind { get; }
    /// <summary>Model-defined inline argument (avoids a payload object for small data).</summary>
    public long Data { get; }
    /// <summary>Optional payload object; a <see cref="Task"/> payload that is not complete holds the clock at this event.</summary>
    public object? Payload { get; }
    /// <summary>
    /// The event cannot make its target send anything earlier than the target's output promise: true for
    /// self-scheduled events and for messages sent with <c>triggersOutput: false</c>. It only matters when the
    /// target keeps promises (<see cref="Kernel.IPromisingEntity"/>); then the event does not bound other partitions.
    /// </summary>
    public bool NonTriggering { get; }

    /// <summary>Source id used for events injected by the model at start-up.</summary>
    public const int ExternalSource = -1;

    /// <summary>True when the payload is a computation that has not finished yet.</summary>
    public bool IsPending => Payload is Task { IsCompleted: false };

    public override string ToString() => $"t={Time} target={Target} source={Source} seq={Sequence} kind={Kind} data={Data}";
}
