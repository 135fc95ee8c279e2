using FgsActors.Models.Randomness;

namespace FgsActors.Models.Generative.Diffusion;

/// <summary>
/// Standard normal draws from a <see cref="Xoshiro256StarStar"/> stream (never torch's global generator), by the
/// Box–Muller transform (Box and Muller, "A Note on the Generation of Random Normal Deviates", 1958): two uniforms give
/// two independent normals, z₀ = √(−2 ln u₁)·cos(2π u₂) and z₁ = √(−2 ln u₁)·sin(2π u₂). Exact, branch-free and
/// reproducible across platforms (unlike a table-based ziggurat, its result depends only on Math.Log/Cos/Sin).
/// </summary>
public static class GaussianNoise
{
    /// <summary>
    /// Fills <paramref name="destination"/> with N(0, 1) draws, consuming two uniforms per pair of values (and two for
    /// a final odd value, whose second normal is discarded), so the stream advances by 2·⌈n/2⌉ draws.
    /// </summary>
    public static void Fill(Xoshiro256StarStar random, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(random);
        for (var i = 0; i < destination.Length; i += 2)
        {
            // 1 − u is in (0, 1], so the logarithm is finite.
            var radius = Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble()));
            var angle = 2.0 * Math.PI * random.NextDouble();
            destination[i] = (float)(radius * Math.Cos(angle));
            if (i + 1 < destination.Length)
                destination[i + 1] = (float)(radius * Math.Sin(angle));
        }
    }
}
