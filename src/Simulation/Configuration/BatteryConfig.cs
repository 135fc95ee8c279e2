using FgsActors.Models.Energy;
using FgsActors.Simulation.Federation;
using FgsActors.Simulation.Time;

namespace FgsActors.Simulation.Configuration;

/// <summary>The <c>fgs.battery</c> section: charge at the start and what brings a dead device back.</summary>
/// <param name="InitialCharge">State of charge at t = 0, fraction of capacity in (0, 1].</param>
/// <param name="Recharge">Which recharge policy applies.</param>
/// <param name="RechargeDelayTicks">Death to full charge under <see cref="RechargeMode.Fixed"/>, ticks (ns).</param>
/// <param name="ChargeWindowStartHour">Local hour [0, 24) the daily charging window opens (<see cref="RechargeMode.Diurnal"/>).</param>
/// <param name="ChargeWindowEndHour">Local hour [0, 24] it closes; ≤ start wraps midnight, never equal to start.</param>
public sealed record BatteryConfig(
    double InitialCharge,
    RechargeMode Recharge,
    long RechargeDelayTicks,
    double ChargeWindowStartHour,
    double ChargeWindowEndHour)
{
    private static readonly (string Word, RechargeMode Mode)[] ModeWords =
        [("never", RechargeMode.Never), ("fixed", RechargeMode.Fixed), ("diurnal", RechargeMode.Diurnal)];

    /// <summary>The battery settings of a fleet scenario.</summary>
    public BatterySettings ToBatterySettings() => new(InitialCharge, ToRechargePolicy());

    /// <summary>The recharge policy <see cref="Recharge"/> names, with its parameters.</summary>
    public RechargePolicy ToRechargePolicy() => Recharge switch
    {
        RechargeMode.Fixed => RechargePolicy.AfterDelay(VirtualTime.ToSeconds(RechargeDelayTicks)),
        RechargeMode.Diurnal => RechargePolicy.DiurnalWindow(ChargeWindowStartHour, ChargeWindowEndHour),
        _ => RechargePolicy.Never,
    };

    internal static BatteryConfig Bind(SettingsReader reader)
    {
        var start = reader.GetDouble(FgsKeys.BatteryChargeWindowStartHour, 0, 24, maxExclusive: true);
        var end = reader.GetDouble(FgsKeys.BatteryChargeWindowEndHour, 0, 24);
        // An empty window would mean "never", which has its own word; equal hours are far likelier a slip.
        if (end == start)
        {
            throw ConfigException.InvalidValue(
                reader.Tree.Find(FgsKeys.BatteryChargeWindowEndHour)!,
                $"an hour in [0, 24] other than {FgsKeys.BatteryChargeWindowStartHour} ({start.ToString("R", System.Globalization.CultureInfo.InvariantCulture)})");
        }
        return new BatteryConfig(
            reader.GetDouble(FgsKeys.BatteryInitialCharge, 0, 1, minExclusive: true),
            reader.GetChoice(FgsKeys.BatteryRecharge, ModeWords),
            reader.GetDuration(FgsKeys.BatteryRechargeDelay),
            start,
            end);
    }
}
