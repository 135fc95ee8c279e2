using FgsActors.Models.Learning;

namespace FgsActors.Models.Generative;

/// <summary>
/// Size and cost of one weighted layer of a generative network, from its shapes alone (no TorchSharp), for the
/// flat-weight layout, deterministic initialisation and the <see cref="GenerativeProfile"/>. Costs follow
/// <see cref="ModelProfile"/>: one multiply-add is 2 FLOPs, bias additions and element-wise activations are not counted.
/// </summary>
/// <param name="Name">The submodule's name; its parameters are "<c>Name</c>.weight" and "<c>Name</c>.bias".</param>
/// <param name="WeightElements">Elements of the weight tensor.</param>
/// <param name="BiasElements">Elements of the bias vector (one per output channel or feature).</param>
/// <param name="FanIn">PyTorch's fan-in of the weight (its default init bound is 1/√fan-in).</param>
/// <param name="MultiplyAdds">Multiply-adds of one forward pass per sample.</param>
/// <param name="OutputElements">Values the layer outputs per sample.</param>
internal sealed record GenerativeLayer(string Name, int WeightElements, int BiasElements, int FanIn, long MultiplyAdds, int OutputElements)
{
    /// <summary><c>nn.Linear(inputs, outputs)</c>: weight outputs × inputs, inputs·outputs multiply-adds.</summary>
    public static GenerativeLayer Dense(string name, int inputs, int outputs) =>
        new(name, checked(inputs * outputs), outputs, inputs, (long)inputs * outputs, outputs);

    /// <summary>
    /// <c>nn.Conv2d(inChannels, outChannels, kernel)</c> on a square map: weight C_out × C_in × k × k,
    /// k²·C_in·C_out·H_out·W_out multiply-adds.
    /// </summary>
    public static GenerativeLayer Convolution(string name, int inChannels, int outChannels, int kernel, int outSide) =>
        new(name, checked(outChannels * inChannels * kernel * kernel), outChannels, inChannels * kernel * kernel,
            (long)kernel * kernel * inChannels * outChannels * outSide * outSide, checked(outChannels * outSide * outSide));

    /// <summary>
    /// <c>nn.ConvTranspose2d(inChannels, outChannels, kernel)</c> from an inSide² map to an outSide² map: weight
    /// C_in × C_out × k × k (PyTorch reads dimension 1 as the fan-in, C_out·k²); every input value scatters a k×k patch
    /// into every output channel, so k²·C_in·C_out·H_in·W_in multiply-adds.
    /// </summary>
    public static GenerativeLayer TransposedConvolution(string name, int inChannels, int outChannels, int kernel, int inSide, int outSide) =>
        new(name, checked(inChannels * outChannels * kernel * kernel), outChannels, outChannels * kernel * kernel,
            (long)kernel * kernel * inChannels * outChannels * inSide * inSide, checked(outChannels * outSide * outSide));

    /// <summary>Trainable parameters: weight and bias.</summary>
    public int Parameters => WeightElements + BiasElements;

    /// <summary>Forward FLOPs per sample: 2 × multiply-adds.</summary>
    public long ForwardFlops => 2 * MultiplyAdds;

    /// <summary>
    /// The flat-weight layout of <paramref name="layers"/> registered in this order: each layer's weight, then its
    /// bias (the <c>named_parameters</c> order of TorchSharp's Linear and convolution modules).
    /// </summary>
    public static IReadOnlyList<ParameterSlice> Layout(IEnumerable<GenerativeLayer> layers)
    {
        var slices = new List<ParameterSlice>();
        var offset = 0;
        foreach (var layer in layers)
        {
            slices.Add(new ParameterSlice(layer.Name + ".weight", offset, layer.WeightElements));
            offset = checked(offset + layer.WeightElements);
            slices.Add(new ParameterSlice(layer.Name + ".bias", offset, layer.BiasElements));
            offset = checked(offset + layer.BiasElements);
        }
        return slices;
    }
}
