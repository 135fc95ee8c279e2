using FgsActors.Models.Checkpoints;
using FgsActors.Simulation.Events;
using FgsActors.Simulation.Kernel;
using FgsActors.Simulation.Randomness;
using FgsActors.Simulation.Time;

namespace FgsActors.Simulation.Workloads.Sparse;

/// <summary>
/// A leaf: a chain of self-scheduled local events (Poisson, mean gap from the settings), some of which send a
/// request to the hub. It keeps an exact earliest-output-time promise: the time of its next sending local
/// event + latency-min, since a request sent at t arrives at t + latency-min at the earliest. Its local events
/// are self-scheduled and the hub's replies are non-triggering, so nothing else can make it send sooner.
/// <para>
/// Its checkpoint state is its three streams' positions, the pending local event's time and decision (the event itself
/// is in the kernel's queue), the promise and the counters.
/// </para>
/// </summary>
public sealed class SparseLeaf(SparseSettings settings) : IPromisingEntity, IStateful
{
    private RandomStream? _gap;
    private RandomStream? _send;
    private RandomStream? _link;
    private long _scheduledTime;   // the one pending local event, drawn when the previous one was handled
    private bool _scheduledSends;

    public long OutputPromise { get; private set; }

    /// <summary>Local events handled (sending or not).</summary>
    public long LocalEvents { get; private set; }

    /// <summary>Requests sent to the hub.</summary>
    public long Requests { get; private set; }

    /// <summary>Replies received from the hub.</summary>
    public long Replies { get; private set; }

    public void Start(IEventContext context)
    {
        _gap = RandomStream.For(context.Seed, context.Self, SparseRules.GapPurpose);
        _send = RandomStream.For(context.Seed, context.Self, SparseRules.SendPurpose);
        _link = RandomStream.For(context.Seed, context.Self, SparseRules.LinkPurpose);
        ScheduleNext(context);
        UpdatePromise();
    }

    public void Handle(in SimEvent ev, IEventContext context)
    {
        switch (ev.Kind)
        {
            case SparseEventKinds.Local:
                LocalEvents++;
                var sends = ev.Data == SparseEventKinds.Sends;
                if (sends)
                {
                    Requests++;
                    context.Send(SparseModel.HubId, SparseRules.Latency(_link!, settings), SparseEventKinds.Request);
                }
                ScheduleNext(context);
                // The promise pointed at this event; only now is it used up. Silent events leave it standing.
                if (sends) UpdatePromise();
                break;
            case SparseEventKinds.Reply:
                Replies++; // an acknowledgement: no output, so the promise stands
                break;
            default:
                throw new InvalidOperationException($"sparse leaf {context.Self} got unknown event kind {ev.Kind} at t={ev.Time}");
        }
    }

    public void SaveState(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (_gap is null || _send is null || _link is null)
            throw new InvalidOperationException("a sparse leaf is saved before it has started");
        writer.WriteRandom(_gap);
        writer.WriteRandom(_send);
        writer.WriteRandom(_link);
        writer.Write(_scheduledTime);
        writer.Write(_scheduledSends);
        writer.Write(OutputPromise);
        writer.Write(LocalEvents);
        writer.Write(Requests);
        writer.Write(Replies);
    }

    /// <summary>Restores a saved leaf in place of <see cref="Start"/>: its streams continue where they were.</summary>
    public void LoadState(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _gap = ReadStream(reader);
        _send = ReadStream(reader);
        _link = ReadStream(reader);
        _scheduledTime = reader.ReadInt64();
        _scheduledSends = reader.ReadBoolean();
        OutputPromise = reader.ReadInt64();
        LocalEvents = reader.ReadInt64();
        Requests = reader.ReadInt64();
        Replies = reader.ReadInt64();
        if (_scheduledTime < 0 || LocalEvents < 0 || Requests < 0 || Replies < 0)
            throw new CheckpointFormatException($"a sparse leaf's saved times and counters are negative (scheduled {_scheduledTime}, counters {LocalEvents}/{Requests}/{Replies})");
    }

    // A stream at the saved position (the seed given here is overwritten).
    private static RandomStream ReadStream(BinaryReader reader)
    {
        var stream = new RandomStream(0);
        reader.ReadRandomInto(stream);
        return stream;
    }

    // Draws the gap and the send decision of the next local event together, so the decision rides in its Data.
    private void ScheduleNext(IEventContext context)
    {
        var gap = SparseRules.Gap(_gap!, settings);
        _scheduledSends = SparseRules.Sends(_send!, settings);
        _scheduledTime = VirtualTime.Add(context.Now, gap);
        context.Schedule(gap, SparseEventKinds.Local, _scheduledSends ? SparseEventKinds.Sends : SparseEventKinds.Silent);
    }

    private void UpdatePromise()
    {
        var nextSend = _scheduledSends
            ? (_scheduledTime < settings.EndTicks ? _scheduledTime : VirtualTime.Infinity)
            : SendForecast.NextSendAfter(_scheduledTime, _gap!, _send!, settings);
        OutputPromise = VirtualTime.Add(nextSend, settings.LatencyMinTicks); // saturates: never stays never
    }
}
