namespace FgsActors.Models.Generative.Diffusion;

/// <summary>
/// The fixed sinusoidal encoding of a diffusion time step that the U-Net's time MLP reads: the Transformer's position
/// encoding (Vaswani et al., NeurIPS 2017) as Ho et al. (2020) use it for t: with h = d / 2 frequencies
/// f_i = 10000^(−i / (h − 1)), i = 0 … h − 1, the vector is [sin(t·f_0) … sin(t·f_{h−1}), cos(t·f_0) … cos(t·f_{h−1})]
/// (Ho et al.'s reference code: sines first, then cosines, and h − 1 in the exponent). Computed in double on the CPU
/// and handed to torch as a float tensor, so no torch op with scalar arguments is involved.
/// </summary>
public static class SinusoidalTimeEmbedding
{
    /// <summary>Base of the geometric frequency ladder (Vaswani et al. 2017).</summary>
    public const double MaxPeriod = 10000.0;

    /// <summary>
    /// The encodings of <paramref name="steps"/>, row after row: steps.Length × <paramref name="dimension"/> floats.
    /// </summary>
    /// <param name="steps">Time steps (any non-negative integers).</param>
    /// <param name="dimension">d, even and at least 4 (so that h − 1 ≥ 1).</param>
    public static float[] Compute(ReadOnlySpan<int> steps, int dimension)
    {
        if (dimension < 4 || dimension % 2 != 0)
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "the time embedding needs an even dimension ≥ 4");
        var half = dimension / 2;
        var frequencies = new double[half];
        for (var i = 0; i < half; i++)
            frequencies[i] = Math.Exp(-Math.Log(MaxPeriod) * i / (half - 1));
        var result = new float[steps.Length * dimension];
        for (var row = 0; row < steps.Length; row++)
        {
            if (steps[row] < 0)
                throw new ArgumentOutOfRangeException(nameof(steps), steps[row], "time steps must be ≥ 0");
            var offset = row * dimension;
            for (var i = 0; i < half; i++)
            {
                var angle = steps[row] * frequencies[i];
                result[offset + i] = (float)Math.Sin(angle);
                result[offset + half + i] = (float)Math.Cos(angle);
            }
        }
        return result;
    }
}
