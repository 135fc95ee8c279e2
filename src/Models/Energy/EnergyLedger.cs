namespace FgsActors.Models.Energy;

/// <summary>
/// Per-device running totals of energy spent, by kind. Owned by one device; the aggregator sums
/// ledgers in client-id order so totals are bit-identical across layouts.
/// </summary>
public sealed class EnergyLedger
{
    /// <summary>Joules spent on local training.</summary>
    public double ComputeJoules { get; private set; }

    /// <summary>Joules spent on the radio.</summary>
    public double CommunicationJoules { get; private set; }

    /// <summary>Joules spent idling.</summary>
    public double IdleJoules { get; private set; }

    /// <summary>All three (J).</summary>
    public double TotalJoules => ComputeJoules + CommunicationJoules + IdleJoules;

    /// <summary>Adds compute energy (J, ≥ 0).</summary>
    public void AddCompute(double joules) => ComputeJoules += Require.NonNegative(joules, nameof(joules));

    /// <summary>Adds communication energy (J, ≥ 0).</summary>
    public void AddCommunication(double joules) => CommunicationJoules += Require.NonNegative(joules, nameof(joules));

    /// <summary>Adds idle energy (J, ≥ 0).</summary>
    public void AddIdle(double joules) => IdleJoules += Require.NonNegative(joules, nameof(joules));

    /// <summary>Adds every component of <paramref name="energy"/> (each J, ≥ 0).</summary>
    public void Add(EnergyBreakdown energy)
    {
        // Validate all three before mutating, so a bad argument leaves the ledger untouched.
        Require.NonNegative(energy.ComputeJoules, "energy.ComputeJoules");
        Require.NonNegative(energy.CommunicationJoules, "energy.CommunicationJoules");
        Require.NonNegative(energy.IdleJoules, "energy.IdleJoules");
        ComputeJoules += energy.ComputeJoules;
        CommunicationJoules += energy.CommunicationJoules;
        IdleJoules += energy.IdleJoules;
    }

    /// <summary>Current totals as a value, for per-round differences.</summary>
    public EnergyBreakdown Snapshot() => new(ComputeJoules, CommunicationJoules, IdleJoules);
}
