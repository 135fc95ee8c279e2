using FgsActors.Models.Data;
using FgsActors.Models.Fidelity;
using FgsActors.Models.Learning;

namespace FgsActors.Models.Tests.Fidelity;

/// <summary>
/// Small, fast stand-ins for Fashion-MNIST and the default recipe: <see cref="SyntheticImages"/> sets (10 classes,
/// 28×28) and a 784→64→64→10 perceptron trained for a few epochs on a few hundred images (a tenth of a second; it
/// learns the synthetic task to ~100 % where LeNet-5 needs about 8 epochs), shared by the tests that only need some
/// trained classifier. Its features are the 64 ReLU outputs of its second hidden layer.
/// </summary>
internal static class FidelityFixture
{
    /// <summary>MLP 784→64→64→10, 3 epochs, batch 16, SGD 0.05 with momentum 0.9.</summary>
    public static ReferenceRecipe FastRecipe(ulong seed = 5, int epochs = 3) => new(
        NetworkCatalog.Mlp(NetworkCatalog.Mnist, 64, 10),
        new TrainingHyperparameters(localEpochs: epochs, batchSize: 16, learningRate: 0.05, momentum: 0.9),
        seed);

    public static ImageDataset Train { get; } = SyntheticImages.Generate(500, seed: 1);

    public static ImageDataset Test { get; } = SyntheticImages.Generate(400, seed: 2);

    private static readonly Lazy<ReferenceClassifier> TrainedClassifier = new(() => ReferenceClassifier.Train(Train, FastRecipe()));

    /// <summary>The fast recipe trained on <see cref="Train"/> once per test run.</summary>
    public static ReferenceClassifier Classifier => TrainedClassifier.Value;

    /// <summary>All images of <paramref name="data"/> as floats, N × H × W, and their labels.</summary>
    public static (float[] Images, int[] Labels) All(ImageDataset data)
    {
        var indices = Enumerable.Range(0, data.Count).ToArray();
        return (data.Batch(indices), indices.Select(data.Label).ToArray());
    }

    /// <summary>The bit patterns of <paramref name="values"/>, for bit-exact comparisons.</summary>
    public static int[] Bits(float[] values) => values.Select(BitConverter.SingleToInt32Bits).ToArray();
}
