using FgsActors.Models.Federated;
using FgsActors.Models.Generative;
using FgsActors.Models.Learning;

namespace FgsActors.Models.Tests.Federated;

/// <summary>
/// The federated generator task with a fake generator and a recording judge: 12 samples of 1×2×2 pixels with labels
/// i mod 3, held by four clients with 3, 6, 0 and 3 samples.
/// </summary>
public sealed class FederatedGenerativeTaskTests
{
    private const ulong Seed = 42;
    private static readonly FeatureShape Shape = new(1, 2, 2);
    private static readonly byte[] Labels = Enumerable.Range(0, 12).Select(i => (byte)(i % 3)).ToArray();
    private static readonly ArrayBatchSource Source = new(
        Enumerable.Range(0, 12 * 4).Select(i => i / 48f).ToArray(), Labels.Select(l => (long)l).ToArray(), Shape);
    private static readonly int[][] Shards = [[0, 1, 2], [3, 4, 5, 6, 7, 8], [], [9, 10, 11]];
    private static readonly GenerativeHyperparameters Hyperparameters = new(LocalSteps: 7, BatchSize: 5, LearningRate: 1e-3, DiscriminatorLearningRate: 2e-4);

    private static (FederatedGenerativeTask Task, FakeGenerator Generator, RecordingJudge Judge) Build(
        IClientDataSource? data = null, int localDevices = 2, RevalidationPolicy? policy = null, ulong seed = Seed)
    {
        var generator = new FakeGenerator(Shape, classes: 3);
        var judge = new RecordingJudge();
        var task = new FederatedGenerativeTask(generator, data ?? new StaticClientData(Source, Shards), Hyperparameters,
            InlineJobRunner.Instance, seed, new GenerativeEvaluation(SamplesPerClass: 2, localDevices), judge, policy);
        return (task, generator, judge);
    }

    private static LocalUpdate Update(int client, int samples, params float[] delta) => new(client, delta, samples, 0);

    [Fact]
    public void Aggregate_is_the_sample_weighted_mean_of_the_deltas_and_ignores_updates_without_samples()
    {
        var (task, _, _) = Build();
        float[] global = [1, 2, 3];

        // (1·[4, 0, 8] + 3·[0, 4, −4]) / 4 = [1, 3, −1]; client 2 has no samples and huge numbers.
        var result = task.Aggregate(global, [Update(3, 3, 0, 4, -4), Update(2, 0, 100, 100, 100), Update(1, 1, 4, 0, 8)]);

        Assert.Equal([2f, 5f, 2f], result);
        Assert.Equal([1f, 2f, 3f], global);
    }

    [Fact]
    public void Updates_without_samples_leave_the_global_model_and_the_latest_clients_as_they_were()
    {
        var (task, _, judge) = Build();
        float[] global = [1, 2, 3];
        task.Aggregate(global, [Update(3, 3, 0, 4, -4), Update(2, 0, 1, 1, 1), Update(1, 1, 4, 0, 8)]);

        var unchanged = task.Aggregate(global, [Update(0, 0, 5, 5, 5)]);
        task.Evaluate(unchanged, 1, 10);

        Assert.Equal(global, unchanged);
        Assert.NotSame(global, unchanged);
        // The client without samples (2) is not among the latest clients, though its id is lower than 3's.
        Assert.Equal([1, 3], judge.Calls.Single().Locals.Select(l => l.Device));
    }

    [Fact]
    public void Evaluate_reports_the_judges_conditional_accuracy_no_loss_and_the_fidelity()
    {
        var (task, _, judge) = Build();

        var evaluation = task.Evaluate(task.InitialWeights, 0, 0);

        Assert.Equal(0.625, evaluation.Accuracy);
        Assert.True(double.IsNaN(evaluation.Loss));
        Assert.Equal(judge.Answer with { LocalDevices = 0 }, evaluation.Fidelity);
        Assert.True(task.ReportsFidelity);
    }

    [Fact]
    public void The_judge_gets_samples_per_class_images_of_every_class_in_class_order()
    {
        var (task, generator, judge) = Build();
        float[] weights = [9, 8, 7];

        task.Evaluate(weights, 0, 0);

        var (images, labels, _) = judge.Calls.Single();
        Assert.Equal([0, 0, 1, 1, 2, 2], labels);
        Assert.Equal(6 * Shape.Elements, images.Length);
        for (var j = 0; j < labels.Length; j++)
            Assert.All(images.AsSpan(j * 4, 3).ToArray(), p => Assert.Equal(labels[j] / 10f, p));
        // One sampling job per class, each of SamplesPerClass images, from the evaluated weights.
        var calls = generator.SampleCalls.ToArray();
        Assert.Equal([[0, 0], [1, 1], [2, 2]], calls.Select(c => c.Labels).OrderBy(l => l[0]));
        Assert.All(calls, c => Assert.Equal(weights, c.Weights));
        Assert.Equal(task.LastSamples!.Value.Images, images);
        Assert.Equal(task.LastSamples!.Value.Labels, labels);
    }

    [Fact]
    public void Local_fid_is_measured_on_the_latest_aggregations_clients_lowest_ids_first_and_capped()
    {
        var (task, _, judge) = Build(localDevices: 2);
        float[] global = [0, 0, 0];

        task.Evaluate(global, 0, 0);
        var g1 = task.Aggregate(global, [Update(3, 3, 1, 1, 1), Update(0, 3, 1, 1, 1), Update(1, 6, 1, 1, 1)]);
        task.Evaluate(g1, 1, 100);
        var g2 = task.Aggregate(g1, [Update(3, 3, 1, 1, 1)]);
        task.Evaluate(g2, 2, 200);

        Assert.Empty(judge.Calls[0].Locals);
        Assert.Equal([0, 1], judge.Calls[1].Locals.Select(l => l.Device));
        Assert.Equal([Shards[0], Shards[1]], judge.Calls[1].Locals.Select(l => l.Data.Indices));
        Assert.Equal([3], judge.Calls[2].Locals.Select(l => l.Device));
    }

    [Fact]
    public void No_local_devices_turns_local_fid_off()
    {
        var (task, _, judge) = Build(localDevices: 0);
        float[] global = [0, 0, 0];

        task.Evaluate(task.Aggregate(global, [Update(0, 3, 1, 1, 1), Update(1, 6, 1, 1, 1)]), 0, 0);

        Assert.Empty(judge.Calls.Single().Locals);
    }

    [Fact]
    public void Local_data_are_read_at_the_evaluations_time_so_a_post_drift_evaluation_sees_the_drifted_data()
    {
        var drifting = new DriftingClientData(Source, Labels, 3, Shards, new DriftSettings(100, 1, 1, 0.5, 0), seed: 3);
        var (task, _, judge) = Build(drifting);
        float[] global = [0, 0, 0];
        var g = task.Aggregate(global, [Update(0, 3, 1, 1, 1), Update(1, 6, 1, 1, 1)]);

        task.Evaluate(g, 0, 50);
        task.Evaluate(g, 1, 150);

        var before = judge.Calls[0].Locals;
        var after = judge.Calls[1].Locals;
        Assert.All(before, l => Assert.Same(Source, l.Data.Source));
        Assert.Equal([Shards[0], Shards[1]], before.Select(l => l.Data.Indices));
        Assert.Equal([drifting.At(0, 150).Indices, drifting.At(1, 150).Indices], after.Select(l => l.Data.Indices));
        Assert.NotEqual(Shards[0], after[0].Data.Indices);
        Assert.All(after, l => Assert.IsType<PixelShiftedSource>(l.Data.Source));
    }

    [Fact]
    public void A_round_costs_local_steps_times_batch_sample_passes_whatever_the_shard()
    {
        var (task, _, _) = Build();

        Assert.All(Enumerable.Range(0, Shards.Length), k => Assert.Equal(35.0, task.SamplePassesOf(k)));
        Assert.Equal([3, 6, 0, 3], Enumerable.Range(0, Shards.Length).Select(task.SamplesOf));
        Assert.Equal(new LearningProfile(3, 1_000, 64, 5, 1, 2), task.Profile);
        Assert.Equal(4, task.Clients);
    }

    [Fact]
    public void Without_a_policy_every_round_trains_and_with_one_the_policy_decides_from_the_evaluations()
    {
        var (free, _, _) = Build();
        Assert.All(Enumerable.Range(0, 100), r => Assert.True(free.WantsTraining(r)));

        var policy = new RevalidationPolicy(new RevalidationSettings(RevalidationAction.Retrain, 1.5, TrainRounds: 2, RetrainRounds: 1));
        var (task, _, judge) = Build(policy: policy);
        float[] weights = [0, 0, 0];
        Assert.Equal([true, true, false, false], Enumerable.Range(0, 4).Select(task.WantsTraining));

        task.Evaluate(weights, 0, 0);
        task.Evaluate(weights, 1, 300); // freeze at local FID 20
        judge.Answer = judge.Answer with { LocalFidMean = 31 }; // > 1.5 × 20
        task.Evaluate(weights, 2, 600);

        Assert.Equal(["", "freeze", "retrain"], policy.Timeline.Select(e => e.Action));
        Assert.Same(policy, task.Policy);
        Assert.Equal([true, false], Enumerable.Range(3, 2).Select(task.WantsTraining)); // round 3 retrains
    }

    [Fact]
    public void Two_evaluations_of_the_same_weights_judge_identical_images()
    {
        var (task, generator, judge) = Build();
        var (other, _, otherJudge) = Build(seed: Seed + 1);
        float[] weights = [1, 2, 3];

        task.Evaluate(weights, 0, 0);
        task.Evaluate(weights, 5, 1_000);
        other.Evaluate(weights, 0, 0);

        Assert.Equal(judge.Calls[0].Images, judge.Calls[1].Images);
        var seeds = generator.SampleCalls.Select(c => c.Seed).ToArray();
        Assert.Equal(3, seeds.Distinct().Count()); // one noise stream per class, the same at each evaluation
        // The noise is fixed by the run seed: another run draws other noise.
        Assert.NotEqual(judge.Calls[0].Images, otherJudge.Calls[0].Images);
    }

    [Fact]
    public async Task Train_runs_the_generator_on_the_clients_data_and_returns_its_delta_with_the_shard_size()
    {
        var (task, generator, _) = Build();
        float[] global = [1, 2, 3];

        var pending = task.Train(1, 4, global, 10);
        Assert.True(pending.IsCompletedSuccessfully); // the inline runner ran it on this thread
        var update = await pending;

        var job = generator.Jobs.Single();
        Assert.Same(global, job.GlobalWeights);
        Assert.Same(Source, job.Data);
        Assert.Equal(Shards[1], job.SampleIndices);
        Assert.Equal(Hyperparameters, job.Hyperparameters);
        Assert.Equal(FederatedTask.JobSeed(Seed, 4, 1), job.Seed);
        Assert.Equal(1, update.Client);
        Assert.Equal(FakeGenerator.DeltaOf(job), update.Delta);
        Assert.Equal(6, update.Samples);
        Assert.Equal(0.5, update.Loss);
    }

    [Fact]
    public async Task A_client_without_data_returns_a_zero_update_without_training()
    {
        var (task, generator, _) = Build();

        var update = await task.Train(2, 0, [1, 2, 3], 0);

        Assert.Equal(new float[3], update.Delta);
        Assert.Equal((2, 0), (update.Client, update.Samples));
        Assert.Empty(generator.Jobs);
    }

    [Fact]
    public async Task Training_after_a_drift_uses_the_drifted_data()
    {
        var drifting = new DriftingClientData(Source, Labels, 3, Shards, new DriftSettings(100, 1, 1, 1, 0), seed: 3);
        var (task, generator, _) = Build(drifting);

        await task.Train(0, 0, [0, 0, 0], 99);
        await task.Train(0, 1, [0, 0, 0], 101);

        var jobs = generator.Jobs.ToArray();
        Assert.Equal(Shards[0], jobs[0].SampleIndices);
        Assert.Equal(drifting.At(0, 101).Indices, jobs[1].SampleIndices);
        Assert.NotEqual(Shards[0], jobs[1].SampleIndices);
    }

    [Fact]
    public void Initial_weights_come_from_the_generator_and_the_run_seed_and_are_a_copy()
    {
        var (task, generator, _) = Build();

        var weights = task.InitialWeights;
        weights[0] = -99;

        Assert.Equal(generator.InitialWeights(Seed), task.InitialWeights);
        Assert.Same(generator, task.Model);
    }

    [Fact]
    public void Invalid_evaluation_settings_are_refused()
    {
        var generator = new FakeGenerator(Shape, 3);
        var data = new StaticClientData(Source, Shards);
        Assert.Throws<ArgumentOutOfRangeException>(() => new FederatedGenerativeTask(generator, data, Hyperparameters,
            InlineJobRunner.Instance, 1, new GenerativeEvaluation(1, 2), new RecordingJudge()));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FederatedGenerativeTask(generator, data, Hyperparameters,
            InlineJobRunner.Instance, 1, new GenerativeEvaluation(2, -1), new RecordingJudge()));
        Assert.Throws<ArgumentNullException>(() => new FederatedGenerativeTask(generator, data, Hyperparameters,
            InlineJobRunner.Instance, 1, new GenerativeEvaluation(2, 1), null!));
    }
}
