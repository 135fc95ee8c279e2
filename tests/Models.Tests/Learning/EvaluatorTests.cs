using FgsActors.Models.Learning;
using Xunit;

namespace FgsActors.Models.Tests.Learning;

public sealed class EvaluatorTests
{
    [Fact]
    public void Untrained_weights_give_about_chance_loss_and_the_result_is_reproducible()
    {
        var data = SyntheticImages.TwoBars(50, seed: 4);
        var weights = NetworkCatalog.Get(NetworkKind.LeNet5).InitialWeights(3);

        var a = Evaluator.Evaluate(weights, NetworkKind.LeNet5, data, batchSize: 16);
        var b = Evaluator.Evaluate(weights, NetworkKind.LeNet5, data, batchSize: 16);

        Assert.Equal(a, b);
        Assert.Equal(50, a.Samples);
        Assert.InRange(a.Accuracy, 0, 1);
        Assert.InRange(a.MeanLoss, Math.Log(10) - 0.5, Math.Log(10) + 0.5);
    }

    [Fact]
    public void A_subset_of_indices_can_be_evaluated()
    {
        var data = SyntheticImages.TwoBars(20, seed: 4);
        var weights = NetworkCatalog.Get(NetworkKind.Mlp).InitialWeights(3);

        var result = Evaluator.Evaluate(weights, NetworkCatalog.Get(NetworkKind.Mlp), data, batchSize: 3, sampleIndices: [1, 3, 5, 7]);

        Assert.Equal(4, result.Samples);
        Assert.Throws<ArgumentException>(() =>
            Evaluator.Evaluate(weights, NetworkCatalog.Get(NetworkKind.Mlp), data, batchSize: 3, sampleIndices: [20]));
    }
}
