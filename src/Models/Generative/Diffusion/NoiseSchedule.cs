namespace FgsActors.Models.Generative.Diffusion;

/// <summary>
/// The forward (noising) process of a denoising diffusion model (Ho, Jain and Abbeel, "Denoising Diffusion
/// Probabilistic Models", NeurIPS 2020): T steps t = 0 … T − 1 with variances β_t, and the cumulative products
/// ᾱ_t = ∏_{s ≤ t} (1 − β_s), so that x_t = √ᾱ_t·x_0 + √(1 − ᾱ_t)·ε with ε ~ N(0, I). Time steps are 0-based here (Ho
/// et al. number them 1 … T). Everything is kept in double: ᾱ_t of late steps is tiny, and the sampler divides by √ᾱ_t.
/// <para>
/// Linear schedule, not the cosine one of Nichol and Dhariwal (ICML 2021): the linear one is the one of Ho et al.,
/// whose values can be checked by hand; the cosine schedule mainly helps log-likelihood and 64×64+ images, where the
/// linear one wastes its last steps on pure noise, while for 28×28 grey images the linear schedule is what DDPM/DDIM
/// reference code on MNIST-like data uses. Ho et al. go from β = 10⁻⁴ to 0.02 over T = 1000 steps; for a shorter
/// chain both ends are multiplied by 1000 / T, as in the "linear" schedule of Nichol and Dhariwal's reference code,
/// so that Σβ_t (and hence ᾱ_{T−1} ≈ 4·10⁻⁵, i.e. x_{T−1} is almost pure noise) stays about the same for any T.
/// </para>
/// </summary>
public sealed class NoiseSchedule
{
    /// <summary>β of the first step at the reference length <see cref="ReferenceSteps"/> (Ho et al. 2020, §4).</summary>
    public const double ReferenceBetaStart = 1e-4;

    /// <summary>β of the last step at the reference length <see cref="ReferenceSteps"/> (Ho et al. 2020, §4).</summary>
    public const double ReferenceBetaEnd = 0.02;

    /// <summary>T of Ho et al.'s experiments, for which the β range above was chosen.</summary>
    public const int ReferenceSteps = 1000;

    /// <summary>The shortest chain whose scaled last β, 20 / T, is below 1.</summary>
    public const int MinimumSteps = 21;

    private readonly double[] _betas;
    private readonly double[] _alphaBars;

    private NoiseSchedule(double[] betas)
    {
        _betas = betas;
        _alphaBars = new double[betas.Length];
        var product = 1.0;
        for (var t = 0; t < betas.Length; t++)
        {
            product *= 1 - betas[t];
            _alphaBars[t] = product;
        }
    }

    /// <summary>
    /// β_t linear from 10⁻⁴·s to 0.02·s with s = 1000 / <paramref name="steps"/>: β_t = β_0 + (β_{T−1} − β_0)·t / (T − 1).
    /// </summary>
    /// <param name="steps">T, in [<see cref="MinimumSteps"/>, 1000]: beyond 1000 the scaled β_{T−1} would fall below Ho et
    /// al.'s end value, and below 21 it would reach 20 / T ≥ 1, a step that destroys the image entirely (ᾱ = 0).</param>
    public static NoiseSchedule Linear(int steps)
    {
        if (steps < MinimumSteps || steps > ReferenceSteps)
            throw new ArgumentOutOfRangeException(nameof(steps), steps,
                $"diffusion steps must be in [{MinimumSteps}, {ReferenceSteps}] (β of the last step is 20 / T and must stay below 1)");
        var scale = (double)ReferenceSteps / steps;
        double start = ReferenceBetaStart * scale, end = ReferenceBetaEnd * scale;
        var betas = new double[steps];
        for (var t = 0; t < steps; t++)
            betas[t] = start + (end - start) * t / (steps - 1);
        return new NoiseSchedule(betas);
    }

    /// <summary>T, the number of diffusion steps.</summary>
    public int Steps => _betas.Length;

    /// <summary>β_t, the variance added at step t.</summary>
    public IReadOnlyList<double> Betas => _betas;

    /// <summary>ᾱ_t = ∏_{s ≤ t} (1 − β_s), the signal variance left after step t.</summary>
    public IReadOnlyList<double> AlphaBars => _alphaBars;

    /// <summary>ᾱ_t; by convention ᾱ_{−1} = 1 (the clean image), the target of the sampler's last step.</summary>
    public double AlphaBar(int t)
    {
        if (t == -1)
            return 1.0;
        if ((uint)t >= (uint)_alphaBars.Length)
            throw new ArgumentOutOfRangeException(nameof(t), t, $"time step must be in [-1, {_alphaBars.Length})");
        return _alphaBars[t];
    }
}
