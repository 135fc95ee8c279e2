using FgsActors.Models.Data;
using FgsActors.Models.Federated;
using FgsActors.Models.Generative;
using FgsActors.Models.Generative.Diffusion;
using FgsActors.Models.Learning;
using Xunit;
using static FgsActors.Models.Tests.Generative.Diffusion.TinyDdpm;

namespace FgsActors.Models.Tests.Generative.Diffusion;

public sealed class ConditionalDdpmValidationTests
{
    private static readonly float[] Weights = Model.InitialWeights(1);

    [Fact]
    public void Weights_of_the_wrong_length_are_rejected()
    {
        var shortWeights = new float[Model.ParameterCount - 1];

        var train = Assert.Throws<ArgumentException>(() => Model.Train(Job(shortWeights, [0], Settings(1), seed: 1)));
        var sample = Assert.Throws<ArgumentException>(() => Model.Sample(shortWeights, [0], seed: 1));

        Assert.Contains($"{Model.ParameterCount} parameters", train.Message);
        Assert.Equal("weights", sample.ParamName);
    }

    [Fact]
    public void An_empty_shard_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Model.Train(Job(Weights, [], Settings(1), seed: 1)));

        Assert.Contains("at least one sample", error.Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(96)]
    public void Indices_outside_the_data_set_are_rejected(int index)
    {
        var error = Assert.Throws<ArgumentException>(() => Model.Train(Job(Weights, [0, index], Settings(1), seed: 1)));

        Assert.Contains($"sample index {index}", error.Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10)]
    public void Sampling_labels_outside_the_classes_are_rejected(int label)
    {
        var error = Assert.Throws<ArgumentException>(() => Model.Sample(Weights, [2, label], seed: 1));

        Assert.Equal("labels", error.ParamName);
        Assert.Contains($"label {label}", error.Message);
    }

    [Fact]
    public void Training_labels_beyond_the_model_s_classes_are_rejected()
    {
        // The synthetic set has 10 classes; a 3-class model cannot learn labels 3 … 9.
        var threeClasses = new ConditionalDdpm(Options with { Classes = 3 });
        var job = new GenerativeJob(threeClasses.InitialWeights(1), TinyDdpm.Data, Range(0, 20), Settings(1), Seed: 1);

        var error = Assert.Throws<ArgumentException>(() => threeClasses.Train(job));

        Assert.Contains("outside the model's classes [0, 3)", error.Message);
    }

    [Fact]
    public void Images_of_another_shape_are_rejected()
    {
        var small = new ImageBatchSource(SyntheticImages.Generate(4, seed: 1, size: 12));

        var error = Assert.Throws<ArgumentException>(() =>
            Model.Train(new GenerativeJob(Weights, small, [0], Settings(1), Seed: 1)));

        Assert.Contains("1×12×12", error.Message);
    }

    [Theory]
    [InlineData(0, 16, 1e-3, 0.9)]
    [InlineData(1, 0, 1e-3, 0.9)]
    [InlineData(1, 16, 0.0, 0.9)]
    [InlineData(1, 16, 1e-3, 1.0)]
    public void Invalid_hyperparameters_are_rejected(int steps, int batch, double learningRate, double beta1) =>
        Assert.Throws<ArgumentException>(() =>
            Model.Train(Job(Weights, [0], new GenerativeHyperparameters(steps, batch, learningRate, learningRate, beta1), seed: 1)));

    [Fact]
    public void Invalid_options_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConditionalDdpm(Options with { BaseChannels = 12 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConditionalDdpm(Options with { DiffusionSteps = 20 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConditionalDdpm(Options with { SamplingSteps = 51 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConditionalDdpm(Options with { SamplingBatch = 0 }));
        Assert.Throws<ArgumentException>(() => new ConditionalDdpm(Options with { Image = new FeatureShape(1, 30, 30) }));
    }
}
