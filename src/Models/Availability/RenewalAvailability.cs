using FgsActors.Models.Checkpoints;

namespace FgsActors.Models.Availability;

/// <summary>
/// One device's churn under a shared <see cref="RenewalProcess"/>: the current state and the transition
/// pending next. Kept to a reference, a bool and a double so a million devices cost little memory.
/// Typical use by a device entity:
/// <code>
/// var next = churn.NextTransition(startS, rng);      // decides the initial state (see IsOnline)
/// // ... when the event for next.TimeS fires:
/// next = churn.NextTransition(next.TimeS, rng);      // applies it and returns the one after
/// </code>
/// Checkpoint state: the current state and the pending transition; the process is shared configuration and the
/// uniforms come from the caller's generator, whose position the caller saves.
/// </summary>
public sealed class RenewalAvailability : IStateful
{
    private readonly RenewalProcess _process;
    private double _pendingS = double.NaN; // NaN until started
    private bool _online;

    /// <summary>A device following <paramref name="process"/>; not started until the first call.</summary>
    public RenewalAvailability(RenewalProcess process) =>
        _process = process ?? throw new ArgumentNullException(nameof(process));

    /// <summary>Convenience for a process used by this device alone.</summary>
    public RenewalAvailability(OnOffDistribution on, OnOffDistribution off, DiurnalModulation? diurnal = null)
        : this(new RenewalProcess(on, off, diurnal)) { }

    /// <summary>The process this device follows.</summary>
    public RenewalProcess Process => _process;

    /// <summary>True once the first <see cref="NextTransition"/> has drawn the initial state.</summary>
    public bool Started => !double.IsNaN(_pendingS);

    /// <summary>Current state: the initial state after the first call, then the state the last applied transition set.</summary>
    public bool IsOnline => Started ? _online : throw new InvalidOperationException("not started: call NextTransition first");

    /// <summary>
    /// First call: draws the stationary initial state at <paramref name="nowS"/> (two uniforms) and returns
    /// the end of that first period. Later calls: the pending transition is applied (it happened; the state
    /// flips) and a new period starts at <paramref name="nowS"/> (one uniform). <paramref name="nowS"/> is
    /// normally the pending transition's time; a later time is allowed (the caller held the device back,
    /// e.g. while it was dead), an earlier one is a bug and throws.
    /// </summary>
    public AvailabilityTransition NextTransition(double nowS, Func<double> uniform)
    {
        ArgumentNullException.ThrowIfNull(uniform);
        if (!double.IsFinite(nowS)) throw new ArgumentOutOfRangeException(nameof(nowS), nowS, "must be finite");
        if (!Started)
        {
            (_online, _pendingS) = _process.DrawStart(nowS, uniform);
        }
        else
        {
            if (nowS < _pendingS)
                throw new InvalidOperationException(
                    $"transition at {_pendingS} s applied at {nowS} s, before it was due");
            _online = !_online;
            _pendingS = _process.DrawPeriodEnd(nowS, _online, uniform);
        }
        return new AvailabilityTransition(_pendingS, !_online);
    }

    public void SaveState(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(_pendingS);
        writer.Write(_online);
    }

    public void LoadState(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var pending = reader.ReadDouble();
        var online = reader.ReadBoolean();
        // NaN is "not started yet"; otherwise a pending transition is a finite instant, or +∞ for a period that never ends.
        if (double.IsNegativeInfinity(pending))
            throw new CheckpointFormatException($"a saved churn transition at {pending} s is not a valid time (corrupted checkpoint)");
        _pendingS = pending;
        _online = online;
    }
}
