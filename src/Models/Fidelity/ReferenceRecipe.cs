using FgsActors.Models.Learning;

namespace FgsActors.Models.Fidelity;

/// <summary>
/// How the reference classifier is trained: a network whose last layer is a fully connected classifier (its input is
/// the feature vector FID is computed on), trained centrally on the whole training set by a step schedule — one
/// <see cref="LocalTrainer"/> job per phase, each over every training image, each phase starting from the weights the
/// previous one ended with (a learning-rate step decay, which a single constant-rate job lacks) — from initial weights
/// and shuffles all derived from one seed. Everything here enters the cache key (<see cref="ReferenceCacheKey"/>), so
/// a changed recipe never reuses weights trained with another one.
/// </summary>
public sealed record ReferenceRecipe
{
    /// <summary>
    /// The default: LeNet-5 (<see cref="NetworkCatalog.LeNet5"/>; features = the 84 ReLU outputs of fc2), batch 64,
    /// SGD with momentum 0.9 and weight decay 5e-4 (the NIID-Bench Fashion-MNIST optimiser, Li et al., ICDE 2022, run
    /// centrally), 6 epochs at learning rate 0.02 then 2 at 0.002: 89.6 % test accuracy on Fashion-MNIST, where a
    /// constant 0.01 plateaus at 88.6–89.2 % over 11–15 epochs (docs/metrics.md, "Reference classifier").
    /// </summary>
    public static ReferenceRecipe Default { get; } = new(
        NetworkCatalog.LeNet5(NetworkCatalog.Mnist, 10),
        [
            new TrainingHyperparameters(localEpochs: 6, batchSize: 64, learningRate: 0.02, momentum: 0.9, weightDecay: 5e-4),
            new TrainingHyperparameters(localEpochs: 2, batchSize: 64, learningRate: 0.002, momentum: 0.9, weightDecay: 5e-4),
        ],
        seed: 20170825); // Fashion-MNIST's release date, a seed with no other meaning

    private readonly TrainingHyperparameters[] _schedule;

    /// <param name="network">The classifier; its last layer must be a <see cref="LinearLayer"/> (the feature layer is its input).</param>
    /// <param name="schedule">
    /// The phases, at least one, each one job's settings (epochs, batch, optimiser; the optimiser's momentum starts
    /// afresh each phase); FedProx μ must be 0 (there is no global model).
    /// </param>
    /// <param name="seed">
    /// Seed of the initial weights (<see cref="NetworkSpec.InitialWeights"/>); phase p shuffles with a stream seeded
    /// by <see cref="Randomness.SplitMix64.Mix"/>(seed + p + 1).
    /// </param>
    public ReferenceRecipe(NetworkSpec network, IEnumerable<TrainingHyperparameters> schedule, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(schedule);
        if (network.Layers[^1].Layer is not LinearLayer head)
            throw new ArgumentException(
                $"network {network.Name} must end in a fully connected layer (its input is the feature vector), found {network.Layers[^1].Layer.GetType().Name}",
                nameof(network));
        if (network.Layers.Count < 2)
            throw new ArgumentException($"network {network.Name} needs at least one layer before its classifier", nameof(network));
        _schedule = schedule.ToArray();
        if (_schedule.Length == 0)
            throw new ArgumentException("the schedule needs at least one phase", nameof(schedule));
        foreach (var phase in _schedule)
        {
            ArgumentNullException.ThrowIfNull(phase, nameof(schedule));
            if (phase.ProximalMu != 0)
                throw new ArgumentException("the reference classifier is trained centrally: FedProx μ must be 0", nameof(schedule));
        }
        Network = network;
        Seed = seed;
        FeatureDimension = head.InFeatures;
    }

    /// <summary>A one-phase recipe (a constant learning rate).</summary>
    public ReferenceRecipe(NetworkSpec network, TrainingHyperparameters hyperparameters, ulong seed)
        : this(network, [hyperparameters], seed)
    {
    }

    public NetworkSpec Network { get; }

    /// <summary>The phases, in order.</summary>
    public IReadOnlyList<TrainingHyperparameters> Schedule => _schedule;

    public ulong Seed { get; }

    /// <summary>Length of a feature vector: the input width of the network's last (classifier) layer.</summary>
    public int FeatureDimension { get; }

    /// <summary>Total epochs over all phases.</summary>
    public int Epochs => _schedule.Sum(p => p.LocalEpochs);
}
