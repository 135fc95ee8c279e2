using FgsActors.Actors.Training;
using FgsActors.Models.Data;
using FgsActors.Models.Federated;
using FgsActors.Models.Generative;
using FgsActors.Models.Learning;
using FgsActors.Simulation.Configuration;
using FgsActors.Simulation.Federation;

namespace FgsActors.Cli.Hosting;

/// <summary>
/// Builds the federated generator of a run (fgs.training.task = generator or augmented): the model of
/// fgs.generative.model, the clients' data (drifting when fgs.drift is on), the re-validation policy and the fidelity
/// judge over the cached reference classifier.
/// </summary>
public static class GenerativeSetup
{
    public static FederatedGenerativeTask Build(FgsSettings settings, ImageDataset train, ImageDataset test, int[][] shards,
        TrainerPool pool, ComputeDevice device)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var generative = settings.Generative;
        var revalidation = generative.Revalidation;
        if ((revalidation.Policy != RevalidationChoice.None || revalidation.TrainRounds > 0) && settings.Aggregator.Mode != AggregationMode.Sync)
            throw new ConfigException(
                $"config key '{FgsKeys.RevalidationPolicy}': re-validation freezes and retrains the generator between rounds, which needs {FgsKeys.AggregatorMode} = sync",
                FgsKeys.RevalidationPolicy, "none with async aggregation", revalidation.Policy.ToString().ToLowerInvariant());
        var seed = settings.Run.Seed;
        var model = GeneratorCatalog.Create(generative);
        var source = new ImageBatchSource(train);
        IClientDataSource data = settings.Drift is { Enabled: true } drift
            ? new DriftingClientData(source, train.Labels, train.Classes, shards,
                new DriftSettings(Simulation.Time.VirtualTime.ToSeconds(drift.AtTicks), drift.Cohort, drift.ClassShift, drift.Contrast, drift.Brightness), seed)
            : new StaticClientData(source, shards);
        var hyperparameters = Hyperparameters(generative);
        var policy = new RevalidationPolicy(new RevalidationSettings(
            revalidation.Policy switch
            {
                RevalidationChoice.Flag => RevalidationAction.Flag,
                RevalidationChoice.Retrain => RevalidationAction.Retrain,
                _ => RevalidationAction.None,
            },
            revalidation.Threshold, revalidation.TrainRounds, revalidation.RetrainRounds));
        var judge = ReferenceJudge.Create(settings, train, test);
        return new FederatedGenerativeTask(model, data, hyperparameters, pool, seed, Evaluation(generative), judge, policy, device,
            ServerStrategy(generative));
    }

    /// <summary>FedGAN's plain average, or FedAvgM with the configured server momentum and learning rate.</summary>
    public static IServerStrategy ServerStrategy(GenerativeConfig generative) =>
        generative.ServerMomentum == 0 && generative.ServerLearningRate == 1
            ? new FedAvg()
            : new FedAvgM(generative.ServerMomentum, generative.ServerLearningRate);

    /// <summary>The local training settings of fgs.generative.</summary>
    public static GenerativeHyperparameters Hyperparameters(GenerativeConfig generative) =>
        new(generative.LocalSteps, generative.BatchSize, generative.LearningRate, generative.DiscriminatorLearningRate,
            generative.Beta1, generative.Beta2);

    /// <summary>The evaluation settings of fgs.generative.</summary>
    public static GenerativeEvaluation Evaluation(GenerativeConfig generative) =>
        new(generative.EvalSamplesPerClass, generative.LocalFidDevices);
}
