using FgsActors.Models.Data;
using FgsActors.Models.Fidelity;
using FgsActors.Models.Learning;
using Xunit;

namespace FgsActors.Models.Tests.Fidelity;

/// <summary>Training determinism, the shape and meaning of the outputs, and argument checks.</summary>
public sealed class ReferenceClassifierTests
{
    [Fact]
    public void Two_trainings_give_the_same_weights_and_hash()
    {
        var data = SyntheticImages.Generate(100, seed: 21);
        var recipe = FidelityFixture.FastRecipe(seed: 9, epochs: 1);

        var a = ReferenceClassifier.Train(data, recipe);
        var b = ReferenceClassifier.Train(data, recipe);
        var otherSeed = ReferenceClassifier.Train(data, FidelityFixture.FastRecipe(seed: 10, epochs: 1));

        Assert.Equal(FidelityFixture.Bits(a.CopyWeights()), FidelityFixture.Bits(b.CopyWeights()));
        Assert.Equal(a.Hash, b.Hash);
        Assert.NotEqual(a.Hash, otherSeed.Hash);
        Assert.Equal(Convert.ToHexStringLower(ReferenceCacheKey.Compute(recipe, data)), a.Key);
    }

    [Fact]
    public void A_two_phase_schedule_continues_from_the_first_phase()
    {
        var data = SyntheticImages.Generate(100, seed: 21);
        var network = NetworkCatalog.LeNet5(NetworkCatalog.Mnist, 10);
        var phase = new TrainingHyperparameters(1, 32, 0.05, 0.9);
        var one = ReferenceClassifier.Train(data, new ReferenceRecipe(network, [phase], 9));
        var two = ReferenceClassifier.Train(data, new ReferenceRecipe(network, [phase, new TrainingHyperparameters(1, 32, 0.005, 0.9)], 9));

        Assert.Equal(2, two.Recipe.Epochs);
        Assert.NotEqual(one.Hash, two.Hash);
        Assert.NotEqual(one.Key, two.Key);
    }

    [Fact]
    public void Outputs_have_one_feature_row_and_one_probability_row_per_image()
    {
        var classifier = FidelityFixture.Classifier;
        var images = FidelityFixture.Test.Batch(Enumerable.Range(0, 300).ToArray()); // more than one forward batch of 256

        var outputs = classifier.Outputs(images, 300);

        Assert.Equal(64, classifier.FeatureDimension);
        Assert.Equal(10, classifier.ClassCount);
        Assert.Equal(300, outputs.Count);
        Assert.All(outputs.Features, row => Assert.Equal(64, row.Length));
        Assert.All(outputs.Features, row => Assert.All(row, f => Assert.True(f >= 0))); // after ReLU
        Assert.All(outputs.Probabilities, row => Assert.Equal(10, row.Length));
        Assert.All(outputs.Probabilities, row => Assert.Equal(1.0, row.Sum(), 12));
        Assert.Equal(outputs.Features, classifier.Features(images, 300)); // the same call: bit-identical
        // Alone in a smaller batch the same images agree to float rounding (the matrix product blocks differently).
        var firstThree = classifier.Probabilities(images[..(3 * 784)], 3);
        for (var i = 0; i < 3; i++)
        {
            for (var c = 0; c < 10; c++) Assert.Equal(outputs.Probabilities[i][c], firstThree[i][c], 5);
        }
    }

    [Fact]
    public void LeNet5_features_are_its_84_penultimate_activations()
    {
        var lenet = ReferenceClassifier.Train(SyntheticImages.Generate(64, seed: 2),
            new ReferenceRecipe(NetworkCatalog.LeNet5(NetworkCatalog.Mnist, 10), new TrainingHyperparameters(1, 32, 0.01), 1));

        var features = lenet.Features(new float[5 * 784], 5);

        Assert.Equal(84, lenet.FeatureDimension);
        Assert.Equal(84, ReferenceRecipe.Default.FeatureDimension);
        Assert.All(features, row => Assert.Equal(84, row.Length));
    }

    [Fact]
    public void The_features_are_the_input_of_the_last_layer()
    {
        var classifier = FidelityFixture.Classifier;
        var outputs = classifier.Outputs(FidelityFixture.Test.Batch(Enumerable.Range(0, 20).ToArray()), 20);
        var weights = classifier.CopyWeights();
        var head = weights.AsSpan(weights.Length - (64 * 10 + 10)); // fc3: weight 10×64, then bias 10

        for (var i = 0; i < 20; i++)
        {
            var logits = new double[10];
            for (var c = 0; c < 10; c++)
            {
                logits[c] = head[640 + c];
                for (var j = 0; j < 64; j++) logits[c] += head[c * 64 + j] * (double)outputs.Features[i][j];
            }
            var max = logits.Max();
            var sum = logits.Sum(z => Math.Exp(z - max));
            for (var c = 0; c < 10; c++)
                Assert.Equal(Math.Exp(logits[c] - max) / sum, outputs.Probabilities[i][c], 5);
        }
    }

    [Fact]
    public void The_same_images_give_bit_identical_outputs_from_arrays_and_from_the_data_set()
    {
        var classifier = FidelityFixture.Classifier;
        var test = FidelityFixture.Test;
        int[] indices = [5, 3, 399, 0, 17];

        var fromData = classifier.Outputs(test, indices);
        var fromArray = classifier.Outputs(test.Batch(indices), indices.Length);

        for (var i = 0; i < indices.Length; i++)
        {
            Assert.Equal(FidelityFixture.Bits(fromData.Features[i]), FidelityFixture.Bits(fromArray.Features[i]));
            Assert.Equal(fromData.Probabilities[i], fromArray.Probabilities[i]);
        }
    }

    [Fact]
    public void The_trained_classifier_learns_the_synthetic_task()
    {
        Assert.True(FidelityFixture.Classifier.Accuracy(FidelityFixture.Test) >= 0.95);
    }

    [Fact]
    public void Bad_arguments_are_rejected_with_a_reason()
    {
        var classifier = FidelityFixture.Classifier;
        var image = new float[784];

        Assert.Contains("do not make", Assert.Throws<ArgumentException>(() => classifier.Outputs(image, 2)).Message);
        image[30] = float.NaN;
        Assert.Contains("pixel 30 of image 0", Assert.Throws<ArgumentException>(() => classifier.Outputs(image, 1)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => classifier.Outputs(FidelityFixture.Test, [400]));
        Assert.Contains("takes 1×28×28",
            Assert.Throws<ArgumentException>(() => classifier.Accuracy(SyntheticImages.Generate(10, seed: 1, size: 32))).Message);
        var mlpWithoutHead = new NetworkSpec(NetworkKind.Mlp, "ends-in-relu", NetworkCatalog.Mnist, 10,
            [new("flatten", new FlattenLayer()), new("fc1", new LinearLayer(784, 10)), new("relu", new ReluLayer())]);
        Assert.Contains("fully connected",
            Assert.Throws<ArgumentException>(() => new ReferenceRecipe(mlpWithoutHead, new TrainingHyperparameters(1, 8, 0.1), 1)).Message);
        Assert.Contains("FedProx",
            Assert.Throws<ArgumentException>(() => new ReferenceRecipe(NetworkCatalog.Mlp(NetworkCatalog.Mnist), new TrainingHyperparameters(1, 8, 0.1, proximalMu: 0.1), 1)).Message);
        Assert.Throws<ArgumentException>(() => new ReferenceRecipe(NetworkCatalog.Mlp(NetworkCatalog.Mnist), Array.Empty<TrainingHyperparameters>(), 1));
    }
}
