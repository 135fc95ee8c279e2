namespace FgsActors.Models.Energy;

/// <summary>
/// Baseline drain of a device that is on but not training or transmitting: E = P_idle·Δt.
/// Kept separate from compute and radio energy because rounds.csv reports it separately and because
/// on long, sparse runs it usually dominates a battery's budget.
/// </summary>
public static class IdlePower
{
    /// <summary>E = P_idle·Δt (J).</summary>
    /// <param name="idlePowerWatts">P_idle (W, ≥ 0)</param>
    /// <param name="seconds">Δt (s, ≥ 0)</param>
    public static double Joules(double idlePowerWatts, double seconds) =>
        Require.NonNegative(idlePowerWatts, nameof(idlePowerWatts)) * Require.NonNegative(seconds, nameof(seconds));
}
