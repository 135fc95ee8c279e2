using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FgsActors.Models.Generative.Gan;

/// <summary>
/// The generator G(z, y) of <see cref="CGanArchitecture"/>: n × latent codes and n × classes one-hot codes to
/// n × 1 × 28 × 28 images in (−1, 1). Submodules are registered in <see cref="CGanArchitecture.Generator"/> order,
/// which fixes the generator's part of the flat weights. Uses no scalar arguments (see <see cref="AdamOptimizer"/>).
/// </summary>
internal sealed class CGanGenerator : nn.Module
{
    private readonly Linear _project;
    private readonly ConvTranspose2d _upsample;
    private readonly ConvTranspose2d _toImage;
    private readonly long _coarseChannels;

    public CGanGenerator(CGanArchitecture architecture) : base("generator")
    {
        var width = architecture.GeneratorWidth;
        var side = CGanArchitecture.CoarseSide;
        _coarseChannels = 2L * width;
        _project = nn.Linear(architecture.Latent + architecture.Classes, _coarseChannels * side * side);
        _upsample = nn.ConvTranspose2d(_coarseChannels, width, CGanArchitecture.Kernel, stride: 2, padding: 1);
        _toImage = nn.ConvTranspose2d(width, 1, CGanArchitecture.Kernel, stride: 2, padding: 1);
        register_module(architecture.Generator[0].Name, _project);
        register_module(architecture.Generator[1].Name, _upsample);
        register_module(architecture.Generator[2].Name, _toImage);
    }

    /// <summary>Images in (−1, 1): n × 1 × 28 × 28.</summary>
    public Tensor Generate(Tensor latent, Tensor oneHot)
    {
        var n = latent.shape[0];
        var side = CGanArchitecture.CoarseSide;
        var coarse = _project.forward(torch.cat([latent, oneHot], 1)).relu().view(n, _coarseChannels, side, side);
        var middle = _upsample.forward(coarse).relu();
        return _toImage.forward(middle).tanh();
    }
}
