namespace FgsActors.Simulation.Fleet;

/// <summary>How devices get their tier from a tier mix.</summary>
public enum TierAssignment
{
    /// <summary>
    /// Largest-remainder quotas, dealt out over a seeded permutation: the realised mix is exact (each tier's count
    /// within one device of fraction × N), so scenarios and seeds compare like with like. The default. Each device's
    /// permutation key comes only from its own stream, but its rank — and so its tier — depends on the fleet size.
    /// </summary>
    ExactQuota,

    /// <summary>
    /// One categorical draw per device from its own stream: device i is the same device whatever the fleet size, at
    /// the price of a binomial spread in the realised mix (σ = √(N·p·(1 − p)) devices per tier).
    /// </summary>
    Independent,
}
