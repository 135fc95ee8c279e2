using FgsActors.Models.Energy;

namespace FgsActors.Simulation.Federation;

/// <summary>Battery start state and what happens after a battery empties.</summary>
/// <param name="InitialStateOfCharge">Charge at t = 0 as a fraction of capacity, (0, 1].</param>
/// <param name="Recharge">When a dead device is back (full): never, after a fixed time, or at the end of a daily charging window.</param>
public sealed record BatterySettings(double InitialStateOfCharge, RechargePolicy Recharge)
{
    public static BatterySettings Default { get; } = new(1.0, RechargePolicy.Never);
}
