using FgsActors.Models.Checkpoints;
using FgsActors.Models.Federated;
using FgsActors.Models.Generative;
using FgsActors.Models.Learning;
using FgsActors.Models.Tests.Federated;

namespace FgsActors.Models.Tests.Checkpoints;

/// <summary>
/// The federated generator's checkpoint state, with the fake generator and the recording judge: 12 samples of 1×2×2
/// pixels held by four clients, FedAvgM on the server and a re-validation policy.
/// </summary>
public sealed class FederatedGenerativeTaskStateTests
{
    private const ulong Seed = 42;
    private static readonly FeatureShape Shape = new(1, 2, 2);
    private static readonly ArrayBatchSource Source = new(
        Enumerable.Range(0, 12 * 4).Select(i => i / 48f).ToArray(), Enumerable.Range(0, 12).Select(i => (long)(i % 3)).ToArray(), Shape);
    private static readonly int[][] Shards = [[0, 1, 2], [3, 4, 5, 6, 7, 8], [], [9, 10, 11]];
    private static readonly GenerativeHyperparameters Hyperparameters = new(LocalSteps: 7, BatchSize: 5, LearningRate: 1e-3, DiscriminatorLearningRate: 2e-4);

    private static (FederatedGenerativeTask Task, RecordingJudge Judge) Build(bool withPolicy = true)
    {
        var judge = new RecordingJudge();
        var policy = withPolicy ? new RevalidationPolicy(new RevalidationSettings(RevalidationAction.Retrain, 1.5, TrainRounds: 2, RetrainRounds: 1)) : null;
        var task = new FederatedGenerativeTask(new FakeGenerator(Shape, classes: 3), new StaticClientData(Source, Shards), Hyperparameters,
            InlineJobRunner.Instance, Seed, new GenerativeEvaluation(SamplesPerClass: 2, LocalDevices: 3), judge, policy,
            strategy: new FedAvgM(0.9, 0.5));
        return (task, judge);
    }

    private static LocalUpdate Update(int client, int samples, params float[] delta) => new(client, delta, samples, 0.25);

    /// <summary>Two aggregated and evaluated rounds: the latest clients are 1 and 3; returns the global model.</summary>
    private static float[] TwoRounds(FederatedGenerativeTask task)
    {
        var g1 = task.Aggregate(task.InitialWeights, [Update(3, 3, 0.1f, 4, -4), Update(0, 3, 1, 1, 1), Update(1, 6, -0.3f, 0.7f, 2)]);
        task.Evaluate(g1, 0, 100);
        var g2 = task.Aggregate(g1, [Update(3, 3, 0.2f, 0.1f, 1f / 3), Update(1, 6, 1f / 7, -2, 0.5f)]);
        task.Evaluate(g2, 1, 200);
        return g2;
    }

    [Fact]
    public void A_twin_loaded_from_the_state_evaluates_and_aggregates_as_the_original_would()
    {
        var (original, originalJudge) = Build();
        var global = TwoRounds(original);
        var (twin, twinJudge) = Build();

        StateBytes.CopyInto(original, twin);

        Assert.Equal(original.LastSamples!.Value.Images, twin.LastSamples!.Value.Images);
        Assert.Equal(original.LastSamples!.Value.Labels, twin.LastSamples!.Value.Labels);
        Assert.Equal(original.Policy!.Timeline, twin.Policy!.Timeline);
        Assert.Equal(Enumerable.Range(0, 6).Select(original.WantsTraining), Enumerable.Range(0, 6).Select(twin.WantsTraining));
        // Local FID goes to the latest aggregation's clients, 1 and 3.
        Assert.Equal(original.Evaluate(global, 2, 300), twin.Evaluate(global, 2, 300));
        Assert.Equal([1, 3], twinJudge.Calls.Single().Locals.Select(l => l.Device));
        Assert.Equal(originalJudge.Calls[^1].Locals.Select(l => l.Data.Indices), twinJudge.Calls.Single().Locals.Select(l => l.Data.Indices));
        // The server velocity: the next step is bit-identical.
        LocalUpdate[] next = [Update(0, 3, 0.5f, -0.5f, 0.125f)];
        Assert.Equal(original.Aggregate(global, next), twin.Aggregate(global, next));
        Assert.Equal(StateBytes.Save(original), StateBytes.Save(twin));
    }

    [Fact]
    public void Without_the_state_a_fresh_task_has_no_samples_no_latest_clients_and_another_next_step()
    {
        var (original, _) = Build();
        var global = TwoRounds(original);
        var (fresh, judge) = Build();

        Assert.NotEqual(StateBytes.Save(original), StateBytes.Save(fresh));
        Assert.Null(fresh.LastSamples);
        fresh.Evaluate(global, 2, 300);
        Assert.Empty(judge.Calls.Single().Locals);
        LocalUpdate[] next = [Update(0, 3, 0.5f, -0.5f, 0.125f)];
        Assert.NotEqual(original.Aggregate(global, next), fresh.Aggregate(global, next));
    }

    [Fact]
    public void Before_any_round_the_state_round_trips_too()
    {
        var (twin, _) = Build();

        StateBytes.CopyInto(Build().Task, twin);

        Assert.Null(twin.LastSamples);
    }

    [Fact]
    public void A_cut_off_state_fails_to_load()
    {
        var (original, _) = Build();
        TwoRounds(original);

        StateBytes.AssertEveryCutThrows(StateBytes.Save(original), Build().Task);
    }

    [Fact]
    public void A_state_with_a_policy_does_not_load_into_a_task_without_one()
    {
        var (original, _) = Build();
        TwoRounds(original);

        var error = Assert.Throws<CheckpointFormatException>(() => StateBytes.Load(Build(withPolicy: false).Task, StateBytes.Save(original)));

        Assert.Contains("re-validation policy", error.Message);
    }
}
