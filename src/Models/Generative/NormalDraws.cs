using FgsActors.Models.Randomness;

namespace FgsActors.Models.Generative;

/// <summary>
/// Standard normal draws for latent codes and reparameterisation noise, taken from the caller's xoshiro256** stream
/// rather than torch's global generator so that a job's noise depends on its seed alone.
/// <para>
/// Box–Muller (Box and Muller, "A note on the generation of random normal deviates", Ann. Math. Statist. 1958): two
/// uniforms u1 ∈ (0, 1], u2 ∈ [0, 1) give the two independent normals √(−2 ln u1)·cos(2πu2) and √(−2 ln u1)·sin(2πu2).
/// Both are used; an odd count drops the last sine. Computed in double and rounded to float32.
/// </para>
/// </summary>
public static class NormalDraws
{
    /// <summary>Fills <paramref name="destination"/> with N(0, 1) draws, consuming ⌈length / 2⌉ × 2 uniforms.</summary>
    public static void Fill(Xoshiro256StarStar random, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(random);
        for (var i = 0; i < destination.Length; i += 2)
        {
            var u1 = 1.0 - random.NextDouble(); // (0, 1]: the logarithm stays finite
            var u2 = random.NextDouble();
            var radius = Math.Sqrt(-2.0 * Math.Log(u1));
            var angle = 2.0 * Math.PI * u2;
            destination[i] = (float)(radius * Math.Cos(angle));
            if (i + 1 < destination.Length)
                destination[i + 1] = (float)(radius * Math.Sin(angle));
        }
    }

    /// <summary>A new array of <paramref name="count"/> N(0, 1) draws.</summary>
    public static float[] Draw(Xoshiro256StarStar random, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var result = new float[count];
        Fill(random, result);
        return result;
    }
}
