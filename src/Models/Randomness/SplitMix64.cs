namespace FgsActors.Models.Randomness;

/// <summary>
/// SplitMix64's step and finaliser (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA
/// 2014): scrambles every input bit into every output bit, so neighbouring inputs give unrelated outputs. Used to
/// derive seeds (streams, jobs) and to expand one seed into a generator's state.
/// </summary>
public static class SplitMix64
{
    /// <summary>The golden-ratio increment of one SplitMix64 step.</summary>
    public const ulong Increment = 0x9E3779B97F4A7C15UL;

    /// <summary>One step from state <paramref name="z"/>: the output for state z + <see cref="Increment"/>.</summary>
    public static ulong Mix(ulong z)
    {
        z += Increment;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
