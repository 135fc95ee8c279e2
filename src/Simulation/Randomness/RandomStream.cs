namespace FgsActors.Simulation.Randomness;

/// <summary>
/// A deterministic random stream owned by one entity for one purpose (xoshiro256**, Blackman and Vigna,
/// "Scrambled linear pseudorandom number generators", 2021). Streams are derived from
/// (run seed, entity id, purpose) only, so moving an entity to another partition or node cannot change its draws.
/// </summary>
public sealed class RandomStream
{
    private ulong _s0, _s1, _s2, _s3;

    public RandomStream(ulong seed)
    {
        // Expand one 64-bit seed into the 256-bit state with SplitMix64, as the xoshiro authors recommend.
        var x = seed;
        _s0 = StreamId.Mix(x); x += 0x9E3779B97F4A7C15UL;
        _s1 = StreamId.Mix(x); x += 0x9E3779B97F4A7C15UL;
        _s2 = StreamId.Mix(x); x += 0x9E3779B97F4A7C15UL;
        _s3 = StreamId.Mix(x);
        if ((_s0 | _s1 | _s2 | _s3) == 0) _s0 = 1; // the all-zero state is the generator's only fixed point
    }

    /// <summary>The stream for (run seed, entity, purpose).</summary>
    public static RandomStream For(ulong runSeed, long entityId, string purpose) =>
        new(StreamId.Derive(runSeed, entityId, StreamId.HashPurpose(purpose)));

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

    /// <summary>Exponential variate with the given mean (inverse transform on 1 - U, so never log(0)).</summary>
    public double NextExponential(double mean)
    {
        if (!(mean >= 0) || double.IsInfinity(mean)) throw new ArgumentOutOfRangeException(nameof(mean), mean, "the mean must be finite and >= 0");
        return -mean * Math.Log(1.0 - NextDouble());
    }

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool NextBernoulli(double p) => NextDouble() < p;

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
