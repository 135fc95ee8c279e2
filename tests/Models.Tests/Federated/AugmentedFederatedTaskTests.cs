using FgsActors.Models.Data;
using FgsActors.Models.Federated;
using FgsActors.Models.Generative;
using FgsActors.Models.Learning;
using FgsActors.Models.Torch;

namespace FgsActors.Models.Tests.Federated;

/// <summary>
/// The augmented task: a real MLP classifier on 40 synthetic 8×8 images of four classes, and the fake generator. Client
/// 0 holds 3 samples of class 0, 1 of class 1, none of class 2 and 5 of class 3; client 1 holds 4 of every class.
/// </summary>
public sealed class AugmentedFederatedTaskTests
{
    private const ulong Seed = 7;
    private const int Classes = 4;
    private const int MinPerClass = 4;
    private const int StartRound = 2;
    private static readonly FeatureShape Shape = new(1, 8, 8);
    private static readonly ImageDataset Train = SyntheticImages.Generate(40, seed: 1, classes: Classes, size: 8);
    private static readonly ImageDataset Test = SyntheticImages.Generate(20, seed: 2, classes: Classes, size: 8);
    private static readonly GenerativeHyperparameters GeneratorSettings = new(LocalSteps: 3, BatchSize: 4, LearningRate: 1e-3, DiscriminatorLearningRate: 2e-4);

    private static int[] OfClass(int c, int skip, int count) =>
        Enumerable.Range(0, Train.Count).Where(i => Train.Label(i) == c).Skip(skip).Take(count).ToArray();

    private static readonly int[][] Shards =
    [
        [.. OfClass(0, 0, 3), .. OfClass(1, 0, 1), .. OfClass(3, 0, 5)],
        [.. OfClass(0, 5, 4), .. OfClass(1, 5, 4), .. OfClass(2, 5, 4), .. OfClass(3, 5, 4)],
    ];

    private readonly FederatedTask _classifier;
    private readonly FakeGenerator _fake = new(Shape, Classes);
    private readonly RecordingJudge _judge = new();
    private readonly FederatedGenerativeTask _generator;
    private readonly AugmentedFederatedTask _task;

    public AugmentedFederatedTaskTests()
    {
        TorchNative.EnsureLoaded();
        _classifier = Classifier(Shards);
        _generator = Generator(Shards);
        _task = new AugmentedFederatedTask(_classifier, _generator, Train.Labels, new AugmentationSettings(StartRound, MinPerClass), Seed);
    }

    private static FederatedTask Classifier(int[][] shards) =>
        new(NetworkCatalog.Mlp(Shape, hidden: 8, classes: Classes), Train, Test, shards, new TrainingHyperparameters(1, 4, 0.05),
            new FedAvg(), InlineJobRunner.Instance, Seed, evalBatchSize: 10);

    private FederatedGenerativeTask Generator(int[][] shards) =>
        new(_fake, new StaticClientData(new ImageBatchSource(Train), shards), GeneratorSettings, InlineJobRunner.Instance, Seed,
            new GenerativeEvaluation(SamplesPerClass: 2, LocalDevices: 2), _judge);

    private int Split => _classifier.InitialWeights.Length;

    [Fact]
    public void Initial_weights_are_the_classifiers_followed_by_the_generators()
    {
        Assert.Equal([.. _classifier.InitialWeights, .. _generator.InitialWeights], _task.InitialWeights);
        Assert.Equal(Split + FakeGenerator.Weights, _task.InitialWeights.Length);
        Assert.True(_task.ReportsFidelity);
    }

    [Fact]
    public void The_top_up_fills_every_class_to_the_minimum()
    {
        // Client 0: 4 − 3 + 4 − 1 + 4 − 0 + max(0, 4 − 5) = 1 + 3 + 4 + 0 = 8. Client 1 holds 4 of each: none.
        Assert.Equal(8, _task.TopUpOf(0));
        Assert.Equal(0, _task.TopUpOf(1));
        Assert.Equal((9, 16), (_task.SamplesOf(0), _task.SamplesOf(1)));
    }

    [Fact]
    public async Task Before_the_start_round_no_synthetic_samples_are_used_and_the_classifier_trains_as_alone()
    {
        var global = _task.InitialWeights;

        var update = await _task.Train(0, StartRound - 1, global, 0);
        var alone = await _classifier.Train(0, StartRound - 1, global[..Split], 0);

        Assert.Empty(_fake.SampleCalls);
        Assert.Equal(alone.Delta, update.Delta[..Split]);
        Assert.Equal(FakeGenerator.DeltaOf(_fake.Jobs.Single()), update.Delta[Split..]);
        Assert.Equal((0, 9, alone.Loss), (update.Client, update.Samples, update.Loss));
    }

    [Fact]
    public async Task From_the_start_round_the_classifier_also_trains_on_the_generators_samples_of_the_missing_classes()
    {
        var global = _task.InitialWeights;

        var update = await _task.Train(0, StartRound, global, 0);
        var alone = await _classifier.Train(0, StartRound, global[..Split], 0);

        var call = _fake.SampleCalls.Single();
        Assert.Equal([0, 1, 1, 1, 2, 2, 2, 2], call.Labels);
        Assert.Equal(global[Split..], call.Weights); // the global generator the client received
        Assert.NotEqual(alone.Delta, update.Delta[..Split]);
        Assert.Equal(9, update.Samples); // the FedAvg weight stays the real sample count
    }

    [Fact]
    public async Task A_client_that_lacks_nothing_samples_nothing()
    {
        await _task.Train(1, StartRound + 3, _task.InitialWeights, 0);

        Assert.Empty(_fake.SampleCalls);
        Assert.Single(_fake.Jobs);
    }

    [Fact]
    public void Aggregate_averages_each_part_by_its_own_rule_and_joins_them()
    {
        var global = _task.InitialWeights;
        var split = Split;
        LocalUpdate Update(int client, int samples, float classifier, float[] generator) =>
            new(client, [.. Enumerable.Repeat(classifier, split), .. generator], samples, 0);

        // Classifier: (1·1 + 3·5) / 4 = 4 everywhere. Generator: (1·[4, 0, 8] + 3·[0, 4, −4]) / 4 = [1, 3, −1].
        var result = _task.Aggregate(global, [Update(1, 3, 5, [0, 4, -4]), Update(0, 1, 1, [4, 0, 8])]);

        Assert.Equal(global[..split].Select(w => (float)(w + 4.0)), result[..split]);
        Assert.Equal([global[split] + 1, global[split + 1] + 3, global[split + 2] - 1], result[split..]);
    }

    [Fact]
    public void Evaluate_carries_the_classifiers_accuracy_and_loss_and_the_generators_fidelity()
    {
        var weights = _task.InitialWeights;

        var evaluation = _task.Evaluate(weights, 3, 900);
        var alone = _classifier.Evaluate(weights[..Split], 3, 900);

        Assert.Equal(alone.Accuracy, evaluation.Accuracy);
        Assert.Equal(alone.Loss, evaluation.Loss);
        Assert.False(double.IsNaN(evaluation.Loss));
        Assert.Equal(_judge.Answer, evaluation.Fidelity);
        Assert.All(_fake.SampleCalls, c => Assert.Equal(weights[Split..], c.Weights));
    }

    [Fact]
    public void Sample_passes_count_real_and_synthetic_epochs_plus_the_generators_work_in_classifier_flops()
    {
        var classifierFlops = _classifier.Profile.TrainingFlopsPerSample;

        // (shard + top-up) × 1 epoch + (K·B = 12 generator passes × 1,000 FLOPs + top-up × 250 FLOPs) / classifier FLOPs.
        Assert.Equal(17 + (12 * 1_000 + 8 * 250) / classifierFlops, _task.SamplePassesOf(0), 9);
        Assert.Equal(16 + 12 * 1_000 / classifierFlops, _task.SamplePassesOf(1), 9);
    }

    [Fact]
    public void The_profile_holds_both_models()
    {
        var c = _classifier.Profile;

        // Plain SGD keeps no buffers, Adam two: the parameter-weighted mean (0·P + 2·3) / (P + 3) is a small positive
        // fraction, which rounds up to one buffer copy.
        Assert.Equal(0, c.OptimizerStateCopies);
        Assert.Equal(c with
        {
            Parameters = c.Parameters + FakeGenerator.Weights,
            ActivationBytesPerSample = Math.Max(c.ActivationBytesPerSample, 64),
            OptimizerStateCopies = 1,
        }, _task.Profile);
    }

    [Fact]
    public void Invalid_settings_and_mismatched_clients_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AugmentedFederatedTask(_classifier, _generator, Train.Labels, new AugmentationSettings(-1, 1), Seed));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AugmentedFederatedTask(_classifier, _generator, Train.Labels, new AugmentationSettings(0, 0), Seed));
        var threeClients = Generator([.. Shards, []]);
        Assert.Throws<ArgumentException>(() => new AugmentedFederatedTask(_classifier, threeClients, Train.Labels, new AugmentationSettings(0, 1), Seed));
    }
}
