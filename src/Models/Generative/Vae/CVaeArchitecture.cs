using FgsActors.Models.Hardware;
using FgsActors.Models.Learning;

namespace FgsActors.Models.Generative.Vae;

/// <summary>
/// The shapes of <see cref="ConditionalVae"/>'s two MLPs, the fully connected conditional VAE of Sohn, Lee and Yan
/// ("Learning Structured Output Representation using Deep Conditional Generative Models", NeurIPS 2015) with the
/// one-hidden-layer encoder and decoder of Kingma and Welling ("Auto-Encoding Variational Bayes", ICLR 2014, §5 and
/// appendix C: 400 hidden units, Bernoulli decoder for binarised MNIST; their latent sizes run 2–20):
/// <list type="bullet">
/// <item>encoder: [x (pixels); one-hot y] → <c>encoder_hidden</c> (hidden) → ReLU → <c>encoder_mean</c> (μ, latent)
/// and <c>encoder_log_variance</c> (log σ², latent);</item>
/// <item>decoder: [z; one-hot y] → <c>decoder_hidden</c> (hidden) → ReLU → <c>decoder_output</c> (pixels logits).</item>
/// </list>
/// ReLU replaces the paper's tanh, as in most current implementations (PyTorch's VAE example among them).
/// </summary>
internal sealed class CVaeArchitecture
{
    public CVaeArchitecture(FeatureShape image, int classes, int latent, int hidden)
    {
        Image = image;
        Pixels = image.Elements;
        Classes = classes;
        Latent = latent;
        Hidden = hidden;
        Encoder =
        [
            GenerativeLayer.Dense("encoder_hidden", Pixels + classes, hidden),
            GenerativeLayer.Dense("encoder_mean", hidden, latent),
            GenerativeLayer.Dense("encoder_log_variance", hidden, latent),
        ];
        Decoder =
        [
            GenerativeLayer.Dense("decoder_hidden", latent + classes, hidden),
            GenerativeLayer.Dense("decoder_output", hidden, Pixels),
        ];
        Layers = [.. Encoder, .. Decoder];
        ParameterCount = checked(Layers.Sum(l => l.Parameters));
        Profile = ComputeProfile();
    }

    public FeatureShape Image { get; }

    /// <summary>Values per image (C·H·W).</summary>
    public int Pixels { get; }

    public int Classes { get; }

    public int Latent { get; }

    public int Hidden { get; }

    public IReadOnlyList<GenerativeLayer> Encoder { get; }

    public IReadOnlyList<GenerativeLayer> Decoder { get; }

    /// <summary>All layers in registration (flat-weight) order: encoder, then decoder.</summary>
    public IReadOnlyList<GenerativeLayer> Layers { get; }

    public int ParameterCount { get; }

    public GenerativeProfile Profile { get; }

    /// <summary>
    /// Training: forward and backward of encoder and decoder once per sample, 3 × forward FLOPs
    /// (<see cref="ModelProfile.TrainingToForwardRatio"/>). Activations: the outputs kept for the backward pass — the
    /// encoder's input concatenation (pixels + classes), hidden layer and its ReLU (2·hidden), μ and log σ²
    /// (2·latent), the reparameterisation's ½·log σ², σ and z (3·latent), the decoder's input concatenation
    /// (latent + classes), hidden layer and ReLU (2·hidden) and the logits (pixels); the loss's per-pixel terms are
    /// left out. Sampling: the decoder's forward pass once per image.
    /// </summary>
    private GenerativeProfile ComputeProfile()
    {
        var forward = Layers.Sum(l => l.ForwardFlops);
        var sampling = Decoder.Sum(l => l.ForwardFlops);
        long activations = (Pixels + Classes) + 2L * Hidden + 2L * Latent + 3L * Latent + (Latent + Classes) + 2L * Hidden + Pixels;
        return new GenerativeProfile(ParameterCount, ModelProfile.TrainingToForwardRatio * forward,
            activations * ModelProfile.BytesPerValue, OptimizerState.Adam, sampling);
    }
}
