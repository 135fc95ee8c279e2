using FgsActors.Models.Learning;

namespace FgsActors.Models.Generative;

/// <summary>
/// A class-conditional image generator that a fleet trains federatedly (a conditional VAE, a conditional GAN or a small
/// diffusion model). All its trainable parameters — the generator's and, for a GAN, the discriminator's — form one flat
/// float32 vector, so the server averages them like any model (FedGAN averages both networks). Implementations are
/// stateless between calls and thread-safe: every call builds its own modules from the weights it is given.
/// <para>
/// Determinism: <see cref="Train"/> and <see cref="Sample"/> draw every random number (shuffles, latent noise,
/// diffusion noise and time steps) from their own xoshiro256** stream seeded by the call's seed, never from torch's
/// global generator, and compute with one intra-op thread, so the same call always returns the same floats.
/// </para>
/// </summary>
public interface IGenerativeModel
{
    /// <summary>Which family the model belongs to.</summary>
    GenerativeKind Kind { get; }

    /// <summary>Short name for tables and logs, e.g. "cvae-mlp".</summary>
    string Name { get; }

    /// <summary>Shape of one image (1×28×28 for Fashion-MNIST).</summary>
    FeatureShape Image { get; }

    /// <summary>Number of classes it conditions on.</summary>
    int Classes { get; }

    /// <summary>Floats in the flat weight vector (every trainable parameter that is federated).</summary>
    int ParameterCount { get; }

    /// <summary>Cost and memory figures for the fleet's time, energy and RAM models.</summary>
    GenerativeProfile Profile { get; }

    /// <summary>Initial weights drawn from <paramref name="seed"/> (bit-identical for the same seed).</summary>
    float[] InitialWeights(ulong seed);

    /// <summary>One client's local training from <see cref="GenerativeJob.GlobalWeights"/>: <c>LocalSteps</c> optimiser steps.</summary>
    GenerativeResult Train(GenerativeJob job, CancellationToken cancellationToken = default);

    /// <summary>
    /// Generates one image per entry of <paramref name="labels"/> (each in [0, Classes)) from <paramref name="weights"/>:
    /// labels.Length × C × H × W floats in [0, 1] (pixel/255 scale, the layout of <see cref="IBatchSource.CopyBatch"/>).
    /// </summary>
    float[] Sample(float[] weights, ReadOnlySpan<int> labels, ulong seed, ComputeDevice device = default);
}

/// <summary>The generator families.</summary>
public enum GenerativeKind
{
    /// <summary>Conditional variational auto-encoder (Sohn et al., NeurIPS 2015).</summary>
    CVae,

    /// <summary>Conditional GAN (Mirza and Osindero, 2014) with DCGAN-style networks (Radford et al., ICLR 2016).</summary>
    CGan,

    /// <summary>Class-conditional denoising diffusion model (Ho et al., NeurIPS 2020), sampled with DDIM (Song et al., ICLR 2021).</summary>
    Ddpm,
}

/// <summary>Figures of a generative model that the fleet's cost and memory models need.</summary>
/// <param name="Parameters">Trainable, federated parameters (generator + discriminator for a GAN).</param>
/// <param name="TrainingFlopsPerSample">FLOPs of one training sample pass (forward + backward of every network the step runs).</param>
/// <param name="ActivationBytesPerSample">Activation memory per sample of a batch, bytes.</param>
/// <param name="OptimizerStateCopies">Parameter-sized optimiser buffers (2 for Adam).</param>
/// <param name="SamplingFlopsPerSample">FLOPs to generate one image (all denoising steps for a diffusion model).</param>
public sealed record GenerativeProfile(long Parameters, double TrainingFlopsPerSample, long ActivationBytesPerSample,
    int OptimizerStateCopies, double SamplingFlopsPerSample);

/// <summary>Local training settings of a generative model.</summary>
/// <param name="LocalSteps">K, optimiser steps per round (FedGAN's synchronisation interval), >= 1.</param>
/// <param name="BatchSize">Mini-batch size, >= 1.</param>
/// <param name="LearningRate">Adam learning rate of the generator (of the whole model for a VAE or a diffusion model), > 0.</param>
/// <param name="DiscriminatorLearningRate">Adam learning rate of a GAN's discriminator, > 0 (ignored by other kinds).</param>
/// <param name="Beta1">Adam β1, in [0, 1).</param>
/// <param name="Beta2">Adam β2, in [0, 1).</param>
public sealed record GenerativeHyperparameters(int LocalSteps, int BatchSize, double LearningRate, double DiscriminatorLearningRate,
    double Beta1 = 0.5, double Beta2 = 0.999);

/// <summary>
/// One client's local generator training. Batches are drawn by visiting <see cref="SampleIndices"/> in a fresh random
/// order per pass (cycling as often as <c>LocalSteps × BatchSize</c> needs), shuffled by a stream seeded with
/// <see cref="Seed"/>; the same job gives bit-identical results.
/// </summary>
/// <param name="GlobalWeights">Flat global model (read, never written).</param>
/// <param name="Data">The data set the indices refer to (pixels in [0, 1]).</param>
/// <param name="SampleIndices">The client's samples (non-empty).</param>
/// <param name="Hyperparameters">Steps, batch and optimiser settings.</param>
/// <param name="Seed">Seed of shuffles and every noise draw.</param>
/// <param name="Device">Where tensors live (the CPU by default); inputs and results stay CPU arrays.</param>
public sealed record GenerativeJob(float[] GlobalWeights, IBatchSource Data, int[] SampleIndices,
    GenerativeHyperparameters Hyperparameters, ulong Seed, ComputeDevice Device = default);

/// <summary>Outcome of a <see cref="GenerativeJob"/>.</summary>
/// <param name="Delta">Local weights − global weights, flat float32.</param>
/// <param name="Samples">n_k, the client's sample count: its FedAvg/FedGAN weight.</param>
/// <param name="MeanLoss">Mean of the model's main training loss over the job's steps (negative ELBO per image for a
/// VAE, the generator's loss for a GAN, the noise-prediction MSE for a diffusion model).</param>
/// <param name="SamplePasses">Sample passes the job made (LocalSteps × batch, the last batch possibly smaller).</param>
public sealed record GenerativeResult(float[] Delta, int Samples, double MeanLoss, long SamplePasses);
