using FgsActors.Models.Randomness;
using TorchSharp;
using static TorchSharp.torch;

namespace FgsActors.Models.Learning;

/// <summary>A named layer of a <see cref="NetworkSpec"/>; the name prefixes its parameters ("conv1.weight").</summary>
public sealed record NamedLayer(string Name, LayerSpec Layer);

/// <summary>
/// A feed-forward classifier as a list of named layers on a fixed input shape. Everything about its size
/// (<see cref="Profile"/>, <see cref="ParameterCount"/>, the flat-weight layout) follows from the shapes without
/// loading TorchSharp; <see cref="Build"/> makes the module (call <c>TorchNative.EnsureLoaded()</c> first).
/// </summary>
public sealed class NetworkSpec
{
    private readonly NamedLayer[] _layers;

    /// <param name="kind">Catalog entry this network belongs to.</param>
    /// <param name="name">Display name, e.g. "lenet5" or "mlp-200".</param>
    /// <param name="input">Shape of one input sample.</param>
    /// <param name="classes">Number of output classes; the last layer must produce exactly this many logits.</param>
    /// <param name="layers">Layers in order; names unique and without dots.</param>
    public NetworkSpec(NetworkKind kind, string name, FeatureShape input, int classes, IEnumerable<NamedLayer> layers)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(layers);
        if (classes < 2)
            throw new ArgumentOutOfRangeException(nameof(classes), classes, "a classifier needs at least 2 classes");
        _layers = layers.ToArray();
        if (_layers.Length == 0)
            throw new ArgumentException($"network {name} has no layers", nameof(layers));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var l in _layers)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(l.Name);
            if (l.Name.Contains('.', StringComparison.Ordinal) || !seen.Add(l.Name))
                throw new ArgumentException($"network {name}: layer name '{l.Name}' is repeated or contains a dot", nameof(layers));
        }

        Kind = kind;
        Name = name;
        Input = input;
        Classes = classes;
        Profile = ModelProfile.Compute(this); // also checks that the shapes chain
        if (Profile.Output != FeatureShape.Flat(classes))
            throw new ArgumentException($"network {name} ends in {Profile.Output}, not {classes} logits", nameof(layers));
    }

    public NetworkKind Kind { get; }

    public string Name { get; }

    /// <summary>Shape of one input sample.</summary>
    public FeatureShape Input { get; }

    /// <summary>Number of classes (logits per sample).</summary>
    public int Classes { get; }

    public IReadOnlyList<NamedLayer> Layers => _layers;

    /// <summary>Size and cost figures computed from the layer shapes.</summary>
    public ModelProfile Profile { get; }

    /// <summary>Trainable parameters: the length of a flat weight vector.</summary>
    public int ParameterCount => checked((int)Profile.ParameterCount);

    /// <summary>The flat-weight layout: parameter names ("fc1.weight"), offsets and lengths, in <c>named_parameters</c> order.</summary>
    public IReadOnlyList<ParameterSlice> ParameterLayout()
    {
        var slices = new List<ParameterSlice>();
        var offset = 0;
        foreach (var l in _layers)
        {
            foreach (var p in l.Layer.Parameters)
            {
                var length = checked((int)p.Elements);
                slices.Add(new ParameterSlice($"{l.Name}.{p.Name}", offset, length));
                offset = checked(offset + length);
            }
        }
        return slices;
    }

    /// <summary>
    /// A fresh module: <c>nn.Sequential</c> of the layers under their names, float32 on the CPU, with TorchSharp's
    /// default initialisation from torch's global generator (callers that need reproducible weights load
    /// <see cref="InitialWeights"/> or a global model into it with <see cref="FlatWeights.Set"/>).
    /// </summary>
    public nn.Module<Tensor, Tensor> Build() =>
        nn.Sequential(_layers.Select(l => (l.Name, l.Layer.Build())).ToArray());

    /// <summary>
    /// Reproducible initial weights without TorchSharp's global generator: every weight and bias drawn from
    /// U(−1/√fan_in, 1/√fan_in), which is PyTorch's default for <c>Linear</c> and <c>Conv2d</c> (Kaiming-uniform
    /// with a = √5 gives the same bound for the weights), from a xoshiro256** stream seeded with <paramref name="seed"/>.
    /// </summary>
    public float[] InitialWeights(ulong seed)
    {
        var rng = new Xoshiro256StarStar(seed);
        var weights = new float[ParameterCount];
        var offset = 0;
        foreach (var l in _layers)
        {
            foreach (var p in l.Layer.Parameters)
            {
                var bound = 1.0 / Math.Sqrt(p.FanIn);
                for (long i = 0; i < p.Elements; i++)
                    weights[offset++] = (float)((2 * rng.NextDouble() - 1) * bound);
            }
        }
        return weights;
    }

    public override string ToString() => Name;
}

/// <summary>Where one parameter tensor lies in a flat weight vector.</summary>
public sealed record ParameterSlice(string Name, int Offset, int Length);
