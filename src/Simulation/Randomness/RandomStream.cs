using FgsActors.Models.Randomness;

namespace FgsActors.Simulation.Randomness;

/// <summary>
/// A deterministic random stream owned by one entity for one purpose: the project's xoshiro256** generator
/// (<see cref="Xoshiro256StarStar"/>) seeded from (run seed, entity id, purpose) only, so moving an entity to another
/// partition or node cannot change its draws.
/// </summary>
public sealed class RandomStream(ulong seed) : Xoshiro256StarStar(seed)
{
    /// <summary>The stream for (run seed, entity, purpose).</summary>
    public static RandomStream For(ulong runSeed, long entityId, string purpose) =>
        new(StreamId.Derive(runSeed, entityId, StreamId.HashPurpose(purpose)));

    /// <summary>Exponential variate with the given mean (inverse transform on 1 - U, so never log(0)).</summary>
    public double NextExponential(double mean)
    {
        if (!(mean >= 0) || double.IsInfinity(mean)) throw new ArgumentOutOfRangeException(nameof(mean), mean, "the mean must be finite and >= 0");
        return -mean * Math.Log(1.0 - NextDouble());
    }

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool NextBernoulli(double p) => NextDouble() < p;
}
