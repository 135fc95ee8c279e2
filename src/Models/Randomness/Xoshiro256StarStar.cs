namespace FgsActors.Models.Randomness;

/// <summary>
/// xoshiro256** (Blackman and Vigna, "Scrambled linear pseudorandom number generators", 2021), its 256-bit state
/// expanded from one 64-bit seed with SplitMix64 as the authors recommend. The project's one generator: the
/// simulation's per-entity streams and the trainers' shuffles and initial weights both use it.
/// </summary>
public class Xoshiro256StarStar
{
    private ulong _s0, _s1, _s2, _s3;

    public Xoshiro256StarStar(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix64.Mix(x); x += SplitMix64.Increment;
        _s1 = SplitMix64.Mix(x); x += SplitMix64.Increment;
        _s2 = SplitMix64.Mix(x); x += SplitMix64.Increment;
        _s3 = SplitMix64.Mix(x);
        if ((_s0 | _s1 | _s2 | _s3) == 0) _s0 = 1; // the all-zero state is the generator's only fixed point
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, bound), without modulo bias (Lemire, "Fast random integer generation in an interval", 2019).</summary>
    public int NextInt(int bound)
    {
        if (bound <= 0) throw new ArgumentOutOfRangeException(nameof(bound), bound, "bound must be positive");
        var threshold = (uint)(-bound) % (uint)bound;
        while (true)
        {
            var r = (uint)(NextUInt64() >> 32);
            var m = (ulong)r * (uint)bound;
            if ((uint)m >= threshold) return (int)(m >> 32);
        }
    }

    /// <summary>Fisher–Yates shuffle in place.</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>The generator state, for checkpoints.</summary>
    public (ulong, ulong, ulong, ulong) State
    {
        get => (_s0, _s1, _s2, _s3);
        set
        {
            if ((value.Item1 | value.Item2 | value.Item3 | value.Item4) == 0)
                throw new ArgumentException("the all-zero state is not a valid xoshiro256** state (it only ever yields 0)", nameof(value));
            (_s0, _s1, _s2, _s3) = value;
        }
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
