namespace FgsActors.Models.Energy;

/// <summary>
/// Joules split the way rounds.csv reports them (energy_compute_j, energy_comm_j, energy_idle_j).
/// A value type so per-round figures are a difference of two ledger snapshots.
/// </summary>
/// <param name="ComputeJoules">local training (J)</param>
/// <param name="CommunicationJoules">radio transmit/receive (J)</param>
/// <param name="IdleJoules">idle drain (J)</param>
public readonly record struct EnergyBreakdown(double ComputeJoules, double CommunicationJoules, double IdleJoules)
{
    /// <summary>No energy.</summary>
    public static EnergyBreakdown Zero => default;

    /// <summary>Compute + communication + idle (J).</summary>
    public double TotalJoules => ComputeJoules + CommunicationJoules + IdleJoules;

    /// <summary>Component-wise sum.</summary>
    public static EnergyBreakdown operator +(EnergyBreakdown a, EnergyBreakdown b) =>
        new(a.ComputeJoules + b.ComputeJoules, a.CommunicationJoules + b.CommunicationJoules, a.IdleJoules + b.IdleJoules);

    /// <summary>Component-wise difference (e.g. end-of-round snapshot minus start-of-round snapshot).</summary>
    public static EnergyBreakdown operator -(EnergyBreakdown a, EnergyBreakdown b) =>
        new(a.ComputeJoules - b.ComputeJoules, a.CommunicationJoules - b.CommunicationJoules, a.IdleJoules - b.IdleJoules);
}
