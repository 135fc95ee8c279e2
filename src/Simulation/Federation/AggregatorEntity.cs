using FgsActors.Models.Checkpoints;
using FgsActors.Models.Federated;
using FgsActors.Simulation.Events;
using FgsActors.Simulation.Kernel;
using FgsActors.Simulation.Randomness;
using FgsActors.Simulation.Time;

namespace FgsActors.Simulation.Federation;

/// <summary>
/// The aggregator: keeps the pool of devices whose last check-in said "available", invites devices, runs the
/// broadcast and upload transfers through its two access channels, and closes rounds.
/// <para>Synchronous mode: a round invites ⌈K × over-commit⌉ devices drawn uniformly from the pool and closes at its
/// deadline, or earlier once every invited device has uploaded (drop-late) or K′ updates are in (first-k); devices
/// still working are cancelled, and the next round starts at once. Asynchronous mode (FedBuff): a fixed number of
/// devices work at any time, each with a timeout; every accepted update goes into a buffer, and every M updates are
/// aggregated, which closes a round.</para>
/// <para>Output promise: the aggregator sends only while handling its own scheduled events (round starts, deadlines,
/// transfer ends, timeouts, refills), so its promise is its earliest pending one plus the backhaul latency; check-ins
/// arrive non-triggering.</para>
/// <para>Checkpoint state: everything below the settings. Dictionaries and sets are saved sorted (they are only looked
/// up, or iterated in sorted order), the agenda in its heap order (so equal instants keep their order), the open round
/// as its index among the rounds.</para>
/// </summary>
public sealed partial class AggregatorEntity : IPromisingEntity, IStateful
{
    private const string SelectionPurpose = "aggregator.select";
    private const int Down = 0;
    private const int Up = 1;

    private readonly FleetModel _model;
    private readonly AggregatorSettings _settings;
    private readonly AvailablePool _pool;
    private readonly bool[] _reportedAvailable;
    private readonly Dictionary<int, Participant> _participants = new();
    private readonly AccessChannel[] _channels;
    private readonly long[] _channelEventAt = [VirtualTime.Infinity, VirtualTime.Infinity];
    private readonly PriorityQueue<byte, long> _agenda = new();
    private readonly List<RoundRecord> _rounds = new();
    private readonly HashSet<long> _accepted = new();
    private readonly List<LocalUpdate> _updates = new();
    private float[]? _global;
    private readonly long _controlBits;
    private RandomStream? _random;
    private RoundRecord? _current;
    private long _tokens;
    private int _buffered;
    private long _version;
    private long _refillAt = VirtualTime.Infinity;

    internal AggregatorEntity(FleetModel model)
    {
        _model = model;
        _settings = model.Scenario.Aggregator;
        var devices = model.Scenario.Devices.Count;
        _pool = new AvailablePool(devices);
        _reportedAvailable = new bool[devices];
        var network = model.Scenario.Network;
        _channels = [new AccessChannel(network.DownCapacityBps), new AccessChannel(network.UpCapacityBps)];
        _controlBits = network.ControlBytes * 8L;
        _global = model.Scenario.Learning?.Task.InitialWeights;
    }

    public long OutputPromise { get; private set; }

    /// <summary>Rounds in order (the last may still be open at the end of the run).</summary>
    public IReadOnlyList<RoundRecord> Rounds => _rounds;

    /// <summary>Bytes of availability reports received.</summary>
    public double CheckInBytes { get; private set; }

    /// <summary>Devices the aggregator currently counts as available (and not working for it).</summary>
    public int PoolSize => _pool.Count;

    /// <summary>Devices whose last report said available, over virtual time (online.csv).</summary>
    public AvailabilityTimeline Online { get; } = new();

    public void Start(IEventContext context)
    {
        _random = RandomStream.For(context.Seed, context.Self, SelectionPurpose);
        // The first round waits one check-in period, so that the devices online at t = 0 have reported.
        Schedule(context, _model.CheckInPeriodTicks, FleetEventKinds.RoundStart);
        UpdatePromise();
    }

    public void Handle(in SimEvent ev, IEventContext context)
    {
        // The agenda holds exactly the self-events not yet handled: this one leaves it now (it is the earliest).
        if (ev.Source == context.Self) _agenda.Dequeue();
        switch (ev.Kind)
        {
            case FleetEventKinds.CheckIn: OnCheckIn(ev.Time, FleetLayout.IndexOfDevice(ev.Source), ev.Data == 1); break;
            case FleetEventKinds.Accept: OnTransferRequest(Down, (TransferRequest)ev.Payload!, context); break;
            case FleetEventKinds.Upload: OnTransferRequest(Up, (TransferRequest)ev.Payload!, context); break;
            case FleetEventKinds.RoundStart: StartRound(context); break;
            case FleetEventKinds.Deadline: if (_current is { } round && round.Round == ev.Data && round.EndTicks is null) CloseRound(context); break;
            case FleetEventKinds.AccessEvent: OnAccessEvent((int)ev.Data, context); break;
            case FleetEventKinds.TransferFinished: OnRetriesOver((RetryWait)ev.Payload!, (int)ev.Data, context); break;
            case FleetEventKinds.Timeout: OnTimeout((int)ev.Data, (long)ev.Payload!, context); break;
            case FleetEventKinds.Refill:
                _refillAt = VirtualTime.Infinity;
                Refill(context);
                break;
            default: throw new InvalidOperationException($"aggregator got unknown event kind {ev.Kind} at t={ev.Time}");
        }
        UpdatePromise();
    }

    private void OnCheckIn(long now, int device, bool available)
    {
        CheckInBytes += _controlBits / 8.0;
        Online.Report(now, _reportedAvailable[device], available);
        _reportedAvailable[device] = available;
        if (!available) _pool.Remove(device);
        else if (!_participants.ContainsKey(device)) _pool.Add(device);
    }

    private void StartRound(IEventContext context)
    {
        if (_settings.MaxRounds > 0 && _rounds.Count >= _settings.MaxRounds)
        {
            _current = null; // done: nobody is invited any more
            return;
        }
        var round = new RoundRecord(_rounds.Count, context.Now);
        _rounds.Add(round);
        _current = round;
        if (_settings.Mode == AggregationMode.Sync)
        {
            // A task monitoring a frozen model asks for evaluation-only rounds: nobody is invited, the round lasts
            // its deadline and closes with an evaluation.
            var training = _model.Scenario.Learning?.Task.WantsTraining(round.Round) ?? true;
            if (training)
                foreach (var device in _pool.Take(_settings.Invited, _random!)) Invite(device, context);
            Schedule(context, _settings.DeadlineTicks, FleetEventKinds.Deadline, round.Round);
        }
        else
        {
            Refill(context);
        }
    }

    private void Invite(int device, IEventContext context)
    {
        _pool.Remove(device);
        var participant = new Participant(_current!.Round, _version, ++_tokens);
        _participants.Add(device, participant);
        _current.Selected++;
        _current.BytesDown += _controlBits / 8.0;
        SendToDevice(device, FleetEventKinds.Invite, _current.Round, context);
        if (_settings.Mode == AggregationMode.Async)
            Schedule(context, _settings.DeadlineTicks, FleetEventKinds.Timeout, device, participant.Token);
    }

    private void OnTransferRequest(int channel, TransferRequest request, IEventContext context)
    {
        // A request from a device the aggregator has already given up on (cancelled or timed out) is ignored, and so is
        // one out of order for the current invitation: an upload before this invitation's broadcast was delivered comes
        // from an earlier invitation (concluding it would release the device with its new download still in the channel).
        if (!_participants.TryGetValue(request.Device, out var participant) || participant.Round != request.Round) return;
        if (participant.Stage != (channel == Down ? Stage.Invited : Stage.Downloaded)) return;
        _participants[request.Device] = participant with { Stage = channel == Down ? Stage.Downloading : Stage.Uploading };
        if (channel == Down) _rounds[participant.Round].BytesUp += _controlBits / 8.0; // the acceptance itself
        _channels[channel].Start(request, context.Now);
        RescheduleChannel(channel, context);
    }

    private void OnAccessEvent(int channel, IEventContext context)
    {
        // Only the access event scheduled last for a channel is live: one scheduled before the channel's next completion
        // moved is superseded and ends here. (Handling it would re-arm the channel and start a second chain of events.)
        if (context.Now != _channelEventAt[channel]) return;
        _channelEventAt[channel] = VirtualTime.Infinity; // this event is being handled: any next one must be scheduled anew
        while (_channels[channel].TakeDue(context.Now) is { } finished)
        {
            var participant = _participants[finished.Request.Device];
            var round = _rounds[participant.Round];
            if (channel == Down) round.BytesDown += finished.SentBits / 8.0;
            else round.BytesUp += finished.SentBits / 8.0;
            if (finished.End == TransferEnd.DeviceGone) continue; // the device knows; the aggregator finds out at the deadline
            if (finished.Request.RetryDelayTicks > 0)
                Schedule(context, finished.Request.RetryDelayTicks, FleetEventKinds.TransferFinished, channel, new RetryWait(finished, participant.Token));
            else
                Conclude(finished, channel, context);
        }
        RescheduleChannel(channel, context);
    }

    // The retransmission waits are over. The device may have been cancelled or timed out meanwhile, and even invited
    // again (same device, maybe the same round): only the invitation the transfer belongs to may conclude it.
    private void OnRetriesOver(RetryWait wait, int channel, IEventContext context)
    {
        if (_participants.TryGetValue(wait.Transfer.Request.Device, out var participant) && participant.Token == wait.Token)
            Conclude(wait.Transfer, channel, context);
    }

    // A transfer's last bit is in (after its retransmission waits): tell the device, and take the update.
    private void Conclude(FinishedTransfer finished, int channel, IEventContext context)
    {
        var device = finished.Request.Device;
        var participant = _participants[device];
        // Retransmissions need the device: one that went away before its waits were over did not finish the transfer.
        if (finished.Request.RetryDelayTicks > 0 && context.Now > finished.Request.SustainUntilTicks) return;
        if (finished.End == TransferEnd.Failed)
        {
            _rounds[participant.Round].BytesDown += _controlBits / 8.0;
            SendToDevice(device, channel == Down ? FleetEventKinds.DownloadFailed : FleetEventKinds.UploadFailed, participant.Round, context, new TransferDone(finished.SentBits));
            Release(device);
            if (_settings.Mode == AggregationMode.Async) Refill(context);
            return;
        }
        if (channel == Down)
        {
            // The broadcast carries the current global model (real training only); async staleness counts from here.
            _participants[device] = participant with { Version = _version, Stage = Stage.Downloaded };
            SendToDevice(device, FleetEventKinds.DownloadDone, participant.Round, context, new TransferDone(finished.SentBits, _global));
            return;
        }
        _rounds[participant.Round].Completed++;
        _rounds[participant.Round].BytesDown += _controlBits / 8.0;
        _accepted.Add(AcceptedKey(device, participant.Round));
        if (finished.Request.Update is { } update) _updates.Add(update);
        SendToDevice(device, FleetEventKinds.Ack, participant.Round, context, new TransferDone(finished.SentBits));
        Release(device);
        if (_settings.Mode == AggregationMode.Sync) AcceptSyncUpdate(context);
        else AcceptAsyncUpdate(participant, context);
    }

    private void AcceptSyncUpdate(IEventContext context)
    {
        var round = _current!;
        round.Aggregated++;
        var enough = _settings.Policy == StragglerPolicy.FirstK
            ? round.Aggregated >= Math.Min(_settings.TargetUpdates, round.Selected)
            : round.Aggregated >= round.Selected;
        if (enough) CloseRound(context);
    }

    private void AcceptAsyncUpdate(Participant participant, IEventContext context)
    {
        if (_current is not { } round) return; // past max-rounds: late updates are not folded in
        round.Aggregated++;
        round.StalenessSum += _version - participant.Version;
        if (++_buffered >= _settings.BufferSize)
        {
            _buffered = 0;
            _version++;
            round.EndTicks = context.Now;
            UpdateGlobalModel(round, context.Now);
            if (_settings.MaxRounds > 0 && _rounds.Count >= _settings.MaxRounds)
            {
                _current = null; // done: no more invitations (devices still working finish on their own)
                return;
            }
            _current = new RoundRecord(_rounds.Count, context.Now);
            _rounds.Add(_current);
        }
        Refill(context);
    }

    private void CloseRound(IEventContext context)
    {
        var round = _current!;
        round.EndTicks = context.Now;
        UpdateGlobalModel(round, context.Now);
        // Devices still working on this round are told to stop; their transfers end here.
        foreach (var device in _participants.Keys.Order().ToArray()) Drop(device, context);
        StartRound(context);
    }

    private void OnTimeout(int device, long token, IEventContext context)
    {
        if (!_participants.TryGetValue(device, out var participant) || participant.Token != token) return;
        Drop(device, context);
        Refill(context);
    }

    private void Drop(int device, IEventContext context)
    {
        var participant = _participants[device];
        var round = _rounds[participant.Round];
        for (var channel = Down; channel <= Up; channel++)
        {
            if (!_channels[channel].Contains(device)) continue;
            var sent = _channels[channel].Cancel(device, context.Now) / 8.0;
            if (channel == Down) round.BytesDown += sent;
            else round.BytesUp += sent;
            RescheduleChannel(channel, context);
        }
        round.BytesDown += _controlBits / 8.0;
        SendToDevice(device, FleetEventKinds.Cancel, participant.Round, context);
        Release(device);
    }

    private void Release(int device)
    {
        _participants.Remove(device);
        if (_reportedAvailable[device]) _pool.Add(device);
    }

    // Async: keep the configured number of devices working; when the pool runs dry, look again at the next check-in instant.
    private void Refill(IEventContext context)
    {
        if (_settings.Mode != AggregationMode.Async || _current is null) return;
        var missing = _settings.Concurrency - _participants.Count;
        if (missing <= 0) return;
        foreach (var device in _pool.Take(missing, _random!)) Invite(device, context);
        if (_participants.Count < _settings.Concurrency && _refillAt == VirtualTime.Infinity)
        {
            var at = _model.CheckInInstant(VirtualTime.Add(context.Now, 1));
            if (at < _model.EndTime)
            {
                _refillAt = at;
                Schedule(context, at - context.Now, FleetEventKinds.Refill);
            }
        }
    }

    private void RescheduleChannel(int channel, IEventContext context)
    {
        var next = _channels[channel].NextEventTicks();
        if (next >= _model.EndTime) return;
        var at = Math.Max(next, context.Now); // the instant the event runs, which OnAccessEvent recognises it by
        if (at == _channelEventAt[channel]) return;
        _channelEventAt[channel] = at;
        Schedule(context, at - context.Now, FleetEventKinds.AccessEvent, channel);
    }

    // The on-air bits of a finished transfer ride along, so the device can charge its radio for exactly them.
    private void SendToDevice(int device, int kind, long data, IEventContext context, TransferDone? done = null) =>
        context.Send(FleetLayout.LinkId(device), _model.BackhaulTicks, kind, data, done);

    /// <summary>
    /// True when the aggregator took <paramref name="device"/>'s update for <paramref name="round"/>. The authority on
    /// completion: a device that went offline or died while its acknowledgement was on the way still completed.
    /// </summary>
    public bool Accepted(int device, int round) => _accepted.Contains(AcceptedKey(device, round));

    private static long AcceptedKey(int device, int round) => ((long)device << 32) | (uint)round;

    private void Schedule(IEventContext context, long delay, int kind, long data = 0, object? payload = null)
    {
        context.Schedule(delay, kind, data, payload);
        _agenda.Enqueue(0, VirtualTime.Add(context.Now, delay));
    }

    private void UpdatePromise()
    {
        var next = _agenda.TryPeek(out _, out var at) ? at : VirtualTime.Infinity;
        OutputPromise = next >= _model.EndTime ? VirtualTime.Infinity : VirtualTime.Add(next, _model.BackhaulTicks);
    }

    // Real training: fold the updates taken since the last aggregation into the global model (the strategy sorts
    // them by client, so arrival order does not matter), then evaluate it every EvalEvery rounds.
    private void UpdateGlobalModel(RoundRecord round, long now)
    {
        if (_model.Scenario.Learning is not { } learning) return;
        if (_updates.Count > 0) _global = learning.Task.Aggregate(_global!, _updates);
        _updates.Clear();
        if ((round.Round + 1) % learning.EvalEvery != 0) return;
        var evaluation = learning.Task.Evaluate(_global!, round.Round, VirtualTime.ToSeconds(now));
        round.TestAccuracy = evaluation.Accuracy;
        round.TestLoss = double.IsNaN(evaluation.Loss) ? null : evaluation.Loss;
        round.Fidelity = evaluation.Fidelity;
    }

    // Where an invitation stands: a device's requests must come in this order, so a request left over from an earlier
    // invitation of the same device and round (async: timed out and invited again) is recognised and ignored.
    private enum Stage : byte
    {
        Invited,
        Downloading,
        Downloaded,
        Uploading,
    }

    private sealed record Participant(int Round, long Version, long Token, Stage Stage = Stage.Invited);
}
