namespace FgsActors.Simulation.Configuration;

/// <summary>
/// Reads <c>fgs.training</c>. Every key is checked whatever <c>enabled</c>, <c>network</c> and <c>algorithm</c> say, so
/// that switching training on, or to another network or algorithm, never uncovers a bad value later.
/// </summary>
internal static class TrainingBinding
{
    /// <summary>Word of <c>workers</c> that leaves the count to the trainer (see <see cref="TrainingConfig.ResolveWorkers"/>).</summary>
    public const string AutoWorkers = "auto";

    private static readonly (string Word, TrainingNetwork Network)[] NetworkWords =
        [("lenet5", TrainingNetwork.LeNet5), ("mlp", TrainingNetwork.Mlp)];

    private static readonly (string Word, TrainingAlgorithm Algorithm)[] AlgorithmWords =
        [("fedavg", TrainingAlgorithm.FedAvg), ("fedprox", TrainingAlgorithm.FedProx), ("fedavgm", TrainingAlgorithm.FedAvgM)];

    public static TrainingConfig Bind(SettingsReader reader) => new(
        reader.GetBool(FgsKeys.TrainingEnabled),
        reader.GetChoice(FgsKeys.TrainingNetwork, NetworkWords),
        reader.GetInt(FgsKeys.TrainingMlpHidden, 1),
        reader.GetChoice(FgsKeys.TrainingAlgorithm, AlgorithmWords),
        reader.GetDouble(FgsKeys.TrainingProximalMu, 0),
        reader.GetDouble(FgsKeys.TrainingServerMomentum, 0, 1, maxExclusive: true),
        reader.GetDouble(FgsKeys.TrainingServerLearningRate, 0, minExclusive: true),
        reader.GetInt(FgsKeys.TrainingLocalEpochs, 1),
        reader.GetInt(FgsKeys.TrainingBatchSize, 1),
        reader.GetDouble(FgsKeys.TrainingLearningRate, 0, minExclusive: true),
        reader.GetDouble(FgsKeys.TrainingMomentum, 0, 1, maxExclusive: true),
        reader.GetParsed(FgsKeys.TrainingDevice, TrainingDevice.Expected, TrainingDevice.TryParse),
        reader.GetIntOrWord(FgsKeys.TrainingWorkers, AutoWorkers, 1),
        reader.GetInt(FgsKeys.TrainingIntraOpThreads, 1),
        reader.GetInt(FgsKeys.TrainingEvalEvery, 1),
        reader.GetInt(FgsKeys.TrainingEvalBatchSize, 1),
        reader.GetDouble(FgsKeys.TrainingTargetAccuracy, 0, 1, minExclusive: true))
    {
        Task = reader.GetChoice(FgsKeys.TrainingTask, GenerativeBinding.TaskWords),
    };
}
