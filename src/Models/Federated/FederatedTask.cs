using FgsActors.Models.Checkpoints;
using FgsActors.Models.Randomness;
using FgsActors.Models.Data;
using FgsActors.Models.Hardware;
using FgsActors.Models.Learning;

namespace FgsActors.Models.Federated;

/// <summary>
/// Real federated training on an image data set: each client trains the network on its shard (a partition of the
/// training set) with local SGD, the server strategy folds the updates into the global model, and the test set measures
/// it. Jobs run on the given <see cref="IJobRunner"/> (the trainer pool); each job's seed comes from (run seed, round,
/// client), so results do not depend on which trainer runs it or when. Jobs and evaluations compute on one
/// <see cref="ComputeDevice"/> (the CPU by default); weights and updates are CPU float arrays whatever the device.
/// <para>
/// Between rounds only the server strategy changes (FedAvgM's velocity): the shards, data and network are configuration,
/// jobs are pure functions of their seeds, and <see cref="EvaluationSeconds"/> is a wall-clock figure that a resumed
/// run counts afresh. So a checkpoint holds the strategy's state, behind sanity values that tie it to this
/// configuration.
/// </para>
/// </summary>
public sealed class FederatedTask : IFederatedLearning
{
    private readonly NetworkSpec _network;
    private readonly ImageBatchSource _train;
    private readonly ImageBatchSource _test;
    private readonly int[][] _shards;
    private readonly TrainingHyperparameters _hyperparameters;
    private readonly IServerStrategy _strategy;
    private readonly IJobRunner _runner;
    private readonly ulong _seed;
    private readonly int _evalBatchSize;
    private readonly float[] _initial;

    public FederatedTask(NetworkSpec network, ImageDataset train, ImageDataset test, int[][] shards,
        TrainingHyperparameters hyperparameters, IServerStrategy strategy, IJobRunner runner, ulong seed, int evalBatchSize,
        ComputeDevice device = default)
    {
        _network = network ?? throw new ArgumentNullException(nameof(network));
        _train = new ImageBatchSource(train);
        _test = new ImageBatchSource(test);
        _shards = shards ?? throw new ArgumentNullException(nameof(shards));
        _hyperparameters = hyperparameters ?? throw new ArgumentNullException(nameof(hyperparameters));
        _strategy = strategy ?? throw new ArgumentNullException(nameof(strategy));
        _runner = runner ?? throw new ArgumentNullException(nameof(runner));
        ArgumentOutOfRangeException.ThrowIfLessThan(evalBatchSize, 1);
        _seed = seed;
        _evalBatchSize = evalBatchSize;
        Device = device;
        _initial = network.InitialWeights(seed);
        var profile = network.Profile;
        Profile = new LearningProfile(profile.ParameterCount, profile.TrainingFlopsPerSample, profile.ActivationBytesPerSample,
            hyperparameters.BatchSize, hyperparameters.LocalEpochs,
            hyperparameters.Momentum > 0 ? OptimizerState.SgdMomentum : OptimizerState.Sgd);
    }

    public float[] InitialWeights => (float[])_initial.Clone();

    /// <summary>Where training jobs and evaluations compute.</summary>
    public ComputeDevice Device { get; }

    public LearningProfile Profile { get; }

    /// <summary>Clients (shards).</summary>
    public int Clients => _shards.Length;

    public int SamplesOf(int client) => _shards[client].Length;

    public Task<LocalUpdate> Train(int client, int round, float[] global, double atSeconds)
    {
        var shard = _shards[client];
        // A client with no data has nothing to contribute: a zero update of weight 0.
        if (shard.Length == 0) return Task.FromResult(new LocalUpdate(client, new float[global.Length], 0, 0));
        return TrainOn(client, round, global, () => new ClientData(_train, shard));
    }

    /// <summary>
    /// Local training of <paramref name="client"/> on the data <paramref name="data"/> gives, called on the trainer
    /// (so preparing the data, e.g. generating a synthetic top-up, is part of the job). The FedAvg weight stays the
    /// client's shard size, the update's Samples.
    /// </summary>
    public Task<LocalUpdate> TrainOn(int client, int round, float[] global, Func<ClientData> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var samples = _shards[client].Length;
        var seed = JobSeed(_seed, round, client);
        return _runner.Run(() =>
        {
            TorchRuntime.PrepareCurrentThread(Device);
            var local = data();
            var job = new TrainingJob(_network, global, local.Source, local.Indices, _hyperparameters, seed, Device);
            var result = LocalTrainer.Train(job);
            return new LocalUpdate(client, result.Delta, samples, result.MeanLoss);
        });
    }

    /// <summary>The training set the shards index.</summary>
    public IBatchSource TrainingSet => _train;

    /// <summary>Client <paramref name="client"/>'s sample indices.</summary>
    public IReadOnlyList<int> ShardOf(int client) => _shards[client];

    public float[] Aggregate(float[] global, IReadOnlyList<LocalUpdate> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var contributing = updates.Where(u => u.Samples > 0).Select(u => new ClientUpdate(u.Client, u.Delta, u.Samples)).ToArray();
        return contributing.Length == 0 ? (float[])global.Clone() : _strategy.Apply(global, contributing);
    }

    /// <summary>
    /// Accuracy and mean loss on the test set, computed as <see cref="EvaluationChunks"/> jobs on the runner (the trainers)
    /// over fixed slices of the test set, combined in slice order. The slicing does not depend on the number of
    /// trainers, so neither do the figures; the caller (the aggregator) waits for them.
    /// </summary>
    public Evaluation Evaluate(float[] weights, int round, double atSeconds)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var count = _test.Count;
        var chunks = Enumerable.Range(0, EvaluationChunks)
            .Select(c => Enumerable.Range(c * count / EvaluationChunks, (c + 1) * count / EvaluationChunks - c * count / EvaluationChunks).ToArray())
            .Where(indices => indices.Length > 0)
            .Select(indices => _runner.Run(() =>
            {
                TorchRuntime.PrepareCurrentThread(Device);
                return Evaluator.Evaluate(weights, _network, _test, _evalBatchSize, indices, Device);
            }))
            .ToArray();
        double correct = 0, loss = 0;
        var samples = 0;
        foreach (var chunk in chunks)
        {
            var r = chunk.GetAwaiter().GetResult();
            correct += Math.Round(r.Accuracy * r.Samples);
            loss += r.MeanLoss * r.Samples;
            samples += r.Samples;
        }
        EvaluationSeconds += System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
        return samples == 0 ? new Evaluation(0, 0) : new Evaluation(correct / samples, loss / samples);
    }

    /// <summary>Slices of the test set evaluated as separate jobs (fixed, so results do not depend on the trainer count).</summary>
    public const int EvaluationChunks = 4;

    /// <summary>Wall-clock time spent evaluating, s (the aggregator waits for each evaluation).</summary>
    public double EvaluationSeconds { get; private set; }

    public void SaveState(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(_shards.Length);
        writer.Write(_initial.Length);
        StrategyCheckpoint.Save(writer, _strategy);
    }

    public void LoadState(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        StateIo.Expect(reader.ReadInt32(), _shards.Length, "the classifier's clients");
        StateIo.Expect(reader.ReadInt32(), _initial.Length, "the classifier's parameters");
        StrategyCheckpoint.Load(reader, _strategy, _initial.Length);
    }

    /// <summary>The seed of client <paramref name="client"/>'s job in <paramref name="round"/>: SplitMix64 finalisers over the three.</summary>
    public static ulong JobSeed(ulong seed, int round, int client) =>
        SplitMix64.Mix(SplitMix64.Mix(SplitMix64.Mix(seed) ^ (ulong)(uint)round) ^ ((ulong)(uint)client << 32));

}
