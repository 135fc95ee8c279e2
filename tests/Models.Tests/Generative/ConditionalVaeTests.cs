using FgsActors.Models.Generative;
using FgsActors.Models.Generative.Vae;
using FgsActors.Models.Learning;
using FgsActors.Models.Torch;
using TorchSharp;
using Xunit;
using Xunit.Abstractions;
using static FgsActors.Models.Tests.Generative.GenerativeTestData;

namespace FgsActors.Models.Tests.Generative;

public sealed class ConditionalVaeTests(ITestOutputHelper output)
{
    private static readonly ConditionalVae Vae = new();
    private static readonly ConditionalVae Small = new(latentSize: 2, hiddenWidth: 8);

    [Fact]
    public void Parameter_counts_follow_from_the_layer_sizes()
    {
        // encoder 794→400: 317,600 + 400; μ and log σ² 400→20: 2 × (8,000 + 20); decoder 30→400: 12,000 + 400; 400→784: 313,600 + 784.
        Assert.Equal(318_000 + 2 * 8_020 + 12_400 + 314_384, Vae.ParameterCount);
        Assert.Equal(660_824, Vae.ParameterCount);
        // latent 2, hidden 8: 794·8 + 8, 2 × (8·2 + 2), 12·8 + 8, 8·784 + 784.
        Assert.Equal(6_360 + 36 + 104 + 7_056, Small.ParameterCount);
        Assert.Equal(Vae.ParameterCount, Vae.Profile.Parameters);
        Assert.Equal(Vae.ParameterCount, Vae.InitialWeights(1).Length);
    }

    [Fact]
    public void The_built_module_has_the_declared_layout()
    {
        TorchNative.EnsureLoaded();
        foreach (var model in new[] { Vae, Small })
        {
            using var network = new CVaeNetwork(new CVaeArchitecture(model.Image, model.Classes, model.LatentSize, model.HiddenWidth));
            Assert.Equal(model.ParameterLayout(), FlatWeights.Layout(network));
            Assert.Equal(model.ParameterCount, FlatWeights.Count(network));
        }
        Assert.Equal(
            ["encoder_hidden.weight", "encoder_hidden.bias", "encoder_mean.weight", "encoder_mean.bias", "encoder_log_variance.weight",
             "encoder_log_variance.bias", "decoder_hidden.weight", "decoder_hidden.bias", "decoder_output.weight", "decoder_output.bias"],
            Vae.ParameterLayout().Select(s => s.Name));
    }

    [Fact]
    public void The_profile_counts_multiply_adds_twice_and_training_three_times_forward()
    {
        var profile = Vae.Profile;
        const long multiplyAdds = 794 * 400 + 2 * 400 * 20 + 30 * 400 + 400 * 784; // 659,200
        Assert.Equal(3.0 * 2 * multiplyAdds, profile.TrainingFlopsPerSample);
        Assert.Equal(2.0 * (30 * 400 + 400 * 784), profile.SamplingFlopsPerSample);
        // 794 + 2·400 + 2·20 + 3·20 + 30 + 2·400 + 784 floats kept for the backward pass.
        Assert.Equal(4L * 3_308, profile.ActivationBytesPerSample);
        Assert.Equal(2, profile.OptimizerStateCopies);
    }

    [Fact]
    public void Forward_and_backward_have_the_expected_shapes()
    {
        TorchRuntime.PrepareCurrentThread();
        using var scope = torch.NewDisposeScope();
        using var network = new CVaeNetwork(new CVaeArchitecture(Vae.Image, Vae.Classes, Vae.LatentSize, Vae.HiddenWidth));
        FlatWeights.Set(network, Vae.InitialWeights(3));
        var x = torch.full(3, 784, 0.25f);
        var y = torch.tensor(OneHotLabels.Encode(new long[] { 0, 4, 9 }, 10), [3, 10]);
        var (mean, logVariance) = network.Encode(x, y);
        Assert.Equal(new long[] { 3, 20 }, mean.shape);
        Assert.Equal(new long[] { 3, 20 }, logVariance.shape);
        Assert.Equal(new long[] { 3, 784 }, network.DecodeLogits(mean, y).shape);

        var loss = network.NegativeElbo(x, y, torch.zeros(3, 20));
        Assert.Empty(loss.shape);
        loss.backward();
        foreach (var p in network.parameters())
            Assert.Equal(p.shape, p.grad!.shape);
    }

    [Fact]
    public void The_negative_elbo_matches_hand_computed_values()
    {
        // All weights 0: logits 0, so x̂ = ½ and each pixel costs ln 2 whatever x; μ = 0, log σ² = 0: KL = 0.
        // encoder_mean.bias = 1 and encoder_log_variance.bias = ln 4: per latent dimension
        // KL = ½(μ² + σ² − log σ² − 1) = ½(1 + 4 − ln 4 − 1); the decoder still outputs ½ (its weights are 0).
        TorchRuntime.PrepareCurrentThread();
        using var scope = torch.NewDisposeScope();
        using var network = new CVaeNetwork(new CVaeArchitecture(Vae.Image, Vae.Classes, Vae.LatentSize, Vae.HiddenWidth));
        var weights = new float[Vae.ParameterCount];
        FlatWeights.Set(network, weights);
        var x = torch.tensor(Enumerable.Range(0, 2 * 784).Select(i => i % 7 / 6f).ToArray(), [2, 784]);
        var y = torch.tensor(OneHotLabels.Encode(new long[] { 1, 2 }, 10), [2, 10]);
        var noise = torch.tensor(Enumerable.Range(0, 40).Select(i => (i % 5 - 2) * 0.7f).ToArray(), [2, 20]);
        Assert.Equal(784 * Math.Log(2), network.NegativeElbo(x, y, noise).item<float>(), tolerance: 1e-3); // float32 sum of 784 terms

        var layout = Vae.ParameterLayout().ToDictionary(s => s.Name);
        Array.Fill(weights, 1f, layout["encoder_mean.bias"].Offset, 20);
        Array.Fill(weights, (float)Math.Log(4), layout["encoder_log_variance.bias"].Offset, 20);
        FlatWeights.Set(network, weights);
        var divergence = 20 * 0.5 * (1 + 4 - Math.Log(4) - 1);
        Assert.Equal(784 * Math.Log(2) + divergence, network.NegativeElbo(x, y, noise).item<float>(), tolerance: 1e-3);
    }

    [Fact]
    public void The_same_job_gives_a_bit_identical_result_and_another_seed_another()
    {
        var job = Job(Vae, Vae.InitialWeights(5), Range(0, 40), seed: 11);
        var first = Vae.Train(job);
        var second = Vae.Train(job);
        var other = Vae.Train(job with { Seed = 12 });

        Assert.Equal(Bits(first.Delta), Bits(second.Delta));
        Assert.Equal(first.MeanLoss, second.MeanLoss);
        Assert.NotEqual(Bits(first.Delta), Bits(other.Delta));
        Assert.Contains(first.Delta, d => d != 0);
        Assert.Equal(40, first.Samples);
        Assert.Equal(3 * 8, first.SamplePasses);
        Assert.Equal(Vae.InitialWeights(5), Vae.InitialWeights(5));
        Assert.NotEqual(Vae.InitialWeights(5), Vae.InitialWeights(6));
    }

    [Fact]
    public void Initial_weights_lie_within_the_pytorch_default_bounds()
    {
        var weights = Vae.InitialWeights(2);
        foreach (var slice in Vae.ParameterLayout())
        {
            var fanIn = slice.Name.StartsWith("encoder_hidden", StringComparison.Ordinal) ? 794
                : slice.Name.StartsWith("decoder_hidden", StringComparison.Ordinal) ? 30 : 400;
            var values = weights.AsSpan(slice.Offset, slice.Length).ToArray();
            Assert.All(values, w => Assert.InRange(Math.Abs(w), 0, 1 / Math.Sqrt(fanIn)));
            Assert.True(values.Max() - values.Min() > 1 / Math.Sqrt(fanIn), slice.Name); // spread over the interval
        }
    }

    [Fact]
    public void The_last_batch_of_a_pass_holds_the_remainder()
    {
        // 5 samples in batches of 2: 2, 2, 1 | 2, … — four steps make 7 sample passes.
        var result = Small.Train(Job(Small, Small.InitialWeights(1), Range(0, 5), seed: 3, steps: 4, batch: 2));
        Assert.Equal(7, result.SamplePasses);
        Assert.Equal(5, result.Samples);
    }

    [Fact]
    public void Training_lowers_the_negative_elbo()
    {
        var initial = Vae.InitialWeights(7);
        // One step reports the loss of its batch before the update: the same probe batch and noise before and after.
        var probe = Job(Vae, initial, Range(0, 240), seed: 99, steps: 1, batch: 64, beta1: 0.9);
        var before = Vae.Train(probe).MeanLoss;

        var trained = Vae.Train(Job(Vae, initial, Range(0, 240), seed: 1, steps: 40, batch: 32, beta1: 0.9));
        var after = Vae.Train(probe with { GlobalWeights = Add(initial, trained.Delta) }).MeanLoss;

        output.WriteLine($"negative ELBO per image: {before:F1} before, {trained.MeanLoss:F1} mean over training, {after:F1} after");
        Assert.True(after < 0.75 * before, $"{before} -> {after}");
    }

    [Fact]
    public void Samples_are_deterministic_images_in_the_unit_interval()
    {
        var weights = Vae.InitialWeights(4);
        int[] labels = [0, 3, 9, 9, 5];
        var images = Vae.Sample(weights, labels, seed: 8);
        var again = Vae.Sample(weights, labels, seed: 8);
        var other = Vae.Sample(weights, labels, seed: 9);

        Assert.Equal(labels.Length * 784, images.Length);
        Assert.All(images, p => Assert.InRange(p, 0f, 1f));
        Assert.Equal(Bits(images), Bits(again));
        Assert.NotEqual(Bits(images), Bits(other));
        Assert.Empty(Vae.Sample(weights, [], seed: 8));
    }

    [Fact]
    public void Samples_decode_with_the_label_and_hand_set_weights_give_known_pixels()
    {
        // Zero weights and decoder_output.bias = b: every pixel is sigmoid(b), whatever z and the label.
        var weights = new float[Small.ParameterCount];
        var bias = Small.ParameterLayout().Single(s => s.Name == "decoder_output.bias");
        for (var i = 0; i < bias.Length; i++)
            weights[bias.Offset + i] = i % 2 == 0 ? 0f : 2f;
        var images = Small.Sample(weights, [1, 7], seed: 1);
        for (var i = 0; i < images.Length; i++)
            Assert.Equal(i % 784 % 2 == 0 ? 0.5 : 1 / (1 + Math.Exp(-2)), images[i], 6);
    }

    [Fact]
    public void Bad_inputs_are_rejected_with_argument_exceptions()
    {
        var weights = Small.InitialWeights(1);
        var good = Job(Small, weights, Range(0, 8), seed: 1, steps: 1);
        Assert.Throws<ArgumentException>(() => Small.Train(good with { GlobalWeights = new float[10] }));
        Assert.Throws<ArgumentException>(() => Small.Train(good with { SampleIndices = [] }));
        Assert.Throws<ArgumentException>(() => Small.Train(good with { SampleIndices = [0, 240] }));
        Assert.Throws<ArgumentException>(() => Small.Train(good with { SampleIndices = [-1] }));
        var wrongShape = new ArrayBatchSource(new float[2 * 16 * 16], [0L, 1L], new FeatureShape(1, 16, 16));
        Assert.Throws<ArgumentException>(() => Small.Train(good with { Data = wrongShape }));
        var badLabel = new ArrayBatchSource(new float[2 * 784], [0L, 10L], new FeatureShape(1, 28, 28));
        Assert.Throws<ArgumentException>(() => Small.Train(good with { Data = badLabel, SampleIndices = [0, 1] }));
        Assert.Throws<ArgumentException>(() => Small.Train(good with { Hyperparameters = good.Hyperparameters with { LocalSteps = 0 } }));
        Assert.Throws<ArgumentException>(() => Small.Train(good with { Hyperparameters = good.Hyperparameters with { BatchSize = 0 } }));
        Assert.Throws<ArgumentException>(() => Small.Train(good with { Hyperparameters = good.Hyperparameters with { LearningRate = 0 } }));
        Assert.Throws<ArgumentException>(() => Small.Train(good with { Hyperparameters = good.Hyperparameters with { Beta2 = 1 } }));
        // A VAE has no discriminator: its rate is ignored.
        Small.Train(good with { Hyperparameters = good.Hyperparameters with { DiscriminatorLearningRate = 0 } });

        Assert.Throws<ArgumentException>(() => Small.Sample(weights, [10], seed: 1));
        Assert.Throws<ArgumentException>(() => Small.Sample(weights, [-1], seed: 1));
        Assert.Throws<ArgumentException>(() => Small.Sample(new float[3], [0], seed: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConditionalVae(latentSize: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConditionalVae(hiddenWidth: 0));
    }

    [Fact]
    public void A_cancelled_job_stops()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Small.Train(Job(Small, Small.InitialWeights(1), Range(0, 8), seed: 1), cancelled.Token));
    }
}
