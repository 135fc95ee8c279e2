namespace FgsActors.Models.Learning;

/// <summary>
/// One client's local training: start from <see cref="GlobalWeights"/>, run <see cref="Hyperparameters"/> over
/// <see cref="SampleIndices"/> of <see cref="Data"/>, shuffled per epoch by a stream seeded with <see cref="Seed"/>.
/// The same job always gives a bit-identical result (see <see cref="LocalTrainer"/>).
/// </summary>
/// <param name="Network">Architecture; <see cref="GlobalWeights"/> must hold its <see cref="NetworkSpec.ParameterCount"/> floats.</param>
/// <param name="GlobalWeights">Flat global model (read, never written).</param>
/// <param name="Data">The data set the indices refer to; its sample shape must be the network's input.</param>
/// <param name="SampleIndices">The client's samples (non-empty, each in [0, Data.Count); repeats allowed).</param>
/// <param name="Hyperparameters">Local epochs, batch, learning rate, momentum, weight decay, FedProx μ.</param>
/// <param name="Seed">Seed of the per-epoch shuffles.</param>
/// <param name="Device">
/// Where the module, the batches, the optimiser state and the FedProx anchors live (the CPU by default). Inputs and the
/// result stay CPU arrays whatever the device: batches are staged on the CPU and copied over, the weights copied back.
/// </param>
public sealed record TrainingJob(
    NetworkSpec Network,
    float[] GlobalWeights,
    IBatchSource Data,
    int[] SampleIndices,
    TrainingHyperparameters Hyperparameters,
    ulong Seed,
    ComputeDevice Device = default);

/// <summary>Outcome of a <see cref="TrainingJob"/>.</summary>
/// <param name="Delta">Local weights − global weights, flat, in float32.</param>
/// <param name="Samples">n_k, the client's sample count (SampleIndices.Length): the FedAvg weight.</param>
/// <param name="MeanLoss">Mean cross-entropy over all sample passes of the job (all epochs, before each step; the
/// FedProx term is not included).</param>
public sealed record TrainingResult(float[] Delta, int Samples, double MeanLoss);

/// <summary>Accuracy and loss of a model on a data set.</summary>
/// <param name="Accuracy">Fraction of samples whose arg-max logit is the label, in [0, 1].</param>
/// <param name="MeanLoss">Mean cross-entropy per sample.</param>
/// <param name="Samples">Samples evaluated.</param>
public sealed record EvaluationResult(double Accuracy, double MeanLoss, int Samples);
