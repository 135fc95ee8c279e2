namespace FgsActors.Models.Federated;

/// <summary>
/// The learning a fleet's rounds carry: what each device trains on, how updates combine, and how good the global model
/// is. The fleet simulation decides who trains when and how long it takes in virtual time; an implementation does the
/// numbers (real TorchSharp training, or a stand-in in tests). Everything must be deterministic for given
/// inputs, whatever thread or order jobs run in.
/// </summary>
public interface IFederatedLearning
{
    /// <summary>Weights of the global model before the first round.</summary>
    float[] InitialWeights { get; }

    /// <summary>Training memory and cost figures of the model, for the fleet's cost model.</summary>
    LearningProfile Profile { get; }

    /// <summary>Samples in <paramref name="client"/>'s local data set (its shard).</summary>
    int SamplesOf(int client);

    /// <summary>
    /// Local training of <paramref name="client"/> on its shard, starting from <paramref name="global"/>, for
    /// <paramref name="round"/> (which seeds the job together with the run seed and the client). Runs off the
    /// simulation's threads; the simulation holds its clock at the training's end until the task completes.
    /// </summary>
    Task<LocalUpdate> Train(int client, int round, float[] global);

    /// <summary>New global weights from <paramref name="updates"/> (any order: implementations sort by client).</summary>
    float[] Aggregate(float[] global, IReadOnlyList<LocalUpdate> updates);

    /// <summary>Test accuracy (0..1) and mean cross-entropy loss of <paramref name="weights"/> on the test set.</summary>
    Evaluation Evaluate(float[] weights);
}

/// <summary>A device's result of local training: weights after − weights before, its sample count and mean local loss.</summary>
public sealed record LocalUpdate(int Client, float[] Delta, int Samples, double Loss);

/// <summary>Test accuracy (fraction) and mean loss.</summary>
public readonly record struct Evaluation(double Accuracy, double Loss);

/// <summary>Figures of the trained model that the fleet's cost and memory models need.</summary>
/// <param name="Parameters">Trainable parameters.</param>
/// <param name="TrainingFlopsPerSample">Forward + backward FLOPs per sample.</param>
/// <param name="ActivationBytesPerSample">Activation memory per sample in a batch, bytes.</param>
/// <param name="BatchSize">Local mini-batch size.</param>
/// <param name="LocalEpochs">Local epochs per round.</param>
/// <param name="OptimizerStateCopies">Parameter-sized optimiser buffers (1 for SGD with momentum).</param>
public sealed record LearningProfile(long Parameters, double TrainingFlopsPerSample, long ActivationBytesPerSample, int BatchSize, double LocalEpochs, int OptimizerStateCopies);
