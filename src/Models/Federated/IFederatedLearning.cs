using FgsActors.Models.Checkpoints;

namespace FgsActors.Models.Federated;

/// <summary>
/// The learning a fleet's rounds carry: what each device trains on, how updates combine, and how good the global model
/// is. The fleet simulation decides who trains when and how long it takes in virtual time; an implementation does the
/// numbers (real TorchSharp training, or a stand-in in tests). Everything must be deterministic for given
/// inputs, whatever thread or order jobs run in. Its <see cref="IStateful"/> part is the state that changes
/// between rounds, what <see cref="Aggregate"/>, <see cref="Evaluate"/> and <see cref="WantsTraining"/> keep (training
/// jobs read none of it), so that a resumed run aggregates and evaluates as if it had never stopped.
/// </summary>
public interface IFederatedLearning : IStateful
{
    /// <summary>Weights of the global model before the first round.</summary>
    float[] InitialWeights { get; }

    /// <summary>Training memory and cost figures of the model, for the fleet's cost model.</summary>
    LearningProfile Profile { get; }

    /// <summary>Samples in <paramref name="client"/>'s local data set (its shard).</summary>
    int SamplesOf(int client);

    /// <summary>
    /// Sample passes <paramref name="client"/>'s local training makes per round, which the fleet times and charges:
    /// shard × local epochs for a classifier, local steps × batch for a generator.
    /// </summary>
    double SamplePassesOf(int client) => SamplesOf(client) * Profile.LocalEpochs;

    /// <summary>
    /// Local training of <paramref name="client"/> on its shard, starting from <paramref name="global"/>, for
    /// <paramref name="round"/> (which seeds the job together with the run seed and the client), started at virtual
    /// time <paramref name="atSeconds"/> (which drifting data sets read). Runs off the simulation's threads; the
    /// simulation holds its clock at the training's end until the task completes. Called from any partition's
    /// thread: it must not depend on state that <see cref="Aggregate"/> or <see cref="Evaluate"/> change.
    /// </summary>
    Task<LocalUpdate> Train(int client, int round, float[] global, double atSeconds);

    /// <summary>New global weights from <paramref name="updates"/> (any order: implementations sort by client).</summary>
    float[] Aggregate(float[] global, IReadOnlyList<LocalUpdate> updates);

    /// <summary>
    /// The global model's quality after <paramref name="round"/>, at virtual time <paramref name="atSeconds"/>: for a classifier, test accuracy (0..1)
    /// and mean cross-entropy; for a generator, the conditional accuracy of its samples, no loss (NaN) and its
    /// <see cref="Evaluation.Fidelity"/>. Called by the aggregator only, after <see cref="Aggregate"/>.
    /// </summary>
    Evaluation Evaluate(float[] weights, int round, double atSeconds);

    /// <summary>
    /// Whether <paramref name="round"/> should train (invite devices). A task that monitors a deployed model (a
    /// generator frozen until re-validation asks for retraining) answers false for rounds that only evaluate. Called
    /// by the aggregator only, when the round starts.
    /// </summary>
    bool WantsTraining(int round) => true;

    /// <summary>Whether evaluations carry generator fidelity (rounds.csv then has the fidelity columns).</summary>
    bool ReportsFidelity => false;
}

/// <summary>A device's result of local training: weights after − weights before, its sample count and mean local loss.</summary>
public sealed record LocalUpdate(int Client, float[] Delta, int Samples, double Loss);

/// <summary>
/// Accuracy (fraction) and mean loss (NaN when the model has none, as a generator), and for a generator its fidelity.
/// </summary>
public readonly record struct Evaluation(double Accuracy, double Loss, GeneratorFidelity? Fidelity = null);

/// <summary>A generator's fidelity at one evaluation (docs/metrics.md).</summary>
/// <param name="Fid">FID of its samples against the reference real set, in the reference classifier's feature space.</param>
/// <param name="InceptionScore">exp(E KL(p(y|x) ‖ p(y))) of its samples under the reference classifier, in [1, classes].</param>
/// <param name="Coverage">Share of classes covered (the reference classifier assigns enough samples to them), in [0, 1].</param>
/// <param name="ConditionalAccuracy">Share of samples generated for class c that the reference classifier calls c.</param>
/// <param name="LocalFidMean">Mean over the measured devices of FID(samples, the device's own current data); null when none measured.</param>
/// <param name="LocalFidMax">Largest such FID; null when none measured.</param>
/// <param name="LocalDevices">Devices whose local FID was measured.</param>
public sealed record GeneratorFidelity(double Fid, double InceptionScore, double Coverage, double ConditionalAccuracy,
    double? LocalFidMean, double? LocalFidMax, int LocalDevices);

/// <summary>Figures of the trained model that the fleet's cost and memory models need.</summary>
/// <param name="Parameters">Trainable parameters.</param>
/// <param name="TrainingFlopsPerSample">Forward + backward FLOPs per sample.</param>
/// <param name="ActivationBytesPerSample">Activation memory per sample in a batch, bytes.</param>
/// <param name="BatchSize">Local mini-batch size.</param>
/// <param name="LocalEpochs">Local epochs per round.</param>
/// <param name="OptimizerStateCopies">Parameter-sized optimiser buffers (1 for SGD with momentum).</param>
public sealed record LearningProfile(long Parameters, double TrainingFlopsPerSample, long ActivationBytesPerSample, int BatchSize, double LocalEpochs, int OptimizerStateCopies);
