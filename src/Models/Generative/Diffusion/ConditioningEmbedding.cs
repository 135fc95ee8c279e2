using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FgsActors.Models.Generative.Diffusion;

/// <summary>
/// What the U-Net is told besides the noisy image: the time step and the class. The time step's sinusoidal encoding
/// (<see cref="SinusoidalTimeEmbedding"/>, d values) goes through Linear(d → E), SiLU, Linear(E → E) (Ho et al. 2020's
/// time MLP), and a learned class vector (a row of an E-wide embedding table, equivalent to one-hot → linear without
/// bias) is added to it, as in the class-conditional models of Dhariwal and Nichol ("Diffusion Models Beat GANs on Image
/// Synthesis", NeurIPS 2021: <c>emb = time_embed(t) + label_emb(y)</c>). Every residual block reads this E-vector.
/// </summary>
internal sealed class ConditioningEmbedding : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Linear _time1;
    private readonly Linear _time2;
    private readonly Embedding _label;
    private readonly Scalar _one;

    /// <param name="timeFeatures">d, the width of the sinusoidal encoding.</param>
    /// <param name="width">E, the width of the conditioning vector.</param>
    /// <param name="classes">Number of classes (rows of the label table).</param>
    /// <param name="one">The constant 1 for additions, owned by the caller (see <see cref="DiffusionUNet"/>).</param>
    public ConditioningEmbedding(int timeFeatures, int width, int classes, Scalar one) : base(nameof(ConditioningEmbedding))
    {
        _time1 = nn.Linear(timeFeatures, width);
        _time2 = nn.Linear(width, width);
        _label = nn.Embedding(classes, width);
        _one = one;
        register_module("time1", _time1);
        register_module("time2", _time2);
        register_module("label", _label);
    }

    /// <param name="timeFeatures">n × d sinusoidal encodings.</param>
    /// <param name="labels">n class indices (int64).</param>
    /// <returns>n × E conditioning vectors.</returns>
    public override Tensor forward(Tensor timeFeatures, Tensor labels)
    {
        var time = _time2.forward(nn.functional.silu(_time1.forward(timeFeatures)));
        return time.add(_label.forward(labels), _one);
    }
}
