namespace FgsActors.Simulation.Configuration;

/// <summary>Reads <c>fgs.generative</c>, <c>fgs.drift</c> and <c>fgs.augmentation</c>; every key is checked whatever the task.</summary>
internal static class GenerativeBinding
{
    private static readonly (string Word, GeneratorModel Model)[] ModelWords =
        [("cvae", GeneratorModel.CVae), ("cgan", GeneratorModel.CGan), ("ddpm", GeneratorModel.Ddpm)];

    private static readonly (string Word, RevalidationChoice Policy)[] PolicyWords =
        [("none", RevalidationChoice.None), ("flag", RevalidationChoice.Flag), ("retrain", RevalidationChoice.Retrain)];

    public static readonly (string Word, TrainingTask Task)[] TaskWords =
        [("classifier", TrainingTask.Classifier), ("generator", TrainingTask.Generator), ("augmented", TrainingTask.Augmented)];

    public static GenerativeConfig Bind(SettingsReader reader)
    {
        var steps = reader.GetInt(FgsKeys.GenerativeDiffusionSteps, 21, 1000);
        var sampling = reader.GetInt(FgsKeys.GenerativeSamplingSteps, 1);
        if (sampling > steps)
            throw ConfigException.InvalidValue(reader.Tree.Find(FgsKeys.GenerativeSamplingSteps)!,
                $"an integer in [1, {FgsKeys.GenerativeDiffusionSteps} = {steps}]");
        return new GenerativeConfig(
            reader.GetChoice(FgsKeys.GenerativeModel, ModelWords),
            reader.GetInt(FgsKeys.GenerativeLocalSteps, 1),
            reader.GetInt(FgsKeys.GenerativeBatchSize, 1),
            reader.GetDouble(FgsKeys.GenerativeLearningRate, 0, minExclusive: true),
            reader.GetDouble(FgsKeys.GenerativeDiscriminatorLearningRate, 0, minExclusive: true),
            reader.GetDouble(FgsKeys.GenerativeBeta1, 0, 1, maxExclusive: true),
            reader.GetDouble(FgsKeys.GenerativeBeta2, 0, 1, maxExclusive: true),
            reader.GetInt(FgsKeys.GenerativeEvalSamplesPerClass, 2),
            reader.GetInt(FgsKeys.GenerativeLocalFidDevices, 0),
            reader.GetPath(FgsKeys.GenerativeReferenceCache),
            steps,
            sampling,
            new RevalidationConfig(
                reader.GetChoice(FgsKeys.RevalidationPolicy, PolicyWords),
                reader.GetDouble(FgsKeys.RevalidationThreshold, 1, minExclusive: true),
                reader.GetInt(FgsKeys.RevalidationTrainRounds, 0),
                reader.GetInt(FgsKeys.RevalidationRetrainRounds, 1)))
        {
            GanWidth = reader.GetInt(FgsKeys.GenerativeGanWidth, 1),
            ServerMomentum = reader.GetDouble(FgsKeys.GenerativeServerMomentum, 0, 1, maxExclusive: true),
            ServerLearningRate = reader.GetDouble(FgsKeys.GenerativeServerLearningRate, 0, minExclusive: true),
        };
    }

    public static DriftConfig BindDrift(SettingsReader reader) => new(
        reader.GetBool(FgsKeys.DriftEnabled),
        reader.GetDuration(FgsKeys.DriftAt),
        reader.GetProbability(FgsKeys.DriftCohort),
        reader.GetInt(FgsKeys.DriftClassShift, 0),
        reader.GetDouble(FgsKeys.DriftContrast, 0, minExclusive: true),
        reader.GetDouble(FgsKeys.DriftBrightness, -1, 1));

    public static AugmentationConfig BindAugmentation(SettingsReader reader) => new(
        reader.GetInt(FgsKeys.AugmentationStartRound, 0),
        reader.GetInt(FgsKeys.AugmentationMinPerClass, 1));
}
