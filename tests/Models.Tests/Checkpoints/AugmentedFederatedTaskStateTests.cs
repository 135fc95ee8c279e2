using FgsActors.Models.Data;
using FgsActors.Models.Federated;
using FgsActors.Models.Generative;
using FgsActors.Models.Learning;
using FgsActors.Models.Tests.Federated;

namespace FgsActors.Models.Tests.Checkpoints;

/// <summary>
/// The augmented task's checkpoint state is its two tasks': a real MLP classifier and the fake generator, both with
/// FedAvgM, the generator with a re-validation policy.
/// </summary>
public sealed class AugmentedFederatedTaskStateTests
{
    private static readonly FeatureShape Shape = new(1, 8, 8);
    private static readonly ImageDataset Train = SyntheticImages.Generate(24, seed: 1, classes: 4, size: 8);
    private static readonly int[][] Shards = [[0, 1, 2, 3, 4, 5, 6, 7], [8, 9, 10], [11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23]];

    public AugmentedFederatedTaskStateTests() => FgsActors.Models.Torch.TorchNative.EnsureLoaded();

    private static AugmentedFederatedTask Build()
    {
        var generator = new FederatedGenerativeTask(new FakeGenerator(Shape, 4), new StaticClientData(new ImageBatchSource(Train), Shards),
            new GenerativeHyperparameters(LocalSteps: 3, BatchSize: 4, LearningRate: 1e-3, DiscriminatorLearningRate: 2e-4),
            InlineJobRunner.Instance, 3, new GenerativeEvaluation(SamplesPerClass: 2, LocalDevices: 2), new RecordingJudge(),
            new RevalidationPolicy(new RevalidationSettings(RevalidationAction.Flag, 1.5, TrainRounds: 0, RetrainRounds: 1)),
            strategy: new FedAvgM(0.5));
        return new AugmentedFederatedTask(FederatedTaskStateTests.Classifier(new FedAvgM(0.9, 0.8)), generator, Train.Labels,
            new AugmentationSettings(StartRound: 1, MinPerClass: 2), 3);
    }

    private static (AugmentedFederatedTask Task, float[] Global) AfterTwoRounds()
    {
        var task = Build();
        var global = task.InitialWeights;
        for (var round = 0; round < 2; round++)
        {
            global = task.Aggregate(global, FederatedTaskStateTests.Updates(round, global.Length, Shards.Length));
            task.Evaluate(global, round, 100 * round);
        }
        return (task, global);
    }

    [Fact]
    public void A_twin_loaded_from_the_state_evaluates_and_aggregates_as_the_original_would()
    {
        var (original, global) = AfterTwoRounds();
        var twin = Build();

        StateBytes.CopyInto(original, twin);

        Assert.Equal(original.Generator.LastSamples!.Value.Images, twin.Generator.LastSamples!.Value.Images);
        Assert.Equal(original.Generator.Policy!.Timeline, twin.Generator.Policy!.Timeline);
        Assert.Equal(original.Evaluate(global, 2, 200), twin.Evaluate(global, 2, 200));
        var next = FederatedTaskStateTests.Updates(2, global.Length, Shards.Length);
        var expected = original.Aggregate(global, next);
        Assert.Equal(expected, twin.Aggregate(global, next));
        Assert.Equal(StateBytes.Save(original), StateBytes.Save(twin));
        Assert.NotEqual(expected, Build().Aggregate(global, next));
    }

    [Fact]
    public void A_cut_off_state_fails_to_load()
    {
        var (original, _) = AfterTwoRounds();

        StateBytes.AssertEveryCutThrows(StateBytes.Save(original), Build());
    }
}
