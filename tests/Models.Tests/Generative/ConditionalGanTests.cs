using FgsActors.Models.Generative;
using FgsActors.Models.Generative.Gan;
using FgsActors.Models.Learning;
using FgsActors.Models.Torch;
using TorchSharp;
using Xunit;
using static FgsActors.Models.Tests.Generative.GenerativeTestData;

namespace FgsActors.Models.Tests.Generative;

public sealed class ConditionalGanTests
{
    private static readonly ConditionalGan Gan = new();
    private static readonly ConditionalGan Small = new(latentSize: 8, generatorWidth: 4, discriminatorWidth: 4);

    [Fact]
    public void Parameter_counts_follow_from_the_layer_sizes()
    {
        // Generator: linear 74 → 128·7·7 = 6,272 (464,128 + 6,272); transposed convs 128→64 (128·64·16 + 64) and 64→1 (64·16 + 1).
        Assert.Equal(470_400 + 131_136 + 1_025, Gan.GeneratorParameterCount);
        // Discriminator: convs 11→64 (11·64·16 + 64) and 64→128 (64·128·16 + 128); linear 6,272 → 1 (6,272 + 1).
        Assert.Equal(11_328 + 131_200 + 6_273, Gan.DiscriminatorParameterCount);
        Assert.Equal(751_362, Gan.ParameterCount);
        Assert.Equal(Gan.ParameterCount, Gan.Profile.Parameters);
        // Latent 8, widths 4: generator 18·392 + 392, 8·4·16 + 4, 4·16 + 1; discriminator 11·4·16 + 4, 4·8·16 + 8, 392 + 1.
        Assert.Equal(7_448 + 516 + 65, Small.GeneratorParameterCount);
        Assert.Equal(708 + 520 + 393, Small.DiscriminatorParameterCount);
        Assert.Equal(Small.GeneratorParameterCount + Small.DiscriminatorParameterCount, Small.ParameterCount);
    }

    [Fact]
    public void The_built_modules_have_the_declared_layout_generator_first()
    {
        TorchNative.EnsureLoaded();
        foreach (var model in new[] { Gan, Small })
        {
            var architecture = new CGanArchitecture(model.LatentSize, model.GeneratorWidth, model.DiscriminatorWidth);
            using var generator = new CGanGenerator(architecture);
            using var discriminator = new CGanDiscriminator(architecture);
            var built = FlatWeights.Layout(generator).Select(s => s with { Name = "generator." + s.Name })
                .Concat(FlatWeights.Layout(discriminator).Select(s => s with { Name = "discriminator." + s.Name, Offset = s.Offset + FlatWeights.Count(generator) }));
            Assert.Equal(model.ParameterLayout(), built);
            Assert.Equal(model.GeneratorParameterCount, FlatWeights.Count(generator));
            Assert.Equal(model.DiscriminatorParameterCount, FlatWeights.Count(discriminator));
        }
        Assert.Equal("discriminator.downsample.weight", Gan.ParameterLayout().Single(s => s.Offset == Gan.GeneratorParameterCount).Name);
    }

    [Fact]
    public void The_profile_counts_one_generator_and_three_discriminator_passes_per_step()
    {
        const long generator = 74 * 6_272 + 128 * 64 * 16 * 49 + 64 * 1 * 16 * 196;      // 7,087,360 multiply-adds
        const long discriminator = 11 * 64 * 16 * 196 + 64 * 128 * 16 * 49 + 6_272;     // 8,636,544
        var profile = Gan.Profile;
        Assert.Equal(3.0 * 2 * generator + 3 * 3.0 * 2 * discriminator, profile.TrainingFlopsPerSample);
        Assert.Equal(197_981_952, profile.TrainingFlopsPerSample);
        Assert.Equal(2.0 * generator, profile.SamplingFlopsPerSample);
        // Generator: 74 + 2·(6,272 + 12,544 + 784); one discriminator pass: 11·784 + 2·(12,544 + 6,272) + 1; two passes alive.
        Assert.Equal(4L * (39_274 + 2 * 46_257), profile.ActivationBytesPerSample);
        Assert.Equal(2, profile.OptimizerStateCopies);
    }

    [Fact]
    public void Forward_and_backward_have_the_expected_shapes()
    {
        TorchRuntime.PrepareCurrentThread();
        using var scope = torch.NewDisposeScope();
        var architecture = new CGanArchitecture(Gan.LatentSize, Gan.GeneratorWidth, Gan.DiscriminatorWidth);
        using var generator = new CGanGenerator(architecture);
        using var discriminator = new CGanDiscriminator(architecture);
        var weights = Gan.InitialWeights(2);
        FlatWeights.Set(generator, weights.AsSpan(0, Gan.GeneratorParameterCount));
        FlatWeights.Set(discriminator, weights.AsSpan(Gan.GeneratorParameterCount));
        var z = torch.tensor(NormalDraws.Draw(new Randomness.Xoshiro256StarStar(1), 3 * 64), [3, 64]);
        var y = torch.tensor(OneHotLabels.Encode(new long[] { 2, 0, 9 }, 10), [3, 10]);

        var images = generator.Generate(z, y);
        Assert.Equal(new long[] { 3, 1, 28, 28 }, images.shape);
        var logits = discriminator.Logits(images, y);
        Assert.Equal(new long[] { 3, 1 }, logits.shape);
        logits.sum().backward();
        foreach (var p in generator.parameters().Concat(discriminator.parameters()))
            Assert.Equal(p.shape, p.grad!.shape);
    }

    [Fact]
    public void Initial_weights_are_dcgan_normals_with_zero_biases()
    {
        var weights = Gan.InitialWeights(3);
        Assert.Equal(Bits(weights), Bits(Gan.InitialWeights(3)));
        Assert.NotEqual(Bits(weights), Bits(Gan.InitialWeights(4)));
        foreach (var slice in Gan.ParameterLayout())
        {
            var values = weights.AsSpan(slice.Offset, slice.Length).ToArray();
            if (slice.Name.EndsWith(".bias", StringComparison.Ordinal))
            {
                Assert.All(values, b => Assert.Equal(0f, b));
            }
            else if (values.Length > 1_000)
            {
                var mean = values.Average(v => (double)v);
                var deviation = Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
                Assert.InRange(mean, -0.002, 0.002);
                Assert.InRange(deviation, 0.019, 0.021);
            }
        }
    }

    [Fact]
    public void The_same_job_gives_a_bit_identical_result_and_another_seed_another()
    {
        var job = Job(Small, Small.InitialWeights(5), Range(0, 30), seed: 11);
        var first = Small.Train(job);
        var second = Small.Train(job);
        var other = Small.Train(job with { Seed = 12 });

        Assert.Equal(Bits(first.Delta), Bits(second.Delta));
        Assert.Equal(first.MeanLoss, second.MeanLoss);
        Assert.NotEqual(Bits(first.Delta), Bits(other.Delta));
        Assert.Equal(30, first.Samples);
        Assert.Equal(3 * 8, first.SamplePasses);
    }

    [Fact]
    public void Training_moves_both_networks_at_their_own_learning_rates()
    {
        // Adam's first step moves every weight by η·|g| / (|g| + ε) ≤ η, ≈ η where the gradient is not tiny:
        // the generator's part by about LearningRate, the discriminator's by about DiscriminatorLearningRate.
        var result = Gan.Train(Job(Gan, Gan.InitialWeights(6), Range(0, 64), seed: 2, steps: 1, batch: 8,
            learningRate: 1e-4, discriminatorLearningRate: 1e-2));
        var g = result.Delta.AsSpan(0, Gan.GeneratorParameterCount).ToArray().Max(Math.Abs);
        var d = result.Delta.AsSpan(Gan.GeneratorParameterCount).ToArray().Max(Math.Abs);
        Assert.InRange(g, 0.9e-4, 1.01e-4);
        Assert.InRange(d, 0.9e-2, 1.01e-2);
        Assert.True(double.IsFinite(result.MeanLoss) && result.MeanLoss > 0, $"generator loss {result.MeanLoss}");
    }

    [Fact]
    public void A_few_dozen_steps_change_the_samples_of_every_class()
    {
        var initial = Small.InitialWeights(7);
        var result = Small.Train(Job(Small, initial, Range(0, 240), seed: 4, steps: 30, batch: 16, learningRate: 2e-3, discriminatorLearningRate: 2e-3));
        var trained = Add(initial, result.Delta);
        var labels = Enumerable.Range(0, 10).ToArray();
        var before = Small.Sample(initial, labels, seed: 1);
        var after = Small.Sample(trained, labels, seed: 1);

        Assert.Contains(result.Delta.AsSpan(0, Small.GeneratorParameterCount).ToArray(), v => v != 0);
        Assert.Contains(result.Delta.AsSpan(Small.GeneratorParameterCount).ToArray(), v => v != 0);
        for (var c = 0; c < labels.Length; c++)
        {
            var change = 0.0;
            for (var p = 0; p < 784; p++)
                change += Math.Abs(after[c * 784 + p] - before[c * 784 + p]);
            Assert.True(change / 784 > 1e-3, $"class {c}: mean pixel change {change / 784}");
        }
    }

    [Fact]
    public void Samples_are_deterministic_images_in_the_unit_interval()
    {
        var weights = Gan.InitialWeights(4);
        int[] labels = [1, 1, 8];
        var images = Gan.Sample(weights, labels, seed: 8);

        Assert.Equal(labels.Length * 784, images.Length);
        Assert.All(images, p => Assert.InRange(p, 0f, 1f));
        Assert.Equal(Bits(images), Bits(Gan.Sample(weights, labels, seed: 8)));
        Assert.NotEqual(Bits(images), Bits(Gan.Sample(weights, labels, seed: 9)));
        Assert.Empty(Gan.Sample(weights, [], seed: 8));
    }

    [Fact]
    public void A_zero_generator_draws_mid_grey()
    {
        // All generator weights 0: tanh(0) = 0, which maps to (0 + 1) / 2 = 0.5 for every pixel.
        var images = Small.Sample(new float[Small.ParameterCount], [0, 5, 9], seed: 3);
        Assert.All(images, p => Assert.Equal(0.5f, p));
    }

    [Fact]
    public void Bad_inputs_are_rejected_with_argument_exceptions()
    {
        var weights = Small.InitialWeights(1);
        var good = Job(Small, weights, Range(0, 8), seed: 1, steps: 1);
        Assert.Throws<ArgumentException>(() => Small.Train(good with { GlobalWeights = new float[Small.GeneratorParameterCount] }));
        Assert.Throws<ArgumentException>(() => Small.Train(good with { SampleIndices = [] }));
        Assert.Throws<ArgumentException>(() => Small.Train(good with { SampleIndices = [3, 1_000] }));
        var wrongShape = new ArrayBatchSource(new float[2 * 3 * 28 * 28], [0L, 1L], new FeatureShape(3, 28, 28));
        Assert.Throws<ArgumentException>(() => Small.Train(good with { Data = wrongShape }));
        Assert.Throws<ArgumentException>(() => Small.Train(good with { Hyperparameters = good.Hyperparameters with { DiscriminatorLearningRate = 0 } }));
        Assert.Throws<ArgumentException>(() => Small.Train(good with { Hyperparameters = good.Hyperparameters with { Beta1 = -0.5 } }));
        Assert.Throws<ArgumentException>(() => Small.Sample(weights, [0, 10], seed: 1));
        Assert.Throws<ArgumentException>(() => Small.Sample(weights.AsSpan(1).ToArray(), [0], seed: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConditionalGan(generatorWidth: 0));
    }
}
