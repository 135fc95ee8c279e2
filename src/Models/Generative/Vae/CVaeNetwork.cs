using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FgsActors.Models.Generative.Vae;

/// <summary>
/// The TorchSharp module of <see cref="CVaeArchitecture"/>: encoder q(z | x, y), decoder p(x | z, y) and the
/// negative ELBO. Submodules are registered in <see cref="CVaeArchitecture.Layers"/> order, which fixes the flat
/// weight layout.
/// <para>
/// Scalar-safe: TorchSharp turns a C# number passed to a native op (including the implicit alpha = 1 of
/// <c>Tensor + Tensor</c>) into a temporary <see cref="Scalar"/> that a garbage collection on another thread may free
/// mid-call (see <see cref="AdamOptimizer"/>). Every scalar used here is a field that lives until <see cref="Dispose(bool)"/>.
/// </para>
/// </summary>
internal sealed class CVaeNetwork : nn.Module
{
    private readonly Linear _encoderHidden;
    private readonly Linear _encoderMean;
    private readonly Linear _encoderLogVariance;
    private readonly Linear _decoderHidden;
    private readonly Linear _decoderOutput;
    private readonly Scalar _one = 1.0.ToScalar();
    private readonly Scalar _half = 0.5.ToScalar();

    public CVaeNetwork(CVaeArchitecture architecture) : base("cvae")
    {
        var layers = architecture.Layers;
        _encoderHidden = Register(layers[0], architecture.Pixels + architecture.Classes, architecture.Hidden);
        _encoderMean = Register(layers[1], architecture.Hidden, architecture.Latent);
        _encoderLogVariance = Register(layers[2], architecture.Hidden, architecture.Latent);
        _decoderHidden = Register(layers[3], architecture.Latent + architecture.Classes, architecture.Hidden);
        _decoderOutput = Register(layers[4], architecture.Hidden, architecture.Pixels);
    }

    /// <summary>q(z | x, y) = N(μ, diag σ²): <paramref name="pixels"/> n × pixels, <paramref name="oneHot"/> n × classes.</summary>
    public (Tensor Mean, Tensor LogVariance) Encode(Tensor pixels, Tensor oneHot)
    {
        var hidden = _encoderHidden.forward(torch.cat([pixels, oneHot], 1)).relu();
        return (_encoderMean.forward(hidden), _encoderLogVariance.forward(hidden));
    }

    /// <summary>The logits of the Bernoulli means of p(x | z, y): n × pixels.</summary>
    public Tensor DecodeLogits(Tensor latent, Tensor oneHot)
    {
        var hidden = _decoderHidden.forward(torch.cat([latent, oneHot], 1)).relu();
        return _decoderOutput.forward(hidden);
    }

    /// <summary>
    /// The negative ELBO averaged over the batch (Kingma and Welling 2014, eq. 10 with the Gaussian KL of appendix B):
    /// per image, −Σ_pixels [x·log x̂ + (1 − x)·log(1 − x̂)] + ½·Σ_latent (μ² + σ² − log σ² − 1), with
    /// z = μ + σ·ε (the reparameterisation trick) and ε = <paramref name="noise"/> (n × latent, N(0, 1) from the job's
    /// stream). Grey levels in [0, 1] are used directly as Bernoulli targets, the usual continuous relaxation.
    /// </summary>
    public Tensor NegativeElbo(Tensor pixels, Tensor oneHot, Tensor noise)
    {
        var (mean, logVariance) = Encode(pixels, oneHot);
        var deviation = logVariance.mul(_half).exp();
        var latent = mean.addcmul(deviation, noise, _one);
        var logits = DecodeLogits(latent, oneHot);
        var reconstruction = nn.functional.binary_cross_entropy_with_logits(logits, pixels, reduction: nn.Reduction.None).sum(1);
        // μ² + σ² − log σ² − 1 with σ² − 1 = expm1(log σ²), so no constant enters the graph.
        var divergenceTerms = mean.mul(mean).add(logVariance.expm1(), _one).sub(logVariance);
        return reconstruction.add(divergenceTerms.sum(1), _half).mean();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _one.Dispose();
            _half.Dispose();
        }
        base.Dispose(disposing);
    }

    private Linear Register(GenerativeLayer layer, int inputs, int outputs)
    {
        var module = nn.Linear(inputs, outputs);
        register_module(layer.Name, module);
        return module;
    }
}
