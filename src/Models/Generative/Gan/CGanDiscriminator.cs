using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FgsActors.Models.Generative.Gan;

/// <summary>
/// The discriminator D(x, y) of <see cref="CGanArchitecture"/>: one real-vs-fake logit per image. The label enters as
/// ten constant input channels (channel y is all ones), the image-conditioning of conditional DCGANs, so every filter of
/// the first layer sees the class. Submodules are registered in <see cref="CGanArchitecture.Discriminator"/> order.
/// <para>
/// The LeakyReLU slope is a <see cref="Scalar"/> field that lives until <see cref="Dispose(bool)"/>: a temporary one
/// could be freed by a garbage collection on another thread mid-call (see <see cref="AdamOptimizer"/>).
/// </para>
/// </summary>
internal sealed class CGanDiscriminator : nn.Module
{
    /// <summary>LeakyReLU's negative slope (DCGAN, Radford et al. 2016, §3).</summary>
    public const double LeakySlope = 0.2;

    private readonly Conv2d _downsample;
    private readonly Conv2d _reduce;
    private readonly Linear _classify;
    private readonly Scalar _slope = LeakySlope.ToScalar();
    private readonly long _classes;
    private readonly long _side;

    public CGanDiscriminator(CGanArchitecture architecture) : base("discriminator")
    {
        var width = architecture.DiscriminatorWidth;
        var coarse = CGanArchitecture.CoarseSide;
        _classes = architecture.Classes;
        _side = architecture.Image.Height;
        _downsample = nn.Conv2d(1 + _classes, width, CGanArchitecture.Kernel, stride: 2, padding: 1);
        _reduce = nn.Conv2d(width, 2L * width, CGanArchitecture.Kernel, stride: 2, padding: 1);
        _classify = nn.Linear(2L * width * coarse * coarse, 1);
        register_module(architecture.Discriminator[0].Name, _downsample);
        register_module(architecture.Discriminator[1].Name, _reduce);
        register_module(architecture.Discriminator[2].Name, _classify);
    }

    /// <summary>Logits n × 1 for images n × 1 × 28 × 28 in [−1, 1] and one-hot labels n × classes.</summary>
    public Tensor Logits(Tensor images, Tensor oneHot)
    {
        var n = images.shape[0];
        var labelMaps = oneHot.view(n, _classes, 1, 1).expand(n, _classes, _side, _side);
        var middle = _downsample.forward(torch.cat([images, labelMaps], 1)).leaky_relu(_slope);
        var coarse = _reduce.forward(middle).leaky_relu(_slope);
        return _classify.forward(coarse.flatten(1));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _slope.Dispose();
        base.Dispose(disposing);
    }
}
