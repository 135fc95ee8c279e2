namespace FgsActors.Models.Learning;

/// <summary>The networks a run can name. Specs are immutable; the default ones are built once and shared.</summary>
public static class NetworkCatalog
{
    /// <summary>MNIST / Fashion-MNIST sample: 1 channel, 28×28.</summary>
    public static readonly FeatureShape Mnist = new(1, 28, 28);

    /// <summary>Hidden width of the default MLP (McMahan et al. 2017's 2NN).</summary>
    public const int DefaultMlpHidden = 200;

    private static readonly NetworkSpec DefaultLeNet5 = LeNet5(Mnist, 10);
    private static readonly NetworkSpec DefaultMlp = Mlp(Mnist, DefaultMlpHidden, 10);

    /// <summary>The default network of <paramref name="kind"/> for 1×28×28 inputs and 10 classes.</summary>
    public static NetworkSpec Get(NetworkKind kind) => kind switch
    {
        NetworkKind.LeNet5 => DefaultLeNet5,
        NetworkKind.Mlp => DefaultMlp,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown network kind"),
    };

    /// <summary>
    /// LeNet-5-style CNN (NIID-Bench <c>SimpleCNNMNIST</c> / <c>SimpleCNN</c>): two 5×5 valid convolutions with ReLU and
    /// 2×2 max-pooling, then 120 → 84 → classes. The first fully connected layer's width follows from the input:
    /// 16·4·4 for 28×28, 16·5·5 for 32×32.
    /// </summary>
    public static NetworkSpec LeNet5(FeatureShape input, int classes = 10)
    {
        LayerSpec[] features =
        [
            new Conv2dLayer(input.Channels, 6, 5), new ReluLayer(), new MaxPool2dLayer(2),
            new Conv2dLayer(6, 16, 5), new ReluLayer(), new MaxPool2dLayer(2),
        ];
        var shape = input;
        foreach (var layer in features)
            shape = layer.OutputShape(shape);
        return new NetworkSpec(NetworkKind.LeNet5, "lenet5", input, classes,
        [
            new("conv1", features[0]), new("relu1", features[1]), new("pool1", features[2]),
            new("conv2", features[3]), new("relu2", features[4]), new("pool2", features[5]),
            new("flatten", new FlattenLayer()),
            new("fc1", new LinearLayer(shape.Elements, 120)), new("relu3", new ReluLayer()),
            new("fc2", new LinearLayer(120, 84)), new("relu4", new ReluLayer()),
            new("fc3", new LinearLayer(84, classes)),
        ]);
    }

    /// <summary>Perceptron with two hidden layers of <paramref name="hidden"/> units and ReLU: in → h → h → classes.</summary>
    public static NetworkSpec Mlp(FeatureShape input, int hidden = DefaultMlpHidden, int classes = 10) =>
        new(NetworkKind.Mlp, $"mlp-{hidden}", input, classes,
        [
            new("flatten", new FlattenLayer()),
            new("fc1", new LinearLayer(input.Elements, hidden)), new("relu1", new ReluLayer()),
            new("fc2", new LinearLayer(hidden, hidden)), new("relu2", new ReluLayer()),
            new("fc3", new LinearLayer(hidden, classes)),
        ]);
}
