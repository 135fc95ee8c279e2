using FgsActors.Models.Hardware;

namespace FgsActors.Models.Learning;

/// <summary>One layer's share of a <see cref="ModelProfile"/>.</summary>
/// <param name="Name">Layer name in the network.</param>
/// <param name="Output">Output shape per sample.</param>
/// <param name="Parameters">Trainable parameters.</param>
/// <param name="ForwardFlops">Forward FLOPs per sample (multiply-add = 2).</param>
/// <param name="ActivationFloats">Floats the layer's output adds per sample (0 for views such as flatten).</param>
public sealed record LayerProfile(string Name, FeatureShape Output, long Parameters, long ForwardFlops, long ActivationFloats);

/// <summary>
/// Size and cost of a network per sample, from its layer shapes, for the fleet's cost and memory models:
/// <list type="bullet">
/// <item>Forward FLOPs: convolution 2·k²·C_in·C_out·H_out·W_out, linear 2·in·out. Bias additions, ReLU and max-pool
/// comparisons are not counted (for LeNet-5 on 28×28 they would add about 12.7 k, 2.3 %).</item>
/// <item>Training FLOPs = 3 × forward: the backward pass costs about twice the forward pass (gradients with
/// respect to activations and to weights), as in Kaplan et al., "Scaling Laws for Neural Language Models", 2020,
/// §2.1 (C ≈ 6N per token = 2N forward + 4N backward). Optimiser updates are O(parameters) and left out.</item>
/// <item>Activation bytes: the sum over layers of the output size × 4 bytes (float32), views (flatten) excluded and
/// the input sample excluded (it is the data batch, counted by whoever holds the data).</item>
/// </list>
/// </summary>
public sealed record ModelProfile
{
    /// <summary>Training FLOPs per forward FLOP: forward + backward ≈ 1 + 2 (Kaplan et al. 2020).</summary>
    public const double TrainingToForwardRatio = 3.0;

    /// <summary>Bytes per parameter and per activation value: float32.</summary>
    public const int BytesPerValue = sizeof(float);

    private ModelProfile(string name, FeatureShape input, FeatureShape output, IReadOnlyList<LayerProfile> layers)
    {
        Name = name;
        Input = input;
        Output = output;
        Layers = layers;
        ParameterCount = layers.Sum(l => l.Parameters);
        ForwardFlopsPerSample = layers.Sum(l => l.ForwardFlops);
        ActivationFloatsPerSample = layers.Sum(l => l.ActivationFloats);
    }

    /// <summary>Walks the layers of <paramref name="network"/> from its input shape; throws if a layer cannot take its input.</summary>
    internal static ModelProfile Compute(NetworkSpec network)
    {
        var shape = network.Input;
        var layers = new List<LayerProfile>(network.Layers.Count);
        foreach (var (name, layer) in network.Layers)
        {
            var flops = layer.ForwardFlops(shape);
            var output = layer.OutputShape(shape);
            layers.Add(new LayerProfile(name, output, layer.ParameterCount, flops, layer.AllocatesOutput ? output.Elements : 0));
            shape = output;
        }
        return new ModelProfile(network.Name, network.Input, shape, layers);
    }

    public string Name { get; }

    /// <summary>Input shape per sample.</summary>
    public FeatureShape Input { get; }

    /// <summary>Output shape per sample (classes × 1 × 1).</summary>
    public FeatureShape Output { get; }

    /// <summary>Per-layer breakdown, in network order.</summary>
    public IReadOnlyList<LayerProfile> Layers { get; }

    /// <summary>P, trainable parameters.</summary>
    public long ParameterCount { get; }

    /// <summary>Model size in bytes (float32), also the size of a dense update: 4·P.</summary>
    public long ParameterBytes => ParameterCount * BytesPerValue;

    /// <summary>Forward FLOPs per sample.</summary>
    public long ForwardFlopsPerSample { get; }

    /// <summary>Forward + backward FLOPs per sample: 3 × forward.</summary>
    public double TrainingFlopsPerSample => TrainingToForwardRatio * ForwardFlopsPerSample;

    /// <summary>Sum of layer output sizes per sample, in floats.</summary>
    public long ActivationFloatsPerSample { get; }

    /// <summary>a, activation bytes per sample: 4 × <see cref="ActivationFloatsPerSample"/>.</summary>
    public long ActivationBytesPerSample => ActivationFloatsPerSample * BytesPerValue;

    /// <summary>The training cost per sample for <see cref="WorkloadCost.Estimate"/>: <see cref="TrainingFlopsPerSample"/>.</summary>
    public WorkloadCost TrainingCost() => WorkloadCost.FromFlops(TrainingFlopsPerSample);

    /// <summary>Training memory for <paramref name="batchSize"/> with <paramref name="optimizerStateCopies"/> optimiser buffers
    /// (<see cref="OptimizerState"/>; momentum SGD by default).</summary>
    public WorkloadFootprint Footprint(int batchSize, int optimizerStateCopies = OptimizerState.SgdMomentum) =>
        new(ParameterCount, BytesPerValue, ActivationBytesPerSample, batchSize, optimizerStateCopies);
}
