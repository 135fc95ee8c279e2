namespace FgsActors.Models.Generative.Diffusion;

/// <summary>
/// Deterministic DDIM sampling (Song, Meng and Ermon, "Denoising Diffusion Implicit Models", ICLR 2021, eq. 12 with
/// σ = 0, i.e. η = 0): from x_t and the predicted noise ε̂, the clean image is estimated as
/// x̂_0 = (x_t − √(1 − ᾱ_t)·ε̂) / √ᾱ_t, and the previous sub-sequence step is x_{t'} = √ᾱ_{t'}·x̂_0 + √(1 − ᾱ_{t'})·ε̂.
/// No noise is added along the way, so S network evaluations from S ≪ T steps suffice and the image is a deterministic
/// function of x_T.
/// <para>
/// x̂_0 is clipped to the data range [−1, 1] and ε̂ recomputed from the clipped x̂_0 before the step (as the
/// <c>clip_denoised</c> option of Nichol and Dhariwal's and Dhariwal and Nichol's reference samplers), which keeps early,
/// poorly predicted steps from throwing the trajectory out of range. The arithmetic runs in double on the CPU, one
/// element at a time: it is negligible next to the network and needs no torch op with scalar arguments.
/// </para>
/// </summary>
public static class DdimSampler
{
    /// <summary>
    /// The S time steps visited, ascending: τ_i = ⌊(i + 1)·T / S⌋ − 1 for i = 0 … S − 1, the "trailing" spacing of Lin et
    /// al. ("Common Diffusion Noise Schedules and Sample Steps are Flawed", WACV 2024, table 2), which always includes
    /// the last step T − 1, whose marginal is the N(0, I) the sampler starts from; with S = T it is every step.
    /// </summary>
    /// <param name="diffusionSteps">T ≥ 1.</param>
    /// <param name="samplingSteps">S in [1, T].</param>
    public static int[] TimeSteps(int diffusionSteps, int samplingSteps)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(diffusionSteps, 1);
        if (samplingSteps < 1 || samplingSteps > diffusionSteps)
            throw new ArgumentOutOfRangeException(nameof(samplingSteps), samplingSteps,
                $"sampling steps must be in [1, {diffusionSteps}] (the diffusion steps)");
        var steps = new int[samplingSteps];
        for (var i = 0; i < samplingSteps; i++)
            steps[i] = (int)((long)(i + 1) * diffusionSteps / samplingSteps) - 1;
        return steps;
    }

    /// <summary>
    /// One η = 0 step in place: <paramref name="x"/> holds x_t on entry and x_{t'} on return.
    /// </summary>
    /// <param name="x">x_t, overwritten with x_{t'}.</param>
    /// <param name="predictedNoise">ε̂ = ε_θ(x_t, t), same length.</param>
    /// <param name="alphaBar">ᾱ_t, in (0, 1).</param>
    /// <param name="alphaBarPrevious">ᾱ_{t'} of the next step to visit (1 for the last step: x_{t'} = x̂_0), in (0, 1].</param>
    public static void Step(Span<float> x, ReadOnlySpan<float> predictedNoise, double alphaBar, double alphaBarPrevious)
    {
        if (predictedNoise.Length != x.Length)
            throw new ArgumentException($"the noise holds {predictedNoise.Length} values, the image {x.Length}", nameof(predictedNoise));
        if (!(alphaBar > 0 && alphaBar < 1))
            throw new ArgumentOutOfRangeException(nameof(alphaBar), alphaBar, "ᾱ_t must be in (0, 1)");
        if (!(alphaBarPrevious > 0 && alphaBarPrevious <= 1))
            throw new ArgumentOutOfRangeException(nameof(alphaBarPrevious), alphaBarPrevious, "ᾱ_t' must be in (0, 1]");
        double signal = Math.Sqrt(alphaBar), noise = Math.Sqrt(1 - alphaBar);
        double signalPrevious = Math.Sqrt(alphaBarPrevious), noisePrevious = Math.Sqrt(1 - alphaBarPrevious);
        for (var i = 0; i < x.Length; i++)
        {
            var clean = Math.Clamp((x[i] - noise * predictedNoise[i]) / signal, -1.0, 1.0);
            var epsilon = (x[i] - signal * clean) / noise;
            x[i] = (float)(signalPrevious * clean + noisePrevious * epsilon);
        }
    }
}
