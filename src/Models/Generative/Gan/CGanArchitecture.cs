using FgsActors.Models.Hardware;
using FgsActors.Models.Learning;

namespace FgsActors.Models.Generative.Gan;

/// <summary>
/// The shapes of <see cref="ConditionalGan"/>'s networks: a conditional GAN (Mirza and Osindero, "Conditional
/// Generative Adversarial Nets", 2014) with DCGAN-style convolutional networks (Radford, Metz and Chintala, ICLR 2016)
/// cut down for 28×28 images and CPUs. With generator width g and discriminator width d:
/// <list type="bullet">
/// <item>generator: [z (latent); one-hot y] → <c>project</c> (linear to 2g×7×7) → ReLU → <c>upsample</c>
/// (4×4 transposed convolution, stride 2, padding 1: g×14×14) → ReLU → <c>to_image</c> (4×4 transposed convolution,
/// stride 2, padding 1: 1×28×28) → tanh;</item>
/// <item>discriminator: [x; y as 10 constant label maps] (11×28×28) → <c>downsample</c> (4×4 convolution, stride 2,
/// padding 1: d×14×14) → LeakyReLU(0.2) → <c>reduce</c> (4×4 convolution, stride 2, padding 1: 2d×7×7) →
/// LeakyReLU(0.2) → <c>classify</c> (linear to one logit).</item>
/// </list>
/// No batch normalisation, unlike DCGAN: its running means and variances are buffers, not parameters, so FedGAN
/// (Rasouli, Sun and Rajagopal, arXiv 2006.07228), which averages the parameters, would leave them client-local; and
/// in the discriminator batch statistics would mix real and fake batches. The networks are shallow enough to train
/// without it (DCGAN's other recommendations are kept: strided convolutions instead of pooling, ReLU in the generator,
/// LeakyReLU 0.2 in the discriminator, tanh output, N(0, 0.02) weights, Adam with β1 = 0.5).
/// </summary>
internal sealed class CGanArchitecture
{
    /// <summary>Side of the generator's first feature map and of the discriminator's last (28 / 4).</summary>
    public const int CoarseSide = 7;

    /// <summary>Side after one stride-2 layer.</summary>
    public const int MiddleSide = 14;

    /// <summary>Kernel of every (transposed) convolution, DCGAN's 4×4 with stride 2 and padding 1 (exact halving/doubling).</summary>
    public const int Kernel = 4;

    public CGanArchitecture(int latent, int generatorWidth, int discriminatorWidth)
    {
        Image = new FeatureShape(1, ConditionalGan.ImageSide, ConditionalGan.ImageSide);
        Classes = ConditionalGan.ClassCount;
        Latent = latent;
        GeneratorWidth = generatorWidth;
        DiscriminatorWidth = discriminatorWidth;
        var side = ConditionalGan.ImageSide;
        Generator =
        [
            GenerativeLayer.Dense("project", latent + Classes, checked(2 * generatorWidth * CoarseSide * CoarseSide)),
            GenerativeLayer.TransposedConvolution("upsample", 2 * generatorWidth, generatorWidth, Kernel, CoarseSide, MiddleSide),
            GenerativeLayer.TransposedConvolution("to_image", generatorWidth, 1, Kernel, MiddleSide, side),
        ];
        Discriminator =
        [
            GenerativeLayer.Convolution("downsample", 1 + Classes, discriminatorWidth, Kernel, MiddleSide),
            GenerativeLayer.Convolution("reduce", discriminatorWidth, 2 * discriminatorWidth, Kernel, CoarseSide),
            GenerativeLayer.Dense("classify", checked(2 * discriminatorWidth * CoarseSide * CoarseSide), 1),
        ];
        GeneratorParameterCount = checked(Generator.Sum(l => l.Parameters));
        DiscriminatorParameterCount = checked(Discriminator.Sum(l => l.Parameters));
        ParameterCount = checked(GeneratorParameterCount + DiscriminatorParameterCount);
        Profile = ComputeProfile();
    }

    public FeatureShape Image { get; }

    public int Classes { get; }

    public int Latent { get; }

    public int GeneratorWidth { get; }

    public int DiscriminatorWidth { get; }

    /// <summary>Generator layers in registration order.</summary>
    public IReadOnlyList<GenerativeLayer> Generator { get; }

    /// <summary>Discriminator layers in registration order.</summary>
    public IReadOnlyList<GenerativeLayer> Discriminator { get; }

    public int GeneratorParameterCount { get; }

    public int DiscriminatorParameterCount { get; }

    /// <summary>Generator + discriminator parameters: the flat vector holds the generator's first.</summary>
    public int ParameterCount { get; }

    public GenerativeProfile Profile { get; }

    /// <summary>Values the generator keeps per sample for its backward pass: input concatenation, each layer's output and its activation.</summary>
    public long GeneratorActivationFloats => (Latent + Classes) + 2L * Generator.Sum(l => (long)l.OutputElements);

    /// <summary>
    /// Values one discriminator pass keeps per sample: the 11-channel input with its label maps, each convolution's
    /// output and its LeakyReLU, and the logit.
    /// </summary>
    public long DiscriminatorActivationFloats =>
        (1L + Classes) * Image.Elements + 2L * (Discriminator[0].OutputElements + Discriminator[1].OutputElements) + Discriminator[2].OutputElements;

    /// <summary>
    /// Per training sample and step (<see cref="ConditionalGan.Train"/>): the generator makes the fake once (forward) and
    /// is back-propagated once through the discriminator (backward), 3 × its forward FLOPs; the discriminator runs
    /// forward and backward three times — on the real image and on the detached fake for its own update, and on the
    /// fake again for the generator's loss — 3 × 3 × its forward FLOPs (each backward counted as 2 × forward, as in
    /// <see cref="ModelProfile"/>, although a backward to a detached or data input skips the input gradient of the
    /// first layer). Activations: the peak, during the discriminator's update, when the generator's graph and two
    /// discriminator graphs (real and fake) are alive. Sampling: one generator forward pass per image.
    /// </summary>
    private GenerativeProfile ComputeProfile()
    {
        var generatorForward = Generator.Sum(l => l.ForwardFlops);
        var discriminatorForward = Discriminator.Sum(l => l.ForwardFlops);
        var ratio = ModelProfile.TrainingToForwardRatio;
        var training = ratio * generatorForward + 3 * ratio * discriminatorForward;
        var activations = GeneratorActivationFloats + 2 * DiscriminatorActivationFloats;
        return new GenerativeProfile(ParameterCount, training, activations * ModelProfile.BytesPerValue, OptimizerState.Adam, generatorForward);
    }
}
