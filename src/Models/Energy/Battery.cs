using FgsActors.Models.Checkpoints;

namespace FgsActors.Models.Energy;

/// <summary>
/// Charge state of one device's battery, owned and mutated by that device only (not thread-safe,
/// not shared across partitions). An ideal energy bucket: level in J, drained linearly, no
/// Peukert, temperature or ageing effects (see docs/model-energy.md).
/// A mains-powered device gets <see cref="Mains"/>, which never drains and never empties.
/// <para>Checkpoint state: the level only; the capacity comes from the device's profile again.</para>
/// </summary>
public sealed class Battery : IStateful
{
    /// <summary>
    /// Residual charge, as a fraction of capacity, treated as empty. Needed because a caller that
    /// drains P·(DeathInstant − now) reproduces the level only up to rounding in (now + L/P) − now;
    /// without it a device could survive its own death instant by a few 1e-13 J.
    /// 1e-9 of a 10 Wh pack is 36 µJ: physically nothing.
    /// </summary>
    public const double EmptyTolerance = 1e-9;

    /// <summary>
    /// The mains supply. One shared instance is safe because it has no state that changes
    /// (Drain and RechargeFull are no-ops), and it saves an object per gateway in million-device fleets.
    /// </summary>
    public static Battery Mains { get; } = new(double.PositiveInfinity, double.PositiveInfinity, isMains: true);

    private double _levelJoules;

    private Battery(double capacityJoules, double levelJoules, bool isMains)
    {
        CapacityJoules = capacityJoules;
        _levelJoules = levelJoules;
        IsMains = isMains;
    }

    /// <summary>A battery of <paramref name="capacityWattHours"/> Wh, charged to <paramref name="stateOfCharge"/>.</summary>
    /// <param name="capacityWattHours">nominal capacity (Wh, finite, &gt; 0)</param>
    /// <param name="stateOfCharge">initial charge as a fraction of capacity (0..1; default full)</param>
    public static Battery FromWattHours(double capacityWattHours, double stateOfCharge = 1.0)
    {
        Require.Positive(capacityWattHours, nameof(capacityWattHours));
        if (!(stateOfCharge >= 0 && stateOfCharge <= 1))
            throw new ArgumentOutOfRangeException(nameof(stateOfCharge), stateOfCharge, "stateOfCharge must be in [0, 1].");
        var capacity = EnergyUnits.WattHoursToJoules(capacityWattHours);
        return new Battery(capacity, capacity * stateOfCharge, isMains: false);
    }

    /// <summary>True for a mains supply: never drains, never empties.</summary>
    public bool IsMains { get; }

    /// <summary>Capacity (J); +∞ for mains.</summary>
    public double CapacityJoules { get; }

    /// <summary>Remaining charge (J); +∞ for mains.</summary>
    public double LevelJoules => _levelJoules;

    /// <summary>Remaining charge (Wh), as devices.csv battery_end_wh reports it; +∞ for mains.</summary>
    public double LevelWattHours => EnergyUnits.JoulesToWattHours(_levelJoules);

    /// <summary>Remaining fraction of capacity, 0..1; 1 for mains.</summary>
    public double StateOfCharge => IsMains ? 1.0 : _levelJoules / CapacityJoules;

    /// <summary>True once the level has reached zero (never for mains).</summary>
    public bool IsEmpty => !IsMains && _levelJoules <= 0;

    /// <summary>
    /// Removes <paramref name="joules"/> from the battery, clamping at zero, and returns the energy
    /// actually delivered (J) so a ledger charged with the return value never counts joules the
    /// battery did not have. A residue below <see cref="EmptyTolerance"/> is swept into the returned
    /// amount, so the sum of returns always equals the charge removed. Mains delivers everything.
    /// </summary>
    /// <param name="joules">energy requested (J, ≥ 0)</param>
    public double Drain(double joules)
    {
        Require.NonNegative(joules, nameof(joules));
        if (IsMains) return joules;
        var delivered = Math.Min(joules, _levelJoules);
        _levelJoules -= delivered;
        if (_levelJoules <= CapacityJoules * EmptyTolerance)
        {
            delivered += _levelJoules;
            _levelJoules = 0;
        }
        return delivered;
    }

    /// <summary>Seconds until empty at a constant draw (s): level/P; +∞ for 0 W or mains; 0 if already empty.</summary>
    /// <param name="powerWatts">constant draw (W, ≥ 0)</param>
    public double TimeUntilEmpty(double powerWatts)
    {
        Require.NonNegative(powerWatts, nameof(powerWatts));
        if (IsMains) return double.PositiveInfinity;
        if (IsEmpty) return 0;
        if (powerWatts == 0) return double.PositiveInfinity;
        return _levelJoules / powerWatts;
    }

    /// <summary>
    /// Absolute virtual time (s) at which the battery empties if it draws <paramref name="powerWatts"/>
    /// from <paramref name="nowSeconds"/> on: now + level/P, or +∞. The device schedules its own death
    /// at this instant so work in flight is aborted exactly there, not at the next event.
    /// </summary>
    /// <param name="nowSeconds">current virtual time (s, finite, ≥ 0)</param>
    /// <param name="powerWatts">constant draw from now on (W, ≥ 0)</param>
    public double DeathInstant(double nowSeconds, double powerWatts)
    {
        Require.NonNegative(nowSeconds, nameof(nowSeconds));
        return nowSeconds + TimeUntilEmpty(powerWatts);
    }

    /// <summary>Restores full charge (the recharge policy decides when). No-op for mains.</summary>
    public void RechargeFull()
    {
        if (!IsMains) _levelJoules = CapacityJoules;
    }

    /// <summary>Writes whether this is mains and the level in J (bit-exact).</summary>
    public void SaveState(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(IsMains);
        writer.Write(_levelJoules);
    }

    /// <summary>
    /// Restores the level. The shared <see cref="Mains"/> instance is never changed: its saved level must be its own.
    /// </summary>
    public void LoadState(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        StateIo.Expect(reader.ReadBoolean(), IsMains, "battery on mains");
        var level = reader.ReadDouble();
        if (IsMains)
        {
            StateIo.Expect(level, _levelJoules, "mains level");
            return;
        }
        if (!(level >= 0 && level <= CapacityJoules))
            throw new CheckpointFormatException($"a saved battery level of {level} J is outside [0, {CapacityJoules}] J (corrupted checkpoint)");
        _levelJoules = level;
    }
}
