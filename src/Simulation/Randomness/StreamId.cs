using FgsActors.Models.Randomness;

namespace FgsActors.Simulation.Randomness;

/// <summary>
/// Stable 64-bit mixing used to derive stream seeds. SplitMix64's finaliser (Steele, Lea and Flood,
/// "Fast splittable pseudorandom number generators", OOPSLA 2014) scrambles every input bit into every
/// output bit, so neighbouring ids give unrelated streams.
/// </summary>
public static class StreamId
{
    /// <summary>SplitMix64's step (<see cref="SplitMix64.Mix"/>).</summary>
    public static ulong Mix(ulong z) => SplitMix64.Mix(z);

    /// <summary>FNV-1a over the UTF-16 code units: a purpose name's hash that never changes between runs or machines.</summary>
    public static ulong HashPurpose(string purpose)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        var hash = 14695981039346656037UL;
        foreach (var ch in purpose)
        {
            hash ^= ch;
            hash *= 1099511628211UL;
        }
        return hash;
    }

    /// <summary>The seed of the stream for (run seed, entity id, purpose).</summary>
    public static ulong Derive(ulong runSeed, long entityId, ulong purposeHash) =>
        Mix(Mix(Mix(runSeed) ^ (ulong)entityId) ^ purposeHash);
}
