using FgsActors.Models.Checkpoints;
using FgsActors.Models.Generative;
using FgsActors.Models.Learning;
using FgsActors.Models.Randomness;

namespace FgsActors.Models.Federated;

/// <summary>How a federated generator is evaluated.</summary>
/// <param name="SamplesPerClass">Images generated per class at every evaluation (>= 2), judged together.</param>
/// <param name="LocalDevices">
/// Most devices whose local FID is measured at an evaluation (>= 0): the clients of the latest aggregation, lowest ids
/// first; 0 turns local FID off.
/// </param>
public sealed record GenerativeEvaluation(int SamplesPerClass, int LocalDevices);

/// <summary>
/// Federated training of a class-conditional generator (FedGAN, Rasouli et al., arXiv 2006.07228): every round each
/// invited client runs <see cref="GenerativeHyperparameters.LocalSteps"/> (K, the synchronisation interval) optimiser
/// steps on its current local data, and the server averages all the model's parameters — a GAN's generator and
/// discriminator alike — weighted by the clients' sample counts. Evaluations generate a fixed set of images (the same
/// latent noise every time, so curves show the model's change, not the noise's) and judge them with the reference
/// classifier globally and against the latest participants' own data; an optional <see cref="RevalidationPolicy"/>
/// freezes the deployed generator and decides when it trains again.
/// <para>
/// Jobs run on the <see cref="IJobRunner"/> (the trainer pool); each job's seed comes from (run seed, round, client),
/// so results do not depend on which trainer runs it. Sampling for an evaluation is split into one job per class.
/// </para>
/// <para>
/// What changes between rounds, and so goes into checkpoints: the latest aggregation's clients (local FID), the latest
/// evaluation's samples (the sample grid), the server strategy's state and the policy's. The evaluation noise is seeded
/// afresh at every evaluation, jobs by their (run seed, round, client), and <see cref="EvaluationSeconds"/> is a
/// wall-clock figure that a resumed run counts afresh.
/// </para>
/// </summary>
public sealed class FederatedGenerativeTask : IFederatedLearning
{
    private const ulong EvaluationPurpose = 0x6576616c5f6e6f69; // "eval_noi": the evaluation noise stream

    private readonly IGenerativeModel _model;
    private readonly IClientDataSource _data;
    private readonly GenerativeHyperparameters _hyperparameters;
    private readonly IJobRunner _runner;
    private readonly ulong _seed;
    private readonly GenerativeEvaluation _evaluation;
    private readonly IFidelityJudge _judge;
    private readonly IServerStrategy _strategy;
    private readonly float[] _initial;
    private int[] _lastClients = [];

    public FederatedGenerativeTask(IGenerativeModel model, IClientDataSource data, GenerativeHyperparameters hyperparameters,
        IJobRunner runner, ulong seed, GenerativeEvaluation evaluation, IFidelityJudge judge, RevalidationPolicy? policy = null,
        ComputeDevice device = default, IServerStrategy? strategy = null)
    {
        _strategy = strategy ?? new FedAvg();
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _data = data ?? throw new ArgumentNullException(nameof(data));
        _hyperparameters = hyperparameters ?? throw new ArgumentNullException(nameof(hyperparameters));
        _runner = runner ?? throw new ArgumentNullException(nameof(runner));
        _evaluation = evaluation ?? throw new ArgumentNullException(nameof(evaluation));
        _judge = judge ?? throw new ArgumentNullException(nameof(judge));
        ArgumentOutOfRangeException.ThrowIfLessThan(evaluation.SamplesPerClass, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(evaluation.LocalDevices);
        _seed = seed;
        Policy = policy;
        Device = device;
        _initial = model.InitialWeights(seed);
        var profile = model.Profile;
        // LocalEpochs is unused by the fleet for generators (SamplePassesOf gives the work): one "epoch" = one round's steps.
        Profile = new LearningProfile(profile.Parameters, profile.TrainingFlopsPerSample, profile.ActivationBytesPerSample,
            hyperparameters.BatchSize, 1, profile.OptimizerStateCopies);
    }

    /// <summary>The generator.</summary>
    public IGenerativeModel Model => _model;

    /// <summary>Where jobs compute.</summary>
    public ComputeDevice Device { get; }

    /// <summary>What judges the generated images.</summary>
    public IFidelityJudge Judge => _judge;

    /// <summary>The re-validation policy, if any.</summary>
    public RevalidationPolicy? Policy { get; }

    public float[] InitialWeights => (float[])_initial.Clone();

    public LearningProfile Profile { get; }

    public bool ReportsFidelity => true;

    /// <summary>Images and labels of the latest evaluation (for sample grids); null before the first.</summary>
    public (float[] Images, int[] Labels)? LastSamples { get; private set; }

    /// <summary>Wall-clock time spent evaluating, s (the aggregator waits for each evaluation).</summary>
    public double EvaluationSeconds { get; private set; }

    public int SamplesOf(int client) => _data.SamplesOf(client);

    /// <summary>Clients.</summary>
    public int Clients => _data.Clients;

    /// <summary>K steps of B samples: what a client's round costs, whatever its data size.</summary>
    public double SamplePassesOf(int client) => (double)_hyperparameters.LocalSteps * _hyperparameters.BatchSize;

    public bool WantsTraining(int round) => Policy?.WantsTraining(round) ?? true;

    public Task<LocalUpdate> Train(int client, int round, float[] global, double atSeconds)
    {
        var data = _data.At(client, atSeconds);
        if (data.Indices.Length == 0) return Task.FromResult(new LocalUpdate(client, new float[global.Length], 0, 0));
        var job = new GenerativeJob(global, data.Source, data.Indices, _hyperparameters, FederatedTask.JobSeed(_seed, round, client), Device);
        return _runner.Run(() =>
        {
            TorchRuntime.PrepareCurrentThread(job.Device);
            var result = _model.Train(job);
            return new LocalUpdate(client, result.Delta, result.Samples, result.MeanLoss);
        });
    }

    /// <summary>
    /// FedGAN's average, Σ n_k·Δ_k / Σ n_k over every parameter, applied by the server strategy (FedAvg by default; FedAvgM
    /// turns it into a pseudo-gradient step with server momentum); remembers the clients for local FID.
    /// </summary>
    public float[] Aggregate(float[] global, IReadOnlyList<LocalUpdate> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var contributing = updates.Where(u => u.Samples > 0).OrderBy(u => u.Client).ToArray();
        if (contributing.Length == 0) return (float[])global.Clone();
        _lastClients = contributing.Select(u => u.Client).ToArray();
        return _strategy.Apply(global, contributing.Select(u => new ClientUpdate(u.Client, u.Delta, u.Samples)).ToArray());
    }

    /// <summary>
    /// Generates <see cref="GenerativeEvaluation.SamplesPerClass"/> images per class and judges them; with a policy,
    /// the evaluation of <paramref name="round"/> (the round just closed) feeds its timeline. Accuracy is the samples'
    /// conditional accuracy; there is no loss (NaN).
    /// </summary>
    public Evaluation Evaluate(float[] weights, int round, double atSeconds)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var (images, labels) = Generate(weights);
        var locals = _lastClients.Take(_evaluation.LocalDevices).Select(c => new LocalData(c, _data.At(c, atSeconds))).ToArray();
        var fidelity = _judge.Judge(images, labels, locals);
        LastSamples = (images, labels);
        Policy?.Observe(round, atSeconds, fidelity);
        EvaluationSeconds += System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new Evaluation(fidelity.ConditionalAccuracy, double.NaN, fidelity);
    }

    public void SaveState(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(_data.Clients);
        writer.Write(_initial.Length);
        writer.WriteInts(_lastClients);
        writer.Write(LastSamples is not null);
        if (LastSamples is { } samples)
        {
            writer.WriteFloats(samples.Images);
            writer.WriteInts(samples.Labels);
        }
        StrategyCheckpoint.Save(writer, _strategy);
        writer.Write(Policy is not null);
        Policy?.SaveState(writer);
    }

    public void LoadState(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        StateIo.Expect(reader.ReadInt32(), _data.Clients, "the generator's clients");
        StateIo.Expect(reader.ReadInt32(), _initial.Length, "the generator's parameters");
        var lastClients = reader.ReadInts() ?? throw new CheckpointFormatException("the generator's latest clients are missing");
        if (lastClients.Any(c => c < 0 || c >= _data.Clients))
            throw new CheckpointFormatException($"the generator's latest clients ({string.Join(", ", lastClients)}) are not all among its {_data.Clients} clients");
        _lastClients = lastClients;
        LastSamples = reader.ReadBoolean() ? ReadSamples(reader) : null;
        StrategyCheckpoint.Load(reader, _strategy, _initial.Length);
        StateIo.Expect(reader.ReadBoolean(), Policy is not null, "whether the generator has a re-validation policy");
        Policy?.LoadState(reader);
    }

    private (float[] Images, int[] Labels) ReadSamples(BinaryReader reader)
    {
        var images = reader.ReadFloats() ?? throw new CheckpointFormatException("the latest evaluation's images are missing");
        var labels = reader.ReadInts() ?? throw new CheckpointFormatException("the latest evaluation's labels are missing");
        StateIo.Expect(labels.Length, _model.Classes * _evaluation.SamplesPerClass, "the latest evaluation's samples");
        StateIo.Expect(images.Length, labels.Length * _model.Image.Elements, "the latest evaluation's pixels");
        return (images, labels);
    }

    /// <summary>
    /// The evaluation images: per class, <see cref="GenerativeEvaluation.SamplesPerClass"/> samples from a seed fixed by
    /// (run seed, class), generated as one job per class on the runner and concatenated in class order.
    /// </summary>
    public (float[] Images, int[] Labels) Generate(float[] weights)
    {
        var perClass = _evaluation.SamplesPerClass;
        var classes = _model.Classes;
        var jobs = Enumerable.Range(0, classes).Select(c =>
        {
            var labels = Enumerable.Repeat(c, perClass).ToArray();
            var seed = SplitMix64.Mix(SplitMix64.Mix(_seed ^ EvaluationPurpose) ^ (ulong)c);
            return _runner.Run(() =>
            {
                TorchRuntime.PrepareCurrentThread(Device);
                return _model.Sample(weights, labels, seed, Device);
            });
        }).ToArray();
        var size = _model.Image.Elements;
        var images = new float[classes * perClass * size];
        for (var c = 0; c < classes; c++)
            jobs[c].GetAwaiter().GetResult().AsSpan().CopyTo(images.AsSpan(c * perClass * size, perClass * size));
        var all = Enumerable.Range(0, classes).SelectMany(c => Enumerable.Repeat(c, perClass)).ToArray();
        return (images, all);
    }
}
