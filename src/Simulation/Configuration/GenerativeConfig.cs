namespace FgsActors.Simulation.Configuration;

/// <summary>What <c>fgs.training.task</c> chose: what the fleet's rounds train.</summary>
public enum TrainingTask
{
    /// <summary>The classifier of <c>fgs.training.network</c> (issue 4's federated training).</summary>
    Classifier,

    /// <summary>The class-conditional generator of <c>fgs.generative.model</c>, federated as FedGAN does.</summary>
    Generator,

    /// <summary>
    /// Both, jointly: every client trains the generator and then the classifier on its data topped up with samples of
    /// the global generator for its missing and rare classes (<c>fgs.augmentation</c>).
    /// </summary>
    Augmented,
}

/// <summary>What <c>fgs.generative.model</c> chose.</summary>
public enum GeneratorModel
{
    /// <summary>Conditional VAE.</summary>
    CVae,

    /// <summary>Conditional DCGAN-style GAN.</summary>
    CGan,

    /// <summary>Class-conditional DDPM sampled with DDIM.</summary>
    Ddpm,
}

/// <summary>What <c>fgs.generative.revalidation.policy</c> chose.</summary>
public enum RevalidationChoice
{
    None,
    Flag,
    Retrain,
}

/// <summary>
/// The <c>fgs.generative</c> section: the generator a fleet trains when <c>fgs.training.task</c> is generator or
/// augmented, its local training, its evaluation and its re-validation policy. config/reference.conf gives each
/// default and its source.
/// </summary>
/// <param name="Model">The generator family.</param>
/// <param name="LocalSteps">K, Adam steps per round (FedGAN's synchronisation interval), >= 1.</param>
/// <param name="BatchSize">Mini-batch size, >= 1.</param>
/// <param name="LearningRate">Adam learning rate of the generator (the whole model for a VAE or DDPM), > 0.</param>
/// <param name="DiscriminatorLearningRate">Adam learning rate of the GAN's discriminator, > 0.</param>
/// <param name="Beta1">Adam β1 in [0, 1).</param>
/// <param name="Beta2">Adam β2 in [0, 1).</param>
/// <param name="EvalSamplesPerClass">Images generated per class at each evaluation, >= 2.</param>
/// <param name="LocalFidDevices">Most devices whose local FID is measured per evaluation, >= 0.</param>
/// <param name="ReferenceCache">Directory of the cached reference classifier; empty for the default.</param>
/// <param name="DiffusionSteps">T of the DDPM, in [21, 1000] (the linear schedule rescaled to T; see Models' NoiseSchedule).</param>
/// <param name="SamplingSteps">DDIM steps when sampling the DDPM, in [1, T].</param>
/// <param name="Revalidation">Policy, threshold, training and retraining rounds.</param>
public sealed record GenerativeConfig(
    GeneratorModel Model,
    int LocalSteps,
    int BatchSize,
    double LearningRate,
    double DiscriminatorLearningRate,
    double Beta1,
    double Beta2,
    int EvalSamplesPerClass,
    int LocalFidDevices,
    string ReferenceCache,
    int DiffusionSteps,
    int SamplingSteps,
    RevalidationConfig Revalidation)
{
    /// <summary>Width of the cgan's networks (generator 2w×7×7 → w×14×14; discriminator w×14×14 → 2w×7×7), >= 1.</summary>
    public int GanWidth { get; init; } = 32;

    /// <summary>Server momentum β of the generator's aggregation, in [0, 1); 0 is FedGAN's plain average.</summary>
    public double ServerMomentum { get; init; }

    /// <summary>Server learning rate η of the generator's aggregation, > 0; 1 with β = 0 is FedGAN's plain average.</summary>
    public double ServerLearningRate { get; init; } = 1;
}

/// <param name="Policy">none, flag or retrain.</param>
/// <param name="Threshold">Rise factor of the mean local FID over its baseline that fires the policy, > 1.</param>
/// <param name="TrainRounds">Rounds of training before the generator is frozen; 0: never frozen.</param>
/// <param name="RetrainRounds">Rounds a retraining lasts, >= 1.</param>
public sealed record RevalidationConfig(RevalidationChoice Policy, double Threshold, int TrainRounds, int RetrainRounds);

/// <summary>The <c>fgs.drift</c> section: a step change in a cohort's local data (see Models' DriftSettings).</summary>
/// <param name="Enabled">Whether the change happens.</param>
/// <param name="AtTicks">Virtual time of the change, ticks.</param>
/// <param name="Cohort">Share of devices affected, in [0, 1].</param>
/// <param name="ClassShift">Classes the cohort's priors rotate by, >= 0.</param>
/// <param name="Contrast">Contrast factor after the change, > 0.</param>
/// <param name="Brightness">Brightness offset after the change, in [−1, 1].</param>
public sealed record DriftConfig(bool Enabled, long AtTicks, double Cohort, int ClassShift, double Contrast, double Brightness);

/// <summary>The <c>fgs.augmentation</c> section: synthetic top-up of missing and rare classes.</summary>
/// <param name="StartRound">First round whose clients top up (the generator trains from round 0), >= 0.</param>
/// <param name="MinPerClass">Each class is topped up to at least this many samples on every client, >= 1.</param>
public sealed record AugmentationConfig(int StartRound, int MinPerClass);
