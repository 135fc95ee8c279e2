namespace FgsActors.Models.Learning;

/// <summary>
/// Local training settings of one client job.
/// </summary>
/// <remarks>Validated on construction: epochs ≥ 1, batch ≥ 1, learning rate &gt; 0, momentum in [0, 1),
/// weight decay ≥ 0, μ ≥ 0, all finite.</remarks>
public sealed record TrainingHyperparameters
{
    /// <param name="localEpochs">E, passes over the client's samples (≥ 1).</param>
    /// <param name="batchSize">B, samples per SGD step (≥ 1); the last batch of an epoch may be smaller.</param>
    /// <param name="learningRate">η, SGD step size (&gt; 0).</param>
    /// <param name="momentum">SGD momentum (PyTorch form: v ← m·v + g; w ← w − η·v), in [0, 1); 0 = plain SGD.</param>
    /// <param name="weightDecay">L2 penalty added to the gradient by the optimiser (≥ 0).</param>
    /// <param name="proximalMu">FedProx μ (Li et al., MLSys 2020): adds (μ/2)·‖w − w_global‖² to the loss; 0 = off.</param>
    public TrainingHyperparameters(int localEpochs, int batchSize, double learningRate, double momentum = 0,
        double weightDecay = 0, double proximalMu = 0)
    {
        if (localEpochs < 1)
            throw new ArgumentOutOfRangeException(nameof(localEpochs), localEpochs, "local epochs must be ≥ 1");
        if (batchSize < 1)
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batch size must be ≥ 1");
        Require.Positive(learningRate, nameof(learningRate), "learning rate");
        if (!(momentum >= 0 && momentum < 1))
            throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "momentum must lie in [0, 1)");
        Require.NonNegative(weightDecay, nameof(weightDecay), "weight decay");
        Require.NonNegative(proximalMu, nameof(proximalMu), "FedProx μ");
        LocalEpochs = localEpochs;
        BatchSize = batchSize;
        LearningRate = learningRate;
        Momentum = momentum;
        WeightDecay = weightDecay;
        ProximalMu = proximalMu;
    }

    public int LocalEpochs { get; }

    public int BatchSize { get; }

    public double LearningRate { get; }

    public double Momentum { get; }

    public double WeightDecay { get; }

    public double ProximalMu { get; }
}
