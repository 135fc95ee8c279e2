namespace FgsActors.Models.Generative.Diffusion;

/// <summary>
/// Forward cost of (part of) the U-Net for one sample: multiply-adds of its convolutions and linear layers (one multiply-add is
/// 2 FLOPs, the convention of <see cref="Learning.ModelProfile"/>), and the floats of every intermediate
/// tensor the forward pass produces (what autograd keeps for the backward pass, roughly). Bias additions, group
/// normalisation arithmetic, activations and additions are not counted as FLOPs (a few per cent of the total).
/// </summary>
/// <param name="MultiplyAdds">Multiply-adds of convolutions and linear layers.</param>
/// <param name="ActivationFloats">Floats of the intermediate tensors (views excluded, the input excluded).</param>
public readonly record struct UNetCost(long MultiplyAdds, long ActivationFloats)
{
    /// <summary>Forward FLOPs: 2 per multiply-add.</summary>
    public long ForwardFlops => 2 * MultiplyAdds;

    public static UNetCost operator +(UNetCost a, UNetCost b) =>
        new(a.MultiplyAdds + b.MultiplyAdds, a.ActivationFloats + b.ActivationFloats);

    /// <summary>A k×k convolution from <paramref name="inputChannels"/> to <paramref name="outputChannels"/> with an output of <paramref name="outputPixels"/> pixels.</summary>
    public static UNetCost Convolution(int inputChannels, int outputChannels, int kernel, int outputPixels) =>
        new((long)kernel * kernel * inputChannels * outputChannels * outputPixels, (long)outputChannels * outputPixels);

    /// <summary>
    /// A k×k transposed convolution: every one of the <paramref name="inputPixels"/> input pixels spreads k²·C_out
    /// products from each of its C_in channels over <paramref name="outputPixels"/> output pixels.
    /// </summary>
    public static UNetCost TransposedConvolution(int inputChannels, int outputChannels, int kernel, int inputPixels, int outputPixels) =>
        new((long)kernel * kernel * inputChannels * outputChannels * inputPixels, (long)outputChannels * outputPixels);

    /// <summary>A dense layer.</summary>
    public static UNetCost Dense(int inputs, int outputs) => new((long)inputs * outputs, outputs);

    /// <summary>A tensor made without multiply-adds (normalisation, activation, sum, concatenation, look-up).</summary>
    public static UNetCost Tensor(long floats) => new(0, floats);
}
