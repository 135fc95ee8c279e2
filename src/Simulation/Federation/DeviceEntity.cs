using FgsActors.Models.Availability;
using FgsActors.Models.Checkpoints;
using FgsActors.Models.Energy;
using FgsActors.Models.Federated;
using FgsActors.Models.Network;
using FgsActors.Simulation.Events;
using FgsActors.Simulation.Fleet;
using FgsActors.Simulation.Kernel;
using FgsActors.Simulation.Randomness;
using FgsActors.Simulation.Time;

namespace FgsActors.Simulation.Federation;

/// <summary>
/// One edge device: its availability (churn and battery), its energy, and its part in rounds. It talks to the aggregator
/// through its link, except for availability reports (see <see cref="ReportAvailability"/>).
/// <para>Energy is integrated lazily: the draw is piecewise constant (idle, plus receive, compute or transmit power while
/// working), so it is accounted whenever the draw changes, and the battery's empty instant under the current draw is
/// scheduled as an event (stale ones are recognised by the power epoch in their Data).</para>
/// <para>Output promise: unprompted, a device sends only availability reports, at check-in instants (multiples of the
/// period) at or after its next churn transition, battery death or recharge, and its upload when training ends; all
/// of these are known in advance. Invitations, downloads, acknowledgements and cancellations arrive as triggering
/// messages. Promises that stayed valid are what let partitions run from one check-in instant to the next instead
/// of from one churn event to the next.</para>
/// <para>Checkpoint state: every field below the constructor's, the battery level, the churn process's state and its
/// generator's position, the participation history and the output promise. The churn process itself (renewal
/// parameters or trace) is configuration and is built again on load.</para>
/// </summary>
public sealed partial class DeviceEntity : IPromisingEntity, IStateful
{
    private const string ChurnPurpose = "device.churn";
    private const string SamplesPurpose = "device.samples";

    private readonly FleetModel _model;
    private readonly int _index;
    private readonly int _linkId;
    private readonly long _radioTicks;
    private readonly double _idleW;
    private readonly double _receiveW;
    private readonly double _transmitW;
    private readonly double _uplinkDuty;
    private readonly double _downlinkDuty;
    private readonly double _computeW;
    private readonly long _trainingTicks;
    private readonly bool _fitsMemory;
    private readonly double _modelBits;
    private readonly Battery _battery;

    private RenewalAvailability? _renewal;
    private TraceAvailability? _trace;
    private RandomStream? _churnDraws;
    private Func<double>? _uniform; // _churnDraws.NextDouble, made once
    private bool _online = true;
    private bool _alive = true;
    private bool _available;
    private double _nextTransitionS = double.PositiveInfinity;
    private long _nextTransitionTicks = VirtualTime.Infinity;
    private long _deathTicks = VirtualTime.Infinity;
    private long _rechargeTicks = VirtualTime.Infinity;
    private long _powerEpoch;
    private double _extraW;
    private bool _extraIsCompute;
    private long _accountedTicks;
    private long _availableSinceTicks;
    private long _availableTicks;
    private bool _reported;

    private WorkPhase _phase;
    private int _round = -1;
    private long _workToken;
    private long _trainingDoneTicks = VirtualTime.Infinity;
    private long _transferStartTicks;
    private double _joinComputeJ;
    private double _joinCommJ;
    private double _joinIdleJ;
    private List<Participation>? _history;

    internal DeviceEntity(FleetModel model, int index)
    {
        _model = model;
        _index = index;
        var scenario = model.Scenario;
        Profile = scenario.Devices[index];
        _linkId = FleetLayout.LinkId(index);
        _radioTicks = FleetModel.RadioLatencyTicks(Profile.Radio);
        RadioCatalog.TryGet(Profile.Radio, out var radio);
        _idleW = Profile.IdlePowerW + radio!.IdlePowerW;
        _receiveW = radio.ReceivePowerW;
        _transmitW = radio.TransmitPowerW;
        _uplinkDuty = radio.UplinkDutyCycle;
        _downlinkDuty = radio.DownlinkDutyCycle;

        var tier = scenario.Tiers[Profile.Tier];
        var workload = scenario.Workload;
        Samples = scenario.Learning is { } learning ? learning.Task.SamplesOf(index) : SampleCount(workload, scenario.Seed, index);
        var passes = scenario.Learning is { } task ? task.Task.SamplePassesOf(index) : Samples * workload.LocalEpochs;
        var estimate = workload.Cost.Estimate(tier, Profile.CpuHz, passes);
        _trainingTicks = Math.Max(0, VirtualTime.FromSeconds(estimate.Seconds));
        // The κ·c·D·f² model gives the CPU's dynamic power on top of idle; an accelerator's figure is the board's
        // whole active power, of which idle is already counted.
        _computeW = estimate.UsesAccelerator ? Math.Max(0, estimate.PowerWatts - Profile.IdlePowerW) : estimate.PowerWatts;
        _fitsMemory = Profile.RamBytes >= model.TrainingBytes;
        _modelBits = workload.ModelBytes * 8.0;
        _battery = Profile.BatteryWh is { } wh ? Battery.FromWattHours(wh, scenario.Battery.InitialStateOfCharge) : Battery.Mains;
    }

    public DeviceProfile Profile { get; }

    /// <summary>Local data set size, samples.</summary>
    public double Samples { get; }

    public int Invitations { get; private set; }
    public int Completions { get; private set; }
    public int Deaths { get; private set; }
    public double ComputeJ { get; private set; }
    public double CommJ { get; private set; }
    public double IdleJ { get; private set; }
    public double EnergyJ => ComputeJ + CommJ + IdleJ;

    /// <summary>Battery level, Wh (+∞ on mains).</summary>
    public double BatteryWh => _battery.LevelWattHours;

    /// <summary>Every round this device was invited to, in order, with its outcome and energy.</summary>
    public IReadOnlyList<Participation> History => (IReadOnlyList<Participation>?)_history ?? [];

    /// <summary>Virtual time spent available (online and alive), ticks; final after <see cref="CloseAccounts"/>.</summary>
    public long AvailableTicks => _availableTicks;

    public long OutputPromise { get; private set; }

    /// <summary>
    /// Per-device data set size: median × exp(σ·Z), at least one sample, from the device's own stream so it does not
    /// depend on other devices.
    /// </summary>
    public static double SampleCount(FleetWorkload workload, ulong seed, int index)
    {
        ArgumentNullException.ThrowIfNull(workload);
        if (workload.SamplesSigma == 0) return Math.Max(1, Math.Round(workload.SamplesPerDevice));
        var u = RandomStream.For(seed, index, SamplesPurpose).NextDouble();
        if (u == 0) u = 1.0 / (1UL << 53);
        var z = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, u);
        return Math.Max(1, Math.Round(workload.SamplesPerDevice * Math.Exp(workload.SamplesSigma * z)));
    }

    public void Start(IEventContext context)
    {
        CreateChurn(context.Seed);
        if (_renewal is not null)
        {
            SetNextTransition(_renewal.NextTransition(0, _uniform!).TimeS);
            _online = _renewal.IsOnline;
        }
        else if (_trace is not null)
        {
            _online = _trace.IsOnline(0);
            SetNextTransition(_trace.NextTransition(0)?.TimeS ?? double.PositiveInfinity);
        }
        ScheduleTransition(context);
        RescheduleDeath(context);
        _available = _online && _alive;
        _availableSinceTicks = 0;
        ReportAvailability(context);
        UpdatePromise();
    }

    public void Handle(in SimEvent ev, IEventContext context)
    {
        switch (ev.Kind)
        {
            case FleetEventKinds.Transition: OnTransition(context); break;
            case FleetEventKinds.DeathCheck: if (ev.Data == _powerEpoch) Die(context); break;
            case FleetEventKinds.Recharged: OnRecharged(context); break;
            case FleetEventKinds.TrainingDone: if (ev.Data == _workToken && _phase == WorkPhase.Training) OnTrainingDone(ev.Payload, context); break;
            case FleetEventKinds.Invite: OnInvite((int)ev.Data, context); break;
            case FleetEventKinds.DownloadDone:
                if (IsWorkingOn(ev.Data, WorkPhase.Downloading) && ChargeTransfer(ev.Payload, uplink: false, context)) OnDownloaded(((TransferDone)ev.Payload!).Weights, context);
                break;
            case FleetEventKinds.DownloadFailed:
                if (IsWorkingOn(ev.Data, WorkPhase.Downloading) && ChargeTransfer(ev.Payload, uplink: false, context)) Finish(ParticipationOutcome.Link, context);
                break;
            case FleetEventKinds.UploadFailed:
                if (IsWorkingOn(ev.Data, WorkPhase.Uploading) && ChargeTransfer(ev.Payload, uplink: true, context)) Finish(ParticipationOutcome.Link, context);
                break;
            case FleetEventKinds.Ack:
                if (IsWorkingOn(ev.Data, WorkPhase.Uploading) && ChargeTransfer(ev.Payload, uplink: true, context))
                {
                    Completions++;
                    Finish(ParticipationOutcome.Completed, context);
                }
                break;
            case FleetEventKinds.Cancel: if (_phase != WorkPhase.Idle && _round == ev.Data) Finish(ParticipationOutcome.Deadline, context); break;
            default: throw new InvalidOperationException($"device {_index} got unknown event kind {ev.Kind} at t={ev.Time}");
        }
        UpdatePromise();
    }

    // The churn process of the scenario's model, not started; a renewal process draws from this device's own stream.
    private void CreateChurn(ulong seed)
    {
        var churn = _model.Scenario.Churn;
        switch (churn.Model)
        {
            case ChurnModel.Renewal:
                _churnDraws = RandomStream.For(seed, _index, ChurnPurpose);
                _uniform = _churnDraws.NextDouble;
                _renewal = new RenewalAvailability(churn.Renewal!);
                break;
            case ChurnModel.Trace:
                _trace = churn.Trace!.Contains(Profile.Name) ? churn.Trace.ForDevice(Profile.Name) : TraceAvailability.Never;
                break;
        }
    }

    /// <summary>Accounts energy and availability up to the end of the run (call once, after the run).</summary>
    public void CloseAccounts(long endTicks)
    {
        Account(endTicks);
        if (_available) _availableTicks += endTicks - _availableSinceTicks;
        _available = false;
    }

    private bool IsWorkingOn(long round, WorkPhase phase) => _phase == phase && _round == round;

    private void OnTransition(IEventContext context)
    {
        Account(context.Now);
        if (_renewal is not null)
        {
            SetNextTransition(_renewal.NextTransition(_nextTransitionS, _uniform!).TimeS);
            _online = _renewal.IsOnline;
        }
        else
        {
            var at = _nextTransitionS;
            _online = _trace!.IsOnline(at);
            SetNextTransition(_trace.NextTransition(at)?.TimeS ?? double.PositiveInfinity);
        }
        ScheduleTransition(context);
        if (!_online && _phase != WorkPhase.Idle) Finish(ParticipationOutcome.Churn, context);
        AvailabilityChanged(context);
    }

    private void Die(IEventContext context)
    {
        Account(context.Now);
        _alive = false;
        Deaths++;
        if (_phase != WorkPhase.Idle) Finish(ParticipationOutcome.Battery, context);
        _extraW = 0;
        RescheduleDeath(context);
        var recharge = _model.Scenario.Battery.Recharge.NextRechargeCompletion(VirtualTime.ToSeconds(context.Now));
        _rechargeTicks = double.IsFinite(recharge) ? Math.Max(context.Now, VirtualTime.FromSeconds(recharge)) : VirtualTime.Infinity;
        if (_rechargeTicks < _model.EndTime) context.Schedule(_rechargeTicks - context.Now, FleetEventKinds.Recharged);
        AvailabilityChanged(context);
    }

    private void OnRecharged(IEventContext context)
    {
        Account(context.Now);
        _battery.RechargeFull();
        _alive = true;
        _rechargeTicks = VirtualTime.Infinity;
        RescheduleDeath(context);
        AvailabilityChanged(context);
    }

    private void OnInvite(int round, IEventContext context)
    {
        Invitations++;
        // The aggregator has moved on (a newer round reached this device before the old round's cancellation).
        if (_phase != WorkPhase.Idle) Finish(ParticipationOutcome.Deadline, context);
        Account(context.Now);
        _round = round;
        SnapshotJoin();
        var refusal = !_alive ? ParticipationOutcome.Battery
            : !_online ? ParticipationOutcome.Churn
            : !_fitsMemory ? ParticipationOutcome.Memory
            : ParticipationOutcome.Completed;
        if (refusal != ParticipationOutcome.Completed)
        {
            Record(refusal);
            _round = -1;
            return;
        }
        _phase = WorkPhase.Downloading;
        _transferStartTicks = context.Now;
        context.Send(_linkId, _radioTicks, FleetEventKinds.Accept, payload: new TransferIntent(_round, SustainUntil()));
    }

    private void OnDownloaded(float[]? globalWeights, IEventContext context)
    {
        Account(context.Now);
        _phase = WorkPhase.Training;
        SetExtraPower(_computeW, compute: true, context);
        _workToken++;
        _trainingDoneTicks = VirtualTime.Add(context.Now, _trainingTicks);
        // With real training the numbers are computed by the trainer pool while the simulation goes on; the training's
        // end carries the job, and the kernel holds this device's partition there until the job is done.
        var job = _model.Scenario.Learning is { } learning && globalWeights is not null
            ? learning.Task.Train(_index, _round, globalWeights, VirtualTime.ToSeconds(context.Now))
            : null;
        context.Schedule(_trainingTicks, FleetEventKinds.TrainingDone, _workToken, job);
    }

    private void OnTrainingDone(object? job, IEventContext context)
    {
        var update = job is Task<LocalUpdate> done ? done.GetAwaiter().GetResult() : null;
        Account(context.Now);
        _phase = WorkPhase.Uploading;
        _trainingDoneTicks = VirtualTime.Infinity;
        SetExtraPower(0, compute: false, context);
        _transferStartTicks = context.Now;
        context.Send(_linkId, _radioTicks, FleetEventKinds.Upload, payload: new TransferIntent(_round, SustainUntil(), update));
    }

    private void Finish(ParticipationOutcome outcome, IEventContext context)
    {
        Account(context.Now);
        // A transfer cut short (offline, battery, cancelled): the device does not learn how many bits went out, so its
        // radio is charged for the time since the transfer began, at most the full transfer's airtime.
        if (outcome is not (ParticipationOutcome.Completed or ParticipationOutcome.Link) && _phase is WorkPhase.Downloading or WorkPhase.Uploading)
        {
            var uplink = _phase == WorkPhase.Uploading;
            // A duty-cycled radio (LoRa) is on the air only for its duty cycle's share of the elapsed time.
            var elapsed = VirtualTime.ToSeconds(context.Now - _transferStartTicks) * (uplink ? _uplinkDuty : _downlinkDuty);
            var airtime = Math.Min(elapsed, _modelBits / PhyRate(uplink));
            CommJ += _battery.Drain((uplink ? _transmitW : _receiveW) * airtime);
        }
        Record(outcome);
        _phase = WorkPhase.Idle;
        _round = -1;
        _workToken++;
        _trainingDoneTicks = VirtualTime.Infinity;
        SetExtraPower(0, compute: false, context);
        if (_alive && _battery.IsEmpty) Die(context);
    }

    /// <summary>
    /// Radio energy of a finished transfer, E = p·s/r: transmit or receive power × the on-air bits (retransmissions
    /// included) / the link's physical rate. Waiting for a share of the aggregator's capacity, latency and duty-cycle
    /// silences cost only idle power. Returns false when the battery could not pay for it: the device dies now.
    /// </summary>
    private bool ChargeTransfer(object? done, bool uplink, IEventContext context)
    {
        var airBits = ((TransferDone)done!).AirBits;
        Account(context.Now);
        CommJ += _battery.Drain((uplink ? _transmitW : _receiveW) * airBits / PhyRate(uplink));
        if (_battery.IsEmpty)
        {
            Die(context);
            return false;
        }
        RescheduleDeath(context);
        return true;
    }

    private double PhyRate(bool uplink) => uplink ? Profile.UpBps : Profile.DownBps;

    private void SnapshotJoin()
    {
        _joinComputeJ = ComputeJ;
        _joinCommJ = CommJ;
        _joinIdleJ = IdleJ;
    }

    private void Record(ParticipationOutcome outcome)
    {
        _history ??= new List<Participation>(4);
        _history.Add(new Participation(_round, outcome, ComputeJ - _joinComputeJ, CommJ - _joinCommJ, IdleJ - _joinIdleJ));
    }

    /// <summary>Device time until which it can keep working: its next offline transition or its battery's empty instant.</summary>
    private long SustainUntil() => Math.Min(_online ? _nextTransitionTicks : 0, _deathTicks);

    private void SetExtraPower(double watts, bool compute, IEventContext context)
    {
        _extraW = watts;
        _extraIsCompute = compute;
        RescheduleDeath(context);
    }

    // Energy drawn since the last accounting at the draw in force since then.
    private void Account(long now)
    {
        var dt = VirtualTime.ToSeconds(now - _accountedTicks);
        _accountedTicks = now;
        if (!_alive || dt <= 0) return;
        var idle = _idleW * dt;
        var extra = _extraW * dt;
        var total = idle + extra;
        if (total <= 0) return;
        // The battery may hold slightly less than the draw (rounding of the death instant): scale both parts alike.
        var share = _battery.Drain(total) / total;
        IdleJ += idle * share;
        if (_extraIsCompute) ComputeJ += extra * share;
        else CommJ += extra * share;
    }

    private void RescheduleDeath(IEventContext context)
    {
        _powerEpoch++;
        _deathTicks = VirtualTime.Infinity;
        if (_battery.IsMains || !_alive) return;
        var death = _battery.DeathInstant(VirtualTime.ToSeconds(context.Now), _idleW + _extraW);
        if (!double.IsFinite(death)) return;
        // Rounded up so the battery is empty (within its tolerance) when the event runs.
        _deathTicks = Math.Max(context.Now, (long)Math.Ceiling(Math.Min(death * VirtualTime.TicksPerSecond, long.MaxValue / 2.0)));
        if (_deathTicks < _model.EndTime) context.Schedule(_deathTicks - context.Now, FleetEventKinds.DeathCheck, _powerEpoch);
    }

    private void SetNextTransition(double seconds)
    {
        _nextTransitionS = seconds;
        _nextTransitionTicks = double.IsFinite(seconds) ? VirtualTime.FromSeconds(seconds) : VirtualTime.Infinity;
    }

    private void ScheduleTransition(IEventContext context)
    {
        if (_nextTransitionTicks >= _model.EndTime) return;
        context.Schedule(Math.Max(0, _nextTransitionTicks - context.Now), FleetEventKinds.Transition);
    }

    private void AvailabilityChanged(IEventContext context)
    {
        var available = _online && _alive;
        if (available == _available) return;
        if (_available) _availableTicks += context.Now - _availableSinceTicks;
        else _availableSinceTicks = context.Now;
        _available = available;
        ReportAvailability(context);
    }

    // The aggregator learns of a change at the check-in instant at or after it (plus the path's base latency): the
    // report is sent now, timed to arrive then. Reports are small control messages and go straight to the aggregator
    // without the link's jitter and loss: availability changes are most of a fleet's events, and this keeps each to
    // one message event. Two changes within one period send two reports; the later one wins at the aggregator.
    private void ReportAvailability(IEventContext context)
    {
        if (_available == _reported) return;
        var at = _model.CheckInInstant(context.Now);
        if (at >= _model.EndTime) return;
        _reported = _available;
        var delay = VirtualTime.Add(at - context.Now, VirtualTime.Add(_radioTicks, _model.BackhaulTicks));
        context.Send(FleetLayout.AggregatorId, delay, FleetEventKinds.CheckIn, _available ? 1 : 0, triggersOutput: false);
    }

    // Without a triggering message the device sends only an availability report, at its next availability change and
    // timed to arrive after the check-in instant at or after it (churn transition, battery death or recharge, all known in advance), or its upload
    // when training ends. A draw that rises while working (training, then transmitting) can only bring the death
    // forward at a silent event that is itself in the promise (training's end), so the promise never goes down there.
    private void UpdatePromise()
    {
        var change = Math.Min(_nextTransitionTicks, _alive ? _deathTicks : _rechargeTicks);
        var next = Math.Min(_model.CheckInInstant(change), _trainingDoneTicks);
        OutputPromise = next >= _model.EndTime ? VirtualTime.Infinity : VirtualTime.Add(next, _radioTicks);
    }

    private enum WorkPhase : byte
    {
        Idle,
        Downloading,
        Training,
        Uploading,
    }
}
