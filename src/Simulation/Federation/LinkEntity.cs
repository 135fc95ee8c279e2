using FgsActors.Models.Checkpoints;
using FgsActors.Models.Network;
using FgsActors.Simulation.Events;
using FgsActors.Simulation.Kernel;
using FgsActors.Simulation.Randomness;
using FgsActors.Simulation.Time;

namespace FgsActors.Simulation.Federation;

/// <summary>
/// The network path of one device: its radio hop (base latency of its class, plus jitter drawn per message) and the
/// backhaul to the aggregator. Messages are split at the link: device → link takes the radio's base latency, link →
/// aggregator the jitter plus the backhaul; the other way, aggregator → link takes the backhaul and link → device the
/// base latency plus jitter. Each direction's end-to-end latency is therefore base + jitter + backhaul.
/// <para>For a broadcast or an upload the link also sets the transfer's terms: the device's effective rate (its cap in
/// the aggregator's shared channel), the on-air size with retransmissions or the point where packet loss makes it fail
/// (<see cref="PacketLoss"/>), and the server-side instant at which the device stops (offline or battery empty).</para>
/// <para>Checkpoint state: the positions of its two random streams, each only once it exists (a stream created on
/// first use after a resume starts where an uninterrupted run's would).</para>
/// </summary>
public sealed class LinkEntity : IEntity, IStateful
{
    private const string JitterPurpose = "link.jitter";
    private const string LossPurpose = "link.loss";

    private readonly FleetModel _model;
    private readonly int _index;
    private readonly long _radioTicks;
    private RandomStream? _jitter;
    private RandomStream? _loss;

    internal LinkEntity(FleetModel model, int index)
    {
        _model = model;
        _index = index;
        _radioTicks = FleetModel.RadioLatencyTicks(model.Scenario.Devices[index].Radio);
    }

    public void Start(IEventContext context)
    {
        // Streams are created on first use: most links of a large fleet never carry a message.
    }

    public void Handle(in SimEvent ev, IEventContext context)
    {
        if (ev.Source == FleetLayout.AggregatorId)
        {
            // Downlink: the last hop carries the radio's base latency plus jitter.
            context.Send(FleetLayout.DeviceId(_index), VirtualTime.Add(_radioTicks, Jitter(context)), ev.Kind, ev.Data, ev.Payload);
            return;
        }
        var hop = VirtualTime.Add(Jitter(context), _model.BackhaulTicks);
        switch (ev.Kind)
        {
            case FleetEventKinds.Accept:
                // Bits the aggregator sends at server time x reach the device at x + backhaul + base (+ jitter), so it
                // must stop sending at the device's sustain-until minus that.
                var accept = (TransferIntent)ev.Payload!;
                var downStop = SubtractSaturating(accept.SustainUntilTicks, VirtualTime.Add(_model.BackhaulTicks, _radioTicks));
                context.Send(FleetLayout.AggregatorId, hop, ev.Kind, 0, Transfer(context, accept.Round, uplink: false, downStop));
                break;
            case FleetEventKinds.Upload:
                // Bits the device sends at device time y reach the aggregator at y + base + this hop.
                var upload = (TransferIntent)ev.Payload!;
                var upStop = VirtualTime.Add(upload.SustainUntilTicks, VirtualTime.Add(_radioTicks, hop));
                context.Send(FleetLayout.AggregatorId, hop, ev.Kind, 0, Transfer(context, upload.Round, uplink: true, upStop) with { Update = upload.Update });
                break;
            default:
                throw new InvalidOperationException($"link {_index} got unknown event kind {ev.Kind} from {ev.Source} at t={ev.Time}");
        }
    }

    public void SaveState(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteOptionalStream(_jitter);
        writer.WriteOptionalStream(_loss);
    }

    public void LoadState(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _jitter = reader.ReadOptionalStream();
        _loss = reader.ReadOptionalStream();
    }

    private TransferRequest Transfer(IEventContext context, int round, bool uplink, long sustainUntilTicks)
    {
        var scenario = _model.Scenario;
        var device = scenario.Devices[_index];
        RadioCatalog.TryGet(device.Radio, out var radio);
        var rate = (uplink ? device.UpBps * radio!.UplinkDutyCycle : device.DownBps * radio!.DownlinkDutyCycle);
        var bits = scenario.Workload.ModelBytes * 8L;
        if (scenario.Network.Loss is not { } loss)
            return new TransferRequest(_index, round, bits, rate, sustainUntilTicks, Fails: false, RetryDelayTicks: 0);
        _loss ??= RandomStream.For(context.Seed, context.Self, LossPurpose);
        var outcome = loss.Sample(bits, rate, _loss.NextDouble);
        // The on-air bits occupy the channel; the retransmission timeouts are added after the last bit.
        return new TransferRequest(_index, round, outcome.SentBits, rate, sustainUntilTicks, outcome.Failed, VirtualTime.FromSeconds(outcome.WaitS));
    }

    private long Jitter(IEventContext context)
    {
        var jitter = _model.Scenario.Network.Jitter;
        if (jitter is NoJitter) return 0;
        _jitter ??= RandomStream.For(context.Seed, context.Self, JitterPurpose);
        return Math.Max(0, VirtualTime.FromSeconds(jitter.Sample(_jitter.NextDouble())));
    }

    private static long SubtractSaturating(long time, long delta) =>
        time == VirtualTime.Infinity ? VirtualTime.Infinity : Math.Max(0, time - delta);
}
