using FgsActors.Models.Checkpoints;
using FgsActors.Models.Randomness;

namespace FgsActors.Models.Federated;

/// <summary>When and how much clients top up.</summary>
/// <param name="StartRound">First round whose clients top up (>= 0).</param>
/// <param name="MinPerClass">Each class is topped up to at least this many samples per client (>= 1).</param>
public sealed record AugmentationSettings(int StartRound, int MinPerClass);

/// <summary>
/// Federated classifier training with synthetic augmentation, the usual remedy for label skew: the fleet trains a
/// class-conditional generator and the classifier together (one flat weight vector, classifier first). In every round
/// a client trains the generator on its data (<see cref="FederatedGenerativeTask"/>) and, in parallel, the classifier
/// on its data plus samples that the global generator it received makes of every class it holds fewer than
/// <see cref="AugmentationSettings.MinPerClass"/> of (from <see cref="AugmentationSettings.StartRound"/> on, once
/// the generator has had time to learn). The server averages both parts (each by its own task's rule, weights = real
/// sample counts). Evaluations report the classifier's test accuracy and the generator's fidelity.
/// <para>
/// Its checkpoint state is its two tasks' (the top-up needs and the split are configuration; the top-up noise is seeded
/// per job).
/// </para>
/// </summary>
public sealed class AugmentedFederatedTask : IFederatedLearning
{
    private const ulong TopUpPurpose = 0x746f705f7570; // "top_up"

    private readonly FederatedTask _classifier;
    private readonly FederatedGenerativeTask _generator;
    private readonly AugmentationSettings _settings;
    private readonly int[][] _needs; // per client, the labels of its top-up
    private readonly int _split;
    private readonly ulong _seed;

    /// <param name="classifier">The classifier task (its shards are the clients' data).</param>
    /// <param name="generator">The generator task over the same clients and data.</param>
    /// <param name="labels">Labels of the training set the shards index.</param>
    /// <param name="settings">Start round and top-up size.</param>
    /// <param name="seed">The run seed (seeds the top-up noise).</param>
    public AugmentedFederatedTask(FederatedTask classifier, FederatedGenerativeTask generator, ReadOnlySpan<byte> labels,
        AugmentationSettings settings, ulong seed)
    {
        _classifier = classifier ?? throw new ArgumentNullException(nameof(classifier));
        _generator = generator ?? throw new ArgumentNullException(nameof(generator));
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        ArgumentOutOfRangeException.ThrowIfNegative(settings.StartRound);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.MinPerClass, 1);
        if (classifier.Clients != generator.Clients)
            throw new ArgumentException($"the classifier has {classifier.Clients} clients, the generator {generator.Clients}", nameof(generator));
        _seed = seed;
        _split = classifier.InitialWeights.Length;
        var classes = generator.Model.Classes;
        _needs = new int[classifier.Clients][];
        for (var k = 0; k < _needs.Length; k++)
        {
            var counts = new int[classes];
            foreach (var i in classifier.ShardOf(k)) counts[labels[i]]++;
            _needs[k] = Enumerable.Range(0, classes)
                .SelectMany(c => Enumerable.Repeat(c, Math.Max(0, settings.MinPerClass - counts[c]))).ToArray();
        }
        var c = classifier.Profile;
        var g = generator.Profile;
        // One weight vector: memory holds both models and both optimisers' state (the footprint model has one
        // buffer count for all parameters: the parameter-weighted mean, rounded up); time is counted in classifier
        // sample passes (SamplePassesOf).
        var parameters = c.Parameters + g.Parameters;
        var copies = (int)Math.Ceiling((c.Parameters * (double)c.OptimizerStateCopies + g.Parameters * (double)g.OptimizerStateCopies) / parameters);
        Profile = c with
        {
            Parameters = parameters,
            ActivationBytesPerSample = Math.Max(c.ActivationBytesPerSample, g.ActivationBytesPerSample),
            OptimizerStateCopies = copies,
        };
    }

    public float[] InitialWeights => [.. _classifier.InitialWeights, .. _generator.InitialWeights];

    public LearningProfile Profile { get; }

    public bool ReportsFidelity => true;

    /// <summary>The generator part.</summary>
    public FederatedGenerativeTask Generator => _generator;

    /// <summary>Synthetic samples client <paramref name="client"/> adds once topping up.</summary>
    public int TopUpOf(int client) => _needs[client].Length;

    public int SamplesOf(int client) => _classifier.SamplesOf(client);

    /// <summary>
    /// The client's work in classifier sample passes: its classifier epochs over real + synthetic samples, plus the
    /// generator's steps and the top-up's sampling converted at their FLOPs per sample. Counted with the top-up (the
    /// rounds from the start round on), an upper bound for the earlier ones.
    /// </summary>
    public double SamplePassesOf(int client)
    {
        var classifierFlops = _classifier.Profile.TrainingFlopsPerSample;
        var generatorProfile = _generator.Model.Profile;
        var generatorFlops = _generator.SamplePassesOf(client) * generatorProfile.TrainingFlopsPerSample
            + TopUpOf(client) * generatorProfile.SamplingFlopsPerSample;
        return (SamplesOf(client) + TopUpOf(client)) * _classifier.Profile.LocalEpochs + generatorFlops / classifierFlops;
    }

    public Task<LocalUpdate> Train(int client, int round, float[] global, double atSeconds)
    {
        var (classifierWeights, generatorWeights) = Split(global);
        var generator = _generator.Train(client, round, generatorWeights, atSeconds);
        var shard = _classifier.ShardOf(client);
        if (shard.Count == 0)
            return generator.ContinueWith(g => Join(client, new LocalUpdate(client, new float[_split], 0, 0), g.GetAwaiter().GetResult()),
                TaskScheduler.Default);
        var topUp = round >= _settings.StartRound ? _needs[client] : [];
        var seed = SplitMix64.Mix(FederatedTask.JobSeed(_seed, round, client) ^ TopUpPurpose);
        var classifier = _classifier.TrainOn(client, round, classifierWeights, () =>
        {
            var source = _classifier.TrainingSet;
            if (topUp.Length == 0) return new ClientData(source, [.. shard]);
            var images = _generator.Model.Sample(generatorWeights, topUp, seed, _generator.Device);
            var augmented = new AugmentedSource(source, images, topUp);
            return new ClientData(augmented, [.. shard, .. Enumerable.Range(source.Count, topUp.Length)]);
        });
        return Task.WhenAll(classifier, generator).ContinueWith(
            _ => Join(client, classifier.GetAwaiter().GetResult(), generator.GetAwaiter().GetResult()), TaskScheduler.Default);
    }

    public float[] Aggregate(float[] global, IReadOnlyList<LocalUpdate> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var (classifierWeights, generatorWeights) = Split(global);
        var classifierUpdates = updates.Select(u => u with { Delta = u.Delta[.._split] }).ToArray();
        var generatorUpdates = updates.Select(u => u with { Delta = u.Delta[_split..] }).ToArray();
        return [.. _classifier.Aggregate(classifierWeights, classifierUpdates), .. _generator.Aggregate(generatorWeights, generatorUpdates)];
    }

    public Evaluation Evaluate(float[] weights, int round, double atSeconds)
    {
        var (classifierWeights, generatorWeights) = Split(weights);
        var accuracy = _classifier.Evaluate(classifierWeights, round, atSeconds);
        var fidelity = _generator.Evaluate(generatorWeights, round, atSeconds).Fidelity;
        return accuracy with { Fidelity = fidelity };
    }

    public void SaveState(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(_split);
        _classifier.SaveState(writer);
        _generator.SaveState(writer);
    }

    public void LoadState(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        StateIo.Expect(reader.ReadInt32(), _split, "the augmented task's classifier parameters");
        _classifier.LoadState(reader);
        _generator.LoadState(reader);
    }

    private (float[] Classifier, float[] Generator) Split(float[] weights) => (weights[.._split], weights[_split..]);

    // The classifier's loss is the update's loss: accuracy is what the run measures.
    private static LocalUpdate Join(int client, LocalUpdate classifier, LocalUpdate generator) =>
        new(client, [.. classifier.Delta, .. generator.Delta], classifier.Samples, classifier.Loss);
}
