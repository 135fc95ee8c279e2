using FgsActors.Models.Learning;
using FgsActors.Models.Randomness;
using TorchSharp;
using static TorchSharp.torch;

namespace FgsActors.Models.Generative.Vae;

/// <summary>
/// A conditional VAE (Sohn et al., NeurIPS 2015; Kingma and Welling, ICLR 2014) for 1×28×28 grey images in 10 classes
/// with MLP encoder and decoder (<see cref="CVaeArchitecture"/>: 794 → 400 → 2 × 20 and 30 → 400 → 784 by default,
/// 660,824 parameters, about 4 MFLOPs per training sample), small enough to train on one CPU thread in minutes.
/// <para>
/// Training (<see cref="Train"/>): <c>LocalSteps</c> Adam steps (<see cref="AdamOptimizer"/>, the job's learning rate
/// and betas) on the negative ELBO per image — Bernoulli cross-entropy summed over pixels plus the KL divergence from
/// N(0, I) — with batches from <see cref="JobBatches"/> and reparameterisation noise ε drawn from the job's
/// xoshiro256** stream (<see cref="NormalDraws"/>), the same stream that shuffles. <see cref="GenerativeResult.MeanLoss"/>
/// is the negative ELBO per image, averaged over every sample pass of the job (batches weighted by their size); each
/// step's loss is the one computed before its update.
/// </para>
/// <para>
/// Sampling (<see cref="Sample"/>): z ~ N(0, I) from the call's seed, decoded with the label's one-hot code; the result
/// is the decoder's Bernoulli mean sigmoid(logits), in [0, 1], not a binary draw.
/// </para>
/// <para>
/// Stateless and thread-safe: every call builds its own module from the weights it is given; computation is
/// deterministic with one intra-op thread (<see cref="TorchRuntime"/>).
/// </para>
/// </summary>
public sealed class ConditionalVae : IGenerativeModel
{
    /// <summary>Latent dimensions by default (Kingma and Welling 2014 report up to 20 for MNIST).</summary>
    public const int DefaultLatentSize = 20;

    /// <summary>Hidden units of encoder and decoder by default (Kingma and Welling 2014, appendix C: 400 for MNIST).</summary>
    public const int DefaultHiddenWidth = 400;

    /// <summary>Side of the square images (Fashion-MNIST's 28).</summary>
    public const int ImageSide = 28;

    /// <summary>Classes conditioned on (Fashion-MNIST's 10).</summary>
    public const int ClassCount = 10;

    /// <summary>Images per decoder call in <see cref="Sample"/>, which bounds its memory.</summary>
    private const int SamplingChunk = 512;

    private readonly CVaeArchitecture _architecture;

    /// <param name="latentSize">Dimensions of z, ≥ 1.</param>
    /// <param name="hiddenWidth">Hidden units of the encoder's and the decoder's one hidden layer, ≥ 1.</param>
    public ConditionalVae(int latentSize = DefaultLatentSize, int hiddenWidth = DefaultHiddenWidth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(latentSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(hiddenWidth, 1);
        _architecture = new CVaeArchitecture(new FeatureShape(1, ImageSide, ImageSide), ClassCount, latentSize, hiddenWidth);
        Name = latentSize == DefaultLatentSize && hiddenWidth == DefaultHiddenWidth ? "cvae-mlp" : $"cvae-mlp-{hiddenWidth}-z{latentSize}";
    }

    public GenerativeKind Kind => GenerativeKind.CVae;

    public string Name { get; }

    public FeatureShape Image => _architecture.Image;

    public int Classes => _architecture.Classes;

    /// <summary>Dimensions of the latent code z.</summary>
    public int LatentSize => _architecture.Latent;

    /// <summary>Hidden units of the encoder and of the decoder.</summary>
    public int HiddenWidth => _architecture.Hidden;

    public int ParameterCount => _architecture.ParameterCount;

    public GenerativeProfile Profile => _architecture.Profile;

    /// <summary>The flat-weight layout: parameter names ("encoder_hidden.weight"), offsets and lengths.</summary>
    public IReadOnlyList<ParameterSlice> ParameterLayout() => GenerativeLayer.Layout(_architecture.Layers);

    /// <summary>
    /// PyTorch's default initialisation of <c>nn.Linear</c>: every weight and bias from U(−1/√fan_in, 1/√fan_in)
    /// (Kaiming-uniform with a = √5 gives that bound for the weights), drawn from a xoshiro256** stream seeded with
    /// <paramref name="seed"/>, layer by layer in flat-weight order, as <see cref="NetworkSpec.InitialWeights"/> does.
    /// </summary>
    public float[] InitialWeights(ulong seed)
    {
        var random = new Xoshiro256StarStar(seed);
        var weights = new float[ParameterCount];
        var offset = 0;
        foreach (var layer in _architecture.Layers)
        {
            var bound = 1.0 / Math.Sqrt(layer.FanIn);
            for (var i = 0; i < layer.Parameters; i++)
                weights[offset++] = (float)((2 * random.NextDouble() - 1) * bound);
        }
        return weights;
    }

    public GenerativeResult Train(GenerativeJob job, CancellationToken cancellationToken = default)
    {
        GenerativeInputChecks.RequireValidJob(this, job);
        TorchRuntime.PrepareCurrentThread(job.Device);

        var hp = job.Hyperparameters;
        var random = new Xoshiro256StarStar(job.Seed);
        var batches = new JobBatches(job.Data, job.SampleIndices, hp.BatchSize, Classes, random);
        var noise = new float[batches.BatchSize * LatentSize];
        var pixels = _architecture.Pixels;

        using var scope = torch.NewDisposeScope();
        var device = job.Device.ToTorch();
        using var network = new CVaeNetwork(_architecture);
        FlatWeights.Set(network, job.GlobalWeights);
        network.to(device); // moving replaces the parameters: take them only afterwards
        using var optimizer = new AdamOptimizer(network.parameters(), hp.LearningRate, hp.Beta1, hp.Beta2);

        double lossSum = 0;
        long passes = 0;
        for (var step = 0; step < hp.LocalSteps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = batches.Next();
            var n = batch.Count;
            var draws = n == batches.BatchSize ? noise : new float[n * LatentSize];
            NormalDraws.Fill(random, draws);

            using var stepScope = torch.NewDisposeScope();
            var x = torch.tensor(batch.Pixels, [n, pixels]).to(device);
            var y = torch.tensor(OneHotLabels.Encode(batch.Labels, Classes), [n, Classes]).to(device);
            var epsilon = torch.tensor(draws, [n, LatentSize]).to(device);
            optimizer.ZeroGrad();
            var loss = network.NegativeElbo(x, y, epsilon);
            loss.backward();
            optimizer.Step();
            lossSum += (double)loss.item<float>() * n;
            passes += n;
        }

        var delta = FlatWeights.Get(network);
        var global = job.GlobalWeights;
        for (var i = 0; i < delta.Length; i++)
            delta[i] -= global[i];
        return new GenerativeResult(delta, job.SampleIndices.Length, lossSum / passes, passes);
    }

    public float[] Sample(float[] weights, ReadOnlySpan<int> labels, ulong seed, ComputeDevice device = default)
    {
        GenerativeInputChecks.RequireValidSampling(this, weights, labels);
        var pixels = _architecture.Pixels;
        var images = new float[checked(labels.Length * pixels)];
        if (labels.Length == 0)
            return images;
        TorchRuntime.PrepareCurrentThread(device);

        // All latent codes first, so the images do not depend on how they are chunked.
        var latents = NormalDraws.Draw(new Xoshiro256StarStar(seed), checked(labels.Length * LatentSize));
        var oneHot = OneHotLabels.Encode(labels, Classes);

        using var scope = torch.NewDisposeScope();
        var target = device.ToTorch();
        using var network = new CVaeNetwork(_architecture);
        FlatWeights.Set(network, weights);
        network.to(target);
        using var noGrad = torch.no_grad();
        for (var start = 0; start < labels.Length; start += SamplingChunk)
        {
            var n = Math.Min(SamplingChunk, labels.Length - start);
            using var chunkScope = torch.NewDisposeScope();
            var z = torch.tensor(latents.AsSpan(start * LatentSize, n * LatentSize).ToArray(), [n, LatentSize]).to(target);
            var y = torch.tensor(oneHot.AsSpan(start * Classes, n * Classes).ToArray(), [n, Classes]).to(target);
            using var means = network.DecodeLogits(z, y).sigmoid().cpu().contiguous();
            using var accessor = means.data<float>();
            accessor.CopyTo(images.AsSpan(start * pixels, n * pixels), 0, 0);
        }
        return images;
    }

    public override string ToString() => Name;
}
