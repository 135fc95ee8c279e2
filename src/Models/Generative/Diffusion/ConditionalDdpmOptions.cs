using FgsActors.Models.Learning;

namespace FgsActors.Models.Generative.Diffusion;

/// <summary>
/// Sizes of a <see cref="ConditionalDdpm"/>. The defaults are those of the Fashion-MNIST model; tests shrink the width
/// and the step counts.
/// </summary>
public sealed record ConditionalDdpmOptions
{
    /// <summary>Fashion-MNIST's image: one grey channel, 28×28.</summary>
    public static readonly FeatureShape FashionMnistImage = new(1, 28, 28);

    /// <summary>
    /// T, diffusion steps of training (the noise schedule's length): 400 by default. Fewer than Ho et al.'s 1000 (the
    /// schedule is rescaled, <see cref="NoiseSchedule.Linear"/>): DDIM sampling visits only
    /// <see cref="SamplingSteps"/> of them anyway, and a coarser chain gives each step more training signal in the
    /// few thousand steps a federated run affords.
    /// </summary>
    public int DiffusionSteps { get; init; } = 400;

    /// <summary>S, DDIM steps (network evaluations) per generated image: 40 by default (Song et al. 2021 report most of
    /// the quality of 1000 steps from 50 on CIFAR-10).</summary>
    public int SamplingSteps { get; init; } = 40;

    /// <summary>
    /// C, U-Net channels at full resolution (2·C below): 32 by default, 426,369 parameters and 0.49 GFLOP per training
    /// sample, about 0.45–0.55 s per step of 64 images on one core of the development machine (a 2.1 GHz AVX-512 Xeon);
    /// C = 16 has a quarter of the parameters and takes about 0.3 s, as small channel counts use the core less well.
    /// </summary>
    public int BaseChannels { get; init; } = 32;

    /// <summary>Image shape, height and width multiples of 4: Fashion-MNIST's 1×28×28 by default.</summary>
    public FeatureShape Image { get; init; } = FashionMnistImage;

    /// <summary>Number of classes: 10 by default.</summary>
    public int Classes { get; init; } = 10;

    /// <summary>Images denoised together by <see cref="ConditionalDdpm.Sample"/>: 256 by default. It bounds memory; the
    /// noise each image starts from does not depend on it (results may differ in the last float bits, as the
    /// convolution kernels libtorch picks can depend on the batch size).</summary>
    public int SamplingBatch { get; init; } = 256;
}
