using FgsActors.Actors.Training;
using FgsActors.Models.Data;
using FgsActors.Models.Federated;
using FgsActors.Models.Hardware;
using FgsActors.Models.Learning;
using FgsActors.Models.Torch;
using FgsActors.Simulation.Configuration;
using FgsActors.Simulation.Federation;

namespace FgsActors.Cli.Hosting;

/// <summary>
/// Builds the real training a fleet run carries (fgs.training.enabled): loads and partitions the data over the fleet's
/// devices (writing the per-client class histogram to the run directory), builds the network, the server strategy and
/// the trainer pool, and replaces the scenario's numeric workload with the network's own figures so that virtual
/// training time, energy and memory limits follow the real model.
/// </summary>
public sealed class LearningSetup : IDisposable
{
    public const string PartitionFile = "partition.csv";

    private readonly int[][] _histogram;

    private LearningSetup(FleetScenario scenario, TrainerPool pool, IFederatedLearning task, FederatedTask? classifier,
        FederatedGenerativeTask? generator, int[][] histogram)
    {
        _histogram = histogram;
        Scenario = scenario;
        Pool = pool;
        Task = task;
        Classifier = classifier;
        Generator = generator;
    }

    /// <summary>The scenario with its learning and workload set.</summary>
    public FleetScenario Scenario { get; }

    public TrainerPool Pool { get; }

    /// <summary>What the rounds train (fgs.training.task).</summary>
    public IFederatedLearning Task { get; }

    /// <summary>The classifier task (task classifier or augmented); else null.</summary>
    public FederatedTask? Classifier { get; }

    /// <summary>The generator task (task generator or augmented); else null.</summary>
    public FederatedGenerativeTask? Generator { get; }

    /// <summary>fgs.training.task as the config spells it.</summary>
    public string TaskName => Task switch
    {
        AugmentedFederatedTask => "augmented",
        FederatedGenerativeTask => "generator",
        _ => "classifier",
    };

    /// <summary>
    /// A generator's own files: drift.csv (every evaluation's fidelity and the re-validation policy's actions) and
    /// samples.png (the last evaluation's images, one row per class). Nothing for a classifier run.
    /// </summary>
    public void WriteGeneratorOutputs(string runDirectory)
    {
        if (Generator is not { } generator) return;
        if (generator.Policy is { } policy) DriftTimelineCsv.Write(policy.Timeline, runDirectory);
        if (generator.LastSamples is { } samples) SampleGrids.Write(samples.Images, samples.Labels, generator.Model, runDirectory);
    }

    /// <summary>Wall-clock seconds the aggregator spent waiting on evaluations.</summary>
    public double EvaluationSeconds => (Classifier?.EvaluationSeconds ?? 0) + (Generator?.EvaluationSeconds ?? 0);

    /// <summary>Writes the per-client class histogram (client, class_0..class_9, total) into the run directory.</summary>
    public void WritePartition(string runDirectory)
    {
        using var writer = new StreamWriter(Path.Combine(runDirectory, PartitionFile));
        ClassHistogram.WriteCsv(writer, _histogram);
    }

    public static LearningSetup Build(FgsSettings settings, FleetScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(scenario);
        var training = settings.Training;
        TorchNative.EnsureLoaded();
        var device = ResolveDevice(training.Device, TorchCudaInventory.Instance);

        var seed = settings.Run.Seed;
        var (train, test) = LoadData(settings.Data, seed);
        var clients = scenario.Devices.Count;
        if (clients > train.Count)
            throw new ConfigException(
                $"config key '{FgsKeys.FleetDevices}': {clients} devices need at least as many training samples, but the data set has {train.Count}",
                FgsKeys.FleetDevices, $"at most {train.Count} devices", clients.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var shards = Partition(settings.Data, train, clients, seed);
        var histogram = ClassHistogram.Of(shards, train.Labels, train.Classes);

        // workers = auto: one trainer per core on the CPU, one per GPU in use on CUDA (a run trains on one GPU).
        var workers = training.ResolveWorkers(Environment.ProcessorCount, gpusInUse: device.IsCuda ? 1 : 0);
        TorchRuntime.IntraOpThreads = training.IntraOpThreads;
        var pool = new TrainerPool(workers, () => TorchRuntime.PrepareCurrentThread(device));
        try
        {
            var classifier = training.Task is TrainingTask.Classifier or TrainingTask.Augmented
                ? BuildClassifier(training, train, test, shards, pool, seed, device)
                : null;
            var generator = training.Task is TrainingTask.Generator or TrainingTask.Augmented
                ? GenerativeSetup.Build(settings, train, test, shards, pool, device)
                : null;
            IFederatedLearning task = training.Task switch
            {
                TrainingTask.Generator => generator!,
                TrainingTask.Augmented => new AugmentedFederatedTask(classifier!, generator!, train.Labels,
                    new AugmentationSettings(settings.Augmentation.StartRound, settings.Augmentation.MinPerClass), seed),
                _ => classifier!,
            };
            return new LearningSetup(WithLearning(scenario, task, training), pool, task, classifier, generator, histogram);
        }
        catch
        {
            pool.Dispose();
            throw;
        }
    }

    private static FederatedTask BuildClassifier(TrainingConfig training, ImageDataset train, ImageDataset test, int[][] shards,
        TrainerPool pool, ulong seed, ComputeDevice device)
    {
        var network = training.Network == TrainingNetwork.Mlp
            ? NetworkCatalog.Mlp(NetworkCatalog.Mnist, training.MlpHidden)
            : NetworkCatalog.LeNet5(NetworkCatalog.Mnist);
        var hyperparameters = new TrainingHyperparameters(training.LocalEpochs, training.BatchSize, training.LearningRate, training.Momentum,
            proximalMu: training.Algorithm == TrainingAlgorithm.FedProx ? training.ProximalMu : 0);
        IServerStrategy strategy = training.Algorithm switch
        {
            TrainingAlgorithm.FedProx => new FedProx(training.ProximalMu),
            TrainingAlgorithm.FedAvgM => new FedAvgM(training.ServerMomentum, training.ServerLearningRate),
            _ => new FedAvg(),
        };
        return new FederatedTask(network, train, test, shards, hyperparameters, strategy, pool, seed, training.EvalBatchSize, device);
    }

    // The task's own figures replace the numeric workload, so virtual time, energy and memory limits follow the real model.
    private static FleetScenario WithLearning(FleetScenario scenario, IFederatedLearning task, TrainingConfig training)
    {
        var profile = task.Profile;
        var workload = scenario.Workload with
        {
            Parameters = profile.Parameters,
            BytesPerParameter = ModelProfile.BytesPerValue,
            Cost = WorkloadCost.FromFlops(profile.TrainingFlopsPerSample),
            ActivationBytesPerSample = profile.ActivationBytesPerSample,
            BatchSize = profile.BatchSize,
            OptimizerStateCopies = profile.OptimizerStateCopies,
            LocalEpochs = profile.LocalEpochs,
        };
        return scenario with
        {
            Workload = workload,
            Learning = new FleetLearning(task, training.EvalEvery, training.TargetAccuracy),
        };
    }

    public void Dispose() => Pool.Dispose();

    /// <summary>
    /// <c>fgs.training.device</c> resolved against what libtorch offers (<see cref="DeviceResolution.Resolve"/>):
    /// <c>auto</c> is cuda:0 when CUDA is available, else the CPU. A device this build or machine lacks is a
    /// configuration error naming the key (exit 2).
    /// </summary>
    public static ComputeDevice ResolveDevice(TrainingDevice requested, ICudaInventory cuda)
    {
        ArgumentNullException.ThrowIfNull(requested);
        var preference = requested.Kind switch
        {
            TrainingDeviceKind.Cpu => DevicePreference.Cpu,
            TrainingDeviceKind.Cuda => DevicePreference.Cuda,
            _ => DevicePreference.Auto,
        };
        try
        {
            return DeviceResolution.Resolve(preference, requested.Index, cuda);
        }
        catch (DeviceUnavailableException e)
        {
            throw new ConfigException($"config key '{FgsKeys.TrainingDevice}': {e.Message}", FgsKeys.TrainingDevice, e.Expected, e.Found,
                innerException: e);
        }
    }

    internal static (ImageDataset Train, ImageDataset Test) LoadData(DataConfig data, ulong seed)
    {
        var (train, test) = data.Dataset == DatasetKind.Synthetic
            ? (SyntheticImages.Generate(data.SyntheticTrainSamples, SyntheticSeed(seed, 0)), SyntheticImages.Generate(data.SyntheticTestSamples, SyntheticSeed(seed, 1)))
            : FashionMnist.Load(data.FashionMnistDir);
        return (Subset(train, data.TrainSamples, seed, 2), Subset(test, data.TestSamples, seed, 3));
    }

    // A seeded subset (for fast studies and tests): the first n of a seeded permutation, kept in index order.
    private static ImageDataset Subset(ImageDataset images, int? samples, ulong seed, int purpose)
    {
        if (samples is not { } n || n >= images.Count) return images;
        var random = new MathNet.Numerics.Random.Xoshiro256StarStar(SyntheticSeed(seed, purpose));
        var order = Enumerable.Range(0, images.Count).ToArray();
        for (var i = 0; i < n; i++)
        {
            var j = i + random.Next(images.Count - i);
            (order[i], order[j]) = (order[j], order[i]);
        }
        var chosen = order[..n];
        Array.Sort(chosen);
        return images.Subset(chosen);
    }

    /// <summary>The clients' shards of <paramref name="train"/> under fgs.data's partition scheme and the run seed.</summary>
    internal static int[][] Partition(DataConfig data, ImageDataset train, int clients, ulong seed) =>
        Partitioner(data).Split(train.Labels, train.Classes, clients, PartitionSeed(seed));

    private static IPartitioner Partitioner(DataConfig data) => data.Partition switch
    {
        PartitionScheme.Iid => new IidPartition(),
        PartitionScheme.Shards => new ShardPartition(data.ShardClasses),
        PartitionScheme.Quantity => new QuantitySkewPartition(data.QuantityBeta, data.MinSamplesPerClient),
        _ => new DirichletPartition(data.DirichletAlpha, data.MinSamplesPerClient),
    };

    private static int PartitionSeed(ulong seed) => SyntheticSeed(seed, 4);

    private static int SyntheticSeed(ulong seed, int purpose) => (int)(FederatedTask.JobSeed(seed, -1 - purpose, 0) & int.MaxValue);
}
