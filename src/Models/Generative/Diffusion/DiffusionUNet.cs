using FgsActors.Models.Learning;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FgsActors.Models.Generative.Diffusion;

/// <summary>
/// The noise predictor ε_θ(x_t, t, y): a small U-Net (Ronneberger, Fischer and Brox, MICCAI 2015) in the style of Ho et
/// al. 2020, cut down to three resolutions and one residual block per level so that a training step of 64 images of
/// 28×28 costs a fraction of a second on one CPU core. With C base channels on an H×W image:
/// <code>
///   conv_in 3×3            c_img → C      H×W
///   down1  residual block  C → C          H×W      ─ skip s1 ─────────────┐
///   pool1  3×3, stride 2   C → C          H/2                             │
///   down2  residual block  C → 2C         H/2      ─ skip s2 ───────┐     │
///   pool2  3×3, stride 2   2C → 2C        H/4                       │     │
///   middle residual block  2C → 2C        H/4                       │     │
///   up2    2×2 transposed, stride 2  2C → 2C  H/2                   │     │
///   up2_block  residual block  [up2, s2] 4C → 2C  H/2  ◄────────────┘     │
///   up1    2×2 transposed, stride 2  2C → C   H                           │
///   up1_block  residual block  [up1, s1] 2C → C   H    ◄──────────────────┘
///   out    GroupNorm, SiLU, 3×3 conv  C → c_img   H×W
/// </code>
/// Every residual block adds a projection of the conditioning vector (time step + class, width E = 4C as in Ho et al.,
/// <see cref="ConditioningEmbedding"/>). Down-sampling by strided convolution and up-sampling by a stride-2 2×2
/// transposed convolution (which does not overlap, hence no checkerboard) rather than Ho et al.'s nearest-neighbour +
/// 3×3 convolution, which at full resolution would cost as much as a residual block. No attention layers: at 7×7 they
/// add little, and Ho et al. use them only at 16×16. H and W must be multiples of 4.
/// </summary>
internal sealed class DiffusionUNet : nn.Module<Tensor, Tensor, Tensor, Tensor>
{
    /// <summary>Module name of the output convolution, which starts at zero (Ho et al.'s reference code).</summary>
    public const string OutputConvolution = "out_conv";

    private readonly Conv2d _inputConvolution;
    private readonly ConditioningEmbedding _conditioning;
    private readonly ResidualBlock _down1;
    private readonly Conv2d _pool1;
    private readonly ResidualBlock _down2;
    private readonly Conv2d _pool2;
    private readonly ResidualBlock _middle;
    private readonly ConvTranspose2d _up2;
    private readonly ResidualBlock _up2Block;
    private readonly ConvTranspose2d _up1;
    private readonly ResidualBlock _up1Block;
    private readonly GroupNorm _outputNorm;
    private readonly Conv2d _outputConvolution;
    private readonly Scalar _one;

    public DiffusionUNet(UNetShape shape) : base(nameof(DiffusionUNet))
    {
        ArgumentNullException.ThrowIfNull(shape);
        var c = shape.BaseChannels;
        var e = shape.EmbeddingWidth;
        var imageChannels = shape.Image.Channels;
        _one = 1.0.ToScalar();
        _conditioning = new ConditioningEmbedding(shape.TimeFeatures, e, shape.Classes, _one);
        _inputConvolution = nn.Conv2d(imageChannels, c, 3, padding: 1);
        _down1 = new ResidualBlock(c, c, e, _one);
        _pool1 = nn.Conv2d(c, c, 3, stride: 2, padding: 1);
        _down2 = new ResidualBlock(c, 2 * c, e, _one);
        _pool2 = nn.Conv2d(2 * c, 2 * c, 3, stride: 2, padding: 1);
        _middle = new ResidualBlock(2 * c, 2 * c, e, _one);
        _up2 = nn.ConvTranspose2d(2 * c, 2 * c, 2, stride: 2);
        _up2Block = new ResidualBlock(4 * c, 2 * c, e, _one);
        _up1 = nn.ConvTranspose2d(2 * c, c, 2, stride: 2);
        _up1Block = new ResidualBlock(2 * c, c, e, _one);
        _outputNorm = nn.GroupNorm(ResidualBlock.NormGroups, c);
        _outputConvolution = nn.Conv2d(c, imageChannels, 3, padding: 1);
        // Registration order is the flat-weight order.
        register_module("conditioning", _conditioning);
        register_module("in_conv", _inputConvolution);
        register_module("down1", _down1);
        register_module("pool1", _pool1);
        register_module("down2", _down2);
        register_module("pool2", _pool2);
        register_module("middle", _middle);
        register_module("up2", _up2);
        register_module("up2_block", _up2Block);
        register_module("up1", _up1);
        register_module("up1_block", _up1Block);
        register_module("out_norm", _outputNorm);
        register_module(OutputConvolution, _outputConvolution);
    }

    /// <param name="noisy">x_t, n × c_img × H × W.</param>
    /// <param name="timeFeatures">The sinusoidal encodings of the n time steps, n × d.</param>
    /// <param name="labels">n class indices (int64).</param>
    /// <returns>The predicted noise ε, shaped like <paramref name="noisy"/>.</returns>
    public override Tensor forward(Tensor noisy, Tensor timeFeatures, Tensor labels)
    {
        var emb = nn.functional.silu(_conditioning.forward(timeFeatures, labels));
        var skip1 = _down1.forward(_inputConvolution.forward(noisy), emb);
        var skip2 = _down2.forward(_pool1.forward(skip1), emb);
        var h = _middle.forward(_pool2.forward(skip2), emb);
        h = _up2Block.forward(torch.cat([_up2.forward(h), skip2], 1), emb);
        h = _up1Block.forward(torch.cat([_up1.forward(h), skip1], 1), emb);
        return _outputConvolution.forward(nn.functional.silu(_outputNorm.forward(h)));
    }

    /// <summary>The forward cost of one sample through a U-Net of <paramref name="shape"/>, layer by layer as built above.</summary>
    public static UNetCost Cost(UNetShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var c = shape.BaseChannels;
        var e = shape.EmbeddingWidth;
        var imageChannels = shape.Image.Channels;
        var full = shape.Image.Height * shape.Image.Width;
        var half = full / 4;
        var quarter = full / 16;
        var conditioning = UNetCost.Dense(shape.TimeFeatures, e) + UNetCost.Tensor(e) // time1, SiLU
            + UNetCost.Dense(e, e) + UNetCost.Tensor(3L * e);                          // time2, label row, sum, SiLU
        return conditioning
            + UNetCost.Convolution(imageChannels, c, 3, full)
            + ResidualBlock.Cost(c, c, e, full)
            + UNetCost.Convolution(c, c, 3, half)
            + ResidualBlock.Cost(c, 2 * c, e, half)
            + UNetCost.Convolution(2 * c, 2 * c, 3, quarter)
            + ResidualBlock.Cost(2 * c, 2 * c, e, quarter)
            + UNetCost.TransposedConvolution(2 * c, 2 * c, 2, quarter, half)
            + UNetCost.Tensor(4L * c * half)                 // concatenation
            + ResidualBlock.Cost(4 * c, 2 * c, e, half)
            + UNetCost.TransposedConvolution(2 * c, c, 2, half, full)
            + UNetCost.Tensor(2L * c * full)
            + ResidualBlock.Cost(2 * c, c, e, full)
            + UNetCost.Tensor(2L * c * full)                 // out_norm, SiLU
            + UNetCost.Convolution(c, imageChannels, 3, full);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
            _one.Dispose();
    }
}
