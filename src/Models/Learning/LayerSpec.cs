using TorchSharp;
using static TorchSharp.torch;

namespace FgsActors.Models.Learning;

/// <summary>
/// One layer of a feed-forward network, described by its shapes so that the parameter count, FLOPs and activation
/// sizes follow from arithmetic alone (no native library needed), and built into a TorchSharp module on demand.
/// FLOPs count a multiply-add as 2 and leave out bias additions, ReLU and max-pool comparisons (for LeNet-5 on
/// 28×28 they add about 2 % to the convolutions and fully connected layers; see <see cref="ModelProfile"/>).
/// </summary>
public abstract record LayerSpec
{
    /// <summary>Output shape for <paramref name="input"/>; throws <see cref="ArgumentException"/> when the layer cannot take it.</summary>
    public abstract FeatureShape OutputShape(FeatureShape input);

    /// <summary>Trainable parameters (weights and biases).</summary>
    public virtual long ParameterCount => 0;

    /// <summary>Forward FLOPs per sample for <paramref name="input"/>.</summary>
    public virtual long ForwardFlops(FeatureShape input) => 0;

    /// <summary>
    /// Whether the layer's output is a new tensor (false for views such as flatten, which share the input's memory
    /// and so add nothing to the activation bytes).
    /// </summary>
    public virtual bool AllocatesOutput => true;

    /// <summary>
    /// The layer's parameters in TorchSharp's <c>named_parameters</c> order (weight, then bias), each with its element
    /// count and fan-in, used to draw PyTorch's default initialisation without building the module.
    /// </summary>
    public virtual IReadOnlyList<ParameterSpec> Parameters => [];

    /// <summary>A fresh TorchSharp module for this layer (float32, CPU, default initialisation).</summary>
    public abstract nn.Module<Tensor, Tensor> Build();
}

/// <summary>One parameter tensor of a layer: its name suffix ("weight", "bias"), element count and fan-in.</summary>
public sealed record ParameterSpec(string Name, long Elements, int FanIn);

/// <summary>2-D convolution, square kernel, stride 1, no padding: H_out = H − k + 1.</summary>
public sealed record Conv2dLayer : LayerSpec
{
    public Conv2dLayer(int inChannels, int outChannels, int kernel)
    {
        if (inChannels <= 0) throw new ArgumentOutOfRangeException(nameof(inChannels), inChannels, "input channels must be > 0");
        if (outChannels <= 0) throw new ArgumentOutOfRangeException(nameof(outChannels), outChannels, "output channels must be > 0");
        if (kernel <= 0) throw new ArgumentOutOfRangeException(nameof(kernel), kernel, "kernel size must be > 0");
        InChannels = inChannels;
        OutChannels = outChannels;
        Kernel = kernel;
    }

    public int InChannels { get; }

    public int OutChannels { get; }

    public int Kernel { get; }

    public override FeatureShape OutputShape(FeatureShape input)
    {
        if (input.Channels != InChannels || input.Height < Kernel || input.Width < Kernel)
            throw new ArgumentException($"conv {InChannels}→{OutChannels} k{Kernel} cannot take input {input}", nameof(input));
        return new FeatureShape(OutChannels, input.Height - Kernel + 1, input.Width - Kernel + 1);
    }

    /// <summary>k²·C_in·C_out weights + C_out biases.</summary>
    public override long ParameterCount => (long)Kernel * Kernel * InChannels * OutChannels + OutChannels;

    /// <summary>2·k²·C_in·C_out·H_out·W_out.</summary>
    public override long ForwardFlops(FeatureShape input)
    {
        var output = OutputShape(input);
        return 2L * Kernel * Kernel * InChannels * OutChannels * output.Height * output.Width;
    }

    public override IReadOnlyList<ParameterSpec> Parameters =>
    [
        new("weight", (long)OutChannels * InChannels * Kernel * Kernel, InChannels * Kernel * Kernel),
        new("bias", OutChannels, InChannels * Kernel * Kernel),
    ];

    public override nn.Module<Tensor, Tensor> Build() => nn.Conv2d(InChannels, OutChannels, Kernel);
}

/// <summary>Fully connected layer on a flat input: y = W·x + b.</summary>
public sealed record LinearLayer : LayerSpec
{
    public LinearLayer(int inFeatures, int outFeatures)
    {
        if (inFeatures <= 0) throw new ArgumentOutOfRangeException(nameof(inFeatures), inFeatures, "input features must be > 0");
        if (outFeatures <= 0) throw new ArgumentOutOfRangeException(nameof(outFeatures), outFeatures, "output features must be > 0");
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
    }

    public int InFeatures { get; }

    public int OutFeatures { get; }

    public override FeatureShape OutputShape(FeatureShape input)
    {
        if (!input.IsFlat || input.Channels != InFeatures)
            throw new ArgumentException($"linear {InFeatures}→{OutFeatures} needs a flat input of {InFeatures}, got {input}", nameof(input));
        return FeatureShape.Flat(OutFeatures);
    }

    /// <summary>in·out weights + out biases.</summary>
    public override long ParameterCount => (long)InFeatures * OutFeatures + OutFeatures;

    /// <summary>2·in·out.</summary>
    public override long ForwardFlops(FeatureShape input)
    {
        OutputShape(input);
        return 2L * InFeatures * OutFeatures;
    }

    public override IReadOnlyList<ParameterSpec> Parameters =>
    [
        new("weight", (long)OutFeatures * InFeatures, InFeatures),
        new("bias", OutFeatures, InFeatures),
    ];

    public override nn.Module<Tensor, Tensor> Build() => nn.Linear(InFeatures, OutFeatures);
}

/// <summary>Element-wise ReLU; shape unchanged, no parameters, FLOPs not counted (one comparison per element).</summary>
public sealed record ReluLayer : LayerSpec
{
    public override FeatureShape OutputShape(FeatureShape input) => input;

    public override nn.Module<Tensor, Tensor> Build() => nn.ReLU();
}

/// <summary>Max pooling with a square window and stride equal to the window (floor mode): H_out = ⌊H / k⌋.</summary>
public sealed record MaxPool2dLayer : LayerSpec
{
    public MaxPool2dLayer(int kernel)
    {
        if (kernel <= 0) throw new ArgumentOutOfRangeException(nameof(kernel), kernel, "pooling window must be > 0");
        Kernel = kernel;
    }

    public int Kernel { get; }

    public override FeatureShape OutputShape(FeatureShape input)
    {
        if (input.Height < Kernel || input.Width < Kernel)
            throw new ArgumentException($"max-pool k{Kernel} cannot take input {input}", nameof(input));
        return new FeatureShape(input.Channels, input.Height / Kernel, input.Width / Kernel);
    }

    public override nn.Module<Tensor, Tensor> Build() => nn.MaxPool2d(Kernel);
}

/// <summary>Flattens C×H×W to a vector of C·H·W (a view: no new activation memory).</summary>
public sealed record FlattenLayer : LayerSpec
{
    public override FeatureShape OutputShape(FeatureShape input) => FeatureShape.Flat(input.Elements);

    public override bool AllocatesOutput => false;

    public override nn.Module<Tensor, Tensor> Build() => nn.Flatten();
}
