using System.Globalization;

namespace FgsActors.Simulation.Configuration;

/// <summary>What <c>fgs.training.network</c> chose: the network each client trains.</summary>
public enum TrainingNetwork
{
    /// <summary>
    /// The NIID-Bench CNN for (Fashion-)MNIST (Li et al., "Federated Learning on Non-IID Data Silos: An Experimental
    /// Study", ICDE 2022): conv 5x5 (6) - max-pool - conv 5x5 (16) - max-pool - fc 120 - fc 84 - fc 10.
    /// </summary>
    LeNet5,

    /// <summary>A multilayer perceptron with hidden layers of <see cref="TrainingConfig.MlpHidden"/> units.</summary>
    Mlp,
}

/// <summary>What <c>fgs.training.algorithm</c> chose: how clients train and how the server combines their updates.</summary>
public enum TrainingAlgorithm
{
    /// <summary>Federated averaging (McMahan et al., AISTATS 2017): the sample-weighted mean of the client models.</summary>
    FedAvg,

    /// <summary>
    /// FedAvg with the proximal term (μ/2)·‖w − w_global‖² added to each client's loss (Li et al., "Federated
    /// Optimization in Heterogeneous Networks", MLSys 2020); μ is <see cref="TrainingConfig.ProximalMu"/>.
    /// </summary>
    FedProx,

    /// <summary>
    /// FedAvg with server momentum (Hsu et al., "Measuring the Effects of Non-Identical Data Distribution for
    /// Federated Visual Classification", 2019): the averaged update is a pseudo-gradient for server SGD with
    /// momentum <see cref="TrainingConfig.ServerMomentum"/> and learning rate <see cref="TrainingConfig.ServerLearningRate"/>.
    /// </summary>
    FedAvgM,
}

/// <summary>The kind of device <c>fgs.training.device</c> names.</summary>
public enum TrainingDeviceKind
{
    /// <summary>CUDA when a GPU is usable, otherwise the CPU; the trainer resolves it.</summary>
    Auto,

    /// <summary>The CPU.</summary>
    Cpu,

    /// <summary>A CUDA GPU: the default one, or <see cref="TrainingDevice.Index"/>.</summary>
    Cuda,
}

/// <summary>
/// Where tensors live, as <c>fgs.training.device</c> writes it: <c>auto</c>, <c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>
/// (the spelling TorchSharp's device strings use).
/// </summary>
/// <param name="Kind">Auto, CPU or CUDA.</param>
/// <param name="Index">The GPU's ordinal for <c>cuda:N</c> (>= 0); null for every other spelling, plain <c>cuda</c> included.</param>
public sealed record TrainingDevice(TrainingDeviceKind Kind, int? Index = null)
{
    /// <summary>What a valid <c>fgs.training.device</c> looks like, as error messages state it.</summary>
    public const string Expected = "one of auto, cpu, cuda or cuda:N (N an integer >= 0)";

    public int? Index { get; init; } = Index is null || (Kind == TrainingDeviceKind.Cuda && Index >= 0)
        ? Index
        : throw new ArgumentOutOfRangeException(nameof(Index), Index, "only cuda takes a GPU index, and it is >= 0");

    /// <summary>The device of <paramref name="text"/> (any case, surrounding blanks ignored), or null when it is none of the spellings.</summary>
    public static TrainingDevice? TryParse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var word = text.Trim().ToLowerInvariant();
        switch (word)
        {
            case "auto": return new TrainingDevice(TrainingDeviceKind.Auto);
            case "cpu": return new TrainingDevice(TrainingDeviceKind.Cpu);
            case "cuda": return new TrainingDevice(TrainingDeviceKind.Cuda);
        }
        const string cudaPrefix = "cuda:";
        if (!word.StartsWith(cudaPrefix, StringComparison.Ordinal)) return null;
        var digits = word[cudaPrefix.Length..];
        return digits.Length > 0 && digits.All(char.IsAsciiDigit)
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? new TrainingDevice(TrainingDeviceKind.Cuda, index)
            : null;
    }

    /// <summary>The configuration spelling: <c>auto</c>, <c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>.</summary>
    public override string ToString() => Kind switch
    {
        TrainingDeviceKind.Cpu => "cpu",
        TrainingDeviceKind.Cuda => Index is { } index ? "cuda:" + index.ToString(CultureInfo.InvariantCulture) : "cuda",
        _ => "auto",
    };
}

/// <summary>
/// The <c>fgs.training</c> section: real federated training with TorchSharp. Bound and checked for every run, whether
/// or not <see cref="Enabled"/>; config/reference.conf gives each default and its source.
/// </summary>
/// <param name="Enabled">
/// False: the fleet runs with the numeric workload of <c>fgs.workload</c>. True: clients really train
/// <see cref="Network"/>, whose own parameter count and FLOPs replace <c>fgs.workload</c>'s.
/// </param>
/// <param name="Network">The network clients train.</param>
/// <param name="MlpHidden">Units per hidden layer of <see cref="TrainingNetwork.Mlp"/> (>= 1).</param>
/// <param name="Algorithm">FedAvg, FedProx or FedAvgM.</param>
/// <param name="ProximalMu">FedProx's μ (>= 0; 0 is FedAvg).</param>
/// <param name="ServerMomentum">FedAvgM's server momentum β, in [0, 1).</param>
/// <param name="ServerLearningRate">FedAvgM's server learning rate (> 0; 1 with β = 0 is FedAvg).</param>
/// <param name="LocalEpochs">Passes over its local data a client makes per round (>= 1).</param>
/// <param name="BatchSize">Client mini-batch size (>= 1).</param>
/// <param name="LearningRate">Client SGD learning rate (> 0).</param>
/// <param name="Momentum">Client SGD momentum, in [0, 1).</param>
/// <param name="Device">Where tensors live.</param>
/// <param name="Workers">Clients trained at once (>= 1); null for <c>auto</c>, which <see cref="ResolveWorkers"/> turns into a count.</param>
/// <param name="IntraOpThreads">Threads one training op may use (>= 1).</param>
/// <param name="EvalEvery">Rounds between evaluations of the global model on the test set (>= 1).</param>
/// <param name="EvalBatchSize">Batch size of those evaluations (>= 1).</param>
/// <param name="TargetAccuracy">Test accuracy in (0, 1] that rounds-to-target and time-to-target measure against.</param>
public sealed record TrainingConfig(
    bool Enabled,
    TrainingNetwork Network,
    int MlpHidden,
    TrainingAlgorithm Algorithm,
    double ProximalMu,
    double ServerMomentum,
    double ServerLearningRate,
    int LocalEpochs,
    int BatchSize,
    double LearningRate,
    double Momentum,
    TrainingDevice Device,
    int? Workers,
    int IntraOpThreads,
    int EvalEvery,
    int EvalBatchSize,
    double TargetAccuracy)
{
    /// <summary>What the rounds train: the classifier (default), the generator, or both with augmentation.</summary>
    public TrainingTask Task { get; init; } = TrainingTask.Classifier;

    /// <summary>
    /// The number of clients to train at once: <see cref="Workers"/> when set; for <c>auto</c>, one per GPU in use, or
    /// one per CPU core when training on the CPU.
    /// </summary>
    /// <param name="processorCount">CPU cores (normally <see cref="Environment.ProcessorCount"/>), >= 1.</param>
    /// <param name="gpusInUse">GPUs the run trains on once <see cref="Device"/> is resolved; 0 on the CPU.</param>
    public int ResolveWorkers(int processorCount, int gpusInUse)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(processorCount, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(gpusInUse);
        return Workers ?? (gpusInUse > 0 ? gpusInUse : processorCount);
    }
}
