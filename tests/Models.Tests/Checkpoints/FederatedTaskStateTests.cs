using FgsActors.Models.Checkpoints;
using FgsActors.Models.Data;
using FgsActors.Models.Federated;
using FgsActors.Models.Learning;
using FgsActors.Models.Randomness;
using FgsActors.Models.Torch;

namespace FgsActors.Models.Tests.Checkpoints;

/// <summary>
/// The classifier task's checkpoint state: a small MLP on synthetic 8×8 images, three clients, FedAvgM on the server,
/// fed synthetic updates (the state is the server's; training jobs keep none).
/// </summary>
public sealed class FederatedTaskStateTests
{
    private const ulong Seed = 3;
    private static readonly FeatureShape Shape = new(1, 8, 8);
    private static readonly ImageDataset Train = SyntheticImages.Generate(24, seed: 1, classes: 4, size: 8);
    private static readonly ImageDataset Test = SyntheticImages.Generate(8, seed: 2, classes: 4, size: 8);
    private static readonly int[][] Shards = [[0, 1, 2, 3, 4, 5, 6, 7], [8, 9, 10], [11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23]];

    public FederatedTaskStateTests() => TorchNative.EnsureLoaded();

    internal static FederatedTask Classifier(IServerStrategy strategy) =>
        new(NetworkCatalog.Mlp(Shape, hidden: 8, classes: 4), Train, Test, Shards, new TrainingHyperparameters(1, 4, 0.05),
            strategy, InlineJobRunner.Instance, Seed, evalBatchSize: 8);

    /// <summary>Updates of every client with deltas drawn from a stream seeded by <paramref name="round"/>.</summary>
    internal static LocalUpdate[] Updates(int round, int length, int clients)
    {
        var random = new Xoshiro256StarStar((ulong)round + 100);
        return Enumerable.Range(0, clients).Reverse()
            .Select(c => new LocalUpdate(c, Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() - 0.5) * 0.1f).ToArray(), 5 + 3 * c, 0.5))
            .ToArray();
    }

    private static (FederatedTask Task, float[] Global) AfterTwoRounds()
    {
        var task = Classifier(new FedAvgM(0.9, 0.8));
        var global = task.InitialWeights;
        for (var round = 0; round < 2; round++)
            global = task.Aggregate(global, Updates(round, global.Length, Shards.Length));
        return (task, global);
    }

    [Fact]
    public void A_twin_loaded_from_the_state_takes_the_next_server_step_bit_for_bit()
    {
        var (original, global) = AfterTwoRounds();
        var twin = Classifier(new FedAvgM(0.9, 0.8));

        StateBytes.CopyInto(original, twin);

        var next = Updates(2, global.Length, Shards.Length);
        var expected = original.Aggregate(global, next);
        Assert.Equal(expected, twin.Aggregate(global, next));
        Assert.Equal(StateBytes.Save(original), StateBytes.Save(twin));
        // Without the state the step differs.
        Assert.NotEqual(expected, Classifier(new FedAvgM(0.9, 0.8)).Aggregate(global, next));
    }

    [Fact]
    public void A_cut_off_state_fails_to_load()
    {
        var (original, _) = AfterTwoRounds();

        StateBytes.AssertEveryCutThrows(StateBytes.Save(original), Classifier(new FedAvgM(0.9, 0.8)));
    }

    [Fact]
    public void A_FedAvgM_state_does_not_load_into_a_FedAvg_task()
    {
        var (original, _) = AfterTwoRounds();

        var error = Assert.Throws<CheckpointFormatException>(() => StateBytes.Load(Classifier(new FedAvg()), StateBytes.Save(original)));

        Assert.Contains("server strategy", error.Message);
    }

    [Fact]
    public void A_FedAvg_task_saves_only_its_sanity_values_and_strategy_name()
    {
        var task = Classifier(new FedAvg());
        task.Aggregate(task.InitialWeights, Updates(0, task.InitialWeights.Length, Shards.Length));

        var bytes = StateBytes.CopyInto(task, Classifier(new FedAvg()));

        // Clients (4 bytes), parameters (4), "fedavg" (1 length byte + 6).
        Assert.Equal(4 + 4 + 1 + 6, bytes.Length);
    }
}
