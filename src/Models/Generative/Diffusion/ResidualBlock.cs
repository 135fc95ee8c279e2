using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FgsActors.Models.Generative.Diffusion;

/// <summary>
/// The residual block of the DDPM U-Net (Ho et al. 2020, after the Wide ResNet of Zagoruyko and Komodakis, 2016):
/// h = conv1(SiLU(GroupNorm(x))) + Linear(SiLU(emb)) broadcast over the pixels; h = conv2(SiLU(GroupNorm(h)));
/// output = skip(x) + h, where skip is a 1×1 convolution when the channel count changes and the identity otherwise.
/// Convolutions are 3×3 with padding 1 (resolution unchanged). GroupNorm (Wu and He, ECCV 2018) instead of
/// BatchNorm: its only state is the affine parameters, which are federated with the rest, whereas BatchNorm's running
/// statistics are buffers that would not be. Dropout (Ho et al. use 0.1 on CIFAR-10) is left out: it would need
/// torch's global generator, and the federated model is too small to over-fit in a round.
/// </summary>
internal sealed class ResidualBlock : nn.Module<Tensor, Tensor, Tensor>
{
    /// <summary>Groups of every GroupNorm (channel counts must be multiples of it).</summary>
    public const int NormGroups = 8;

    private readonly GroupNorm _norm1;
    private readonly Conv2d _conv1;
    private readonly Linear _embedding;
    private readonly GroupNorm _norm2;
    private readonly Conv2d _conv2;
    private readonly Conv2d? _skip;
    private readonly Scalar _one;

    /// <param name="inputChannels">Channels in.</param>
    /// <param name="outputChannels">Channels out.</param>
    /// <param name="embeddingWidth">E, the width of the conditioning vector.</param>
    /// <param name="one">The constant 1 for additions, owned by the caller.</param>
    public ResidualBlock(int inputChannels, int outputChannels, int embeddingWidth, Scalar one) : base(nameof(ResidualBlock))
    {
        _norm1 = nn.GroupNorm(NormGroups, inputChannels);
        _conv1 = nn.Conv2d(inputChannels, outputChannels, 3, padding: 1);
        _embedding = nn.Linear(embeddingWidth, outputChannels);
        _norm2 = nn.GroupNorm(NormGroups, outputChannels);
        _conv2 = nn.Conv2d(outputChannels, outputChannels, 3, padding: 1);
        _skip = inputChannels == outputChannels ? null : nn.Conv2d(inputChannels, outputChannels, 1);
        _one = one;
        register_module("norm1", _norm1);
        register_module("conv1", _conv1);
        register_module("embedding", _embedding);
        register_module("norm2", _norm2);
        register_module(ZeroInitialisedConvolution, _conv2);
        if (_skip is not null)
            register_module("skip", _skip);
    }

    /// <summary>
    /// Name of the block's last convolution, which starts at zero (Ho et al.'s reference code, <c>init_scale=0</c>), so
    /// that every block starts as the identity and the untrained network is a shallow, well-conditioned one.
    /// </summary>
    public const string ZeroInitialisedConvolution = "conv2";

    /// <param name="x">n × C_in × h × w.</param>
    /// <param name="activatedEmbedding">SiLU(emb), n × E (the activation is shared by all blocks, so applied once by the caller).</param>
    public override Tensor forward(Tensor x, Tensor activatedEmbedding)
    {
        var h = _conv1.forward(nn.functional.silu(_norm1.forward(x)));
        var shift = _embedding.forward(activatedEmbedding).unsqueeze(-1).unsqueeze(-1);
        h = h.add(shift, _one);
        h = _conv2.forward(nn.functional.silu(_norm2.forward(h)));
        var skip = _skip is null ? x : _skip.forward(x);
        return skip.add(h, _one);
    }

    /// <summary>Multiply-adds and activation floats of one sample's forward pass at <paramref name="pixels"/> = h·w.</summary>
    public static UNetCost Cost(int inputChannels, int outputChannels, int embeddingWidth, int pixels)
    {
        long input = (long)inputChannels * pixels, output = (long)outputChannels * pixels;
        var cost = UNetCost.Tensor(2 * input)                                  // norm1, SiLU
            + UNetCost.Convolution(inputChannels, outputChannels, 3, pixels)   // conv1
            + UNetCost.Dense(embeddingWidth, outputChannels)                   // the shift
            + UNetCost.Tensor(3 * output)                                      // shift added, norm2, SiLU
            + UNetCost.Convolution(outputChannels, outputChannels, 3, pixels)  // conv2
            + UNetCost.Tensor(output);                                         // residual sum
        return inputChannels == outputChannels ? cost : cost + UNetCost.Convolution(inputChannels, outputChannels, 1, pixels);
    }
}
