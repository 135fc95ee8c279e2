using FgsActors.Models.Learning;
using FgsActors.Models.Randomness;
using TorchSharp;
using static TorchSharp.torch;

namespace FgsActors.Models.Generative.Gan;

/// <summary>
/// A conditional GAN (Mirza and Osindero 2014) with small DCGAN-style networks (<see cref="CGanArchitecture"/>) for
/// 1×28×28 grey images in 10 classes, trained federatedly as in FedGAN (Rasouli, Sun and Rajagopal, arXiv 2006.07228):
/// the flat weights are the generator's parameters followed by the discriminator's
/// (<see cref="GeneratorParameterCount"/> says where the discriminator starts), and the server averages both.
/// <para>
/// A training step (<see cref="Train"/>), on a batch of n real images x with labels y (pixels rescaled to [−1, 1] to
/// match the generator's tanh) and n latent codes z ~ N(0, I) from the job's xoshiro256** stream:
/// <list type="number">
/// <item>the generator makes n fakes G(z, y), conditioned on the real batch's labels;</item>
/// <item>the discriminator takes one Adam step (rate <see cref="GenerativeHyperparameters.DiscriminatorLearningRate"/>)
/// on −log D(x, y) − log(1 − D(G(z, y), y)), the fakes detached;</item>
/// <item>the generator takes one Adam step (rate <see cref="GenerativeHyperparameters.LearningRate"/>) on the
/// non-saturating loss −log D(G(z, y), y) (Goodfellow et al., NeurIPS 2014, §3), through the updated
/// discriminator.</item>
/// </list>
/// Both losses are means over the batch and computed from logits (softplus form, numerically stable). This is the
/// order of PyTorch's DCGAN example: the same fakes serve both updates. Both optimisers use the job's β1 and β2
/// (DCGAN: 0.5 and 0.999). <see cref="GenerativeResult.MeanLoss"/> is the generator's loss averaged over the job's
/// sample passes (batches weighted by their size).
/// </para>
/// <para>
/// Sampling (<see cref="Sample"/>): z ~ N(0, I) from the call's seed, G(z, y) mapped from (−1, 1) to [0, 1] as
/// (G + 1) / 2. Stateless and thread-safe; deterministic with one intra-op thread (<see cref="TorchRuntime"/>).
/// </para>
/// </summary>
public sealed class ConditionalGan : IGenerativeModel
{
    /// <summary>Latent dimensions by default (a common choice for MNIST-sized conditional GANs).</summary>
    public const int DefaultLatentSize = 64;

    /// <summary>Generator width g by default: 128×7×7 → 64×14×14 → 1×28×28.</summary>
    public const int DefaultGeneratorWidth = 64;

    /// <summary>Discriminator width d by default: 64×14×14 → 128×7×7 → 1.</summary>
    public const int DefaultDiscriminatorWidth = 64;

    /// <summary>Standard deviation of the initial weights (DCGAN, Radford et al. 2016, §4).</summary>
    public const double InitialWeightDeviation = 0.02;

    /// <summary>Side of the square images (Fashion-MNIST's 28; the networks halve it twice).</summary>
    public const int ImageSide = 28;

    /// <summary>Classes conditioned on (Fashion-MNIST's 10).</summary>
    public const int ClassCount = 10;

    /// <summary>Images per generator call in <see cref="Sample"/>, which bounds its memory.</summary>
    private const int SamplingChunk = 256;

    private readonly CGanArchitecture _architecture;

    /// <param name="latentSize">Dimensions of z, ≥ 1.</param>
    /// <param name="generatorWidth">g, ≥ 1: the generator's maps are 2g×7×7 and g×14×14.</param>
    /// <param name="discriminatorWidth">d, ≥ 1: the discriminator's maps are d×14×14 and 2d×7×7.</param>
    public ConditionalGan(int latentSize = DefaultLatentSize, int generatorWidth = DefaultGeneratorWidth,
        int discriminatorWidth = DefaultDiscriminatorWidth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(latentSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(generatorWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(discriminatorWidth, 1);
        _architecture = new CGanArchitecture(latentSize, generatorWidth, discriminatorWidth);
        Name = latentSize == DefaultLatentSize && generatorWidth == DefaultGeneratorWidth && discriminatorWidth == DefaultDiscriminatorWidth
            ? "cgan-dc"
            : $"cgan-dc-g{generatorWidth}-d{discriminatorWidth}-z{latentSize}";
    }

    public GenerativeKind Kind => GenerativeKind.CGan;

    public string Name { get; }

    public FeatureShape Image => _architecture.Image;

    public int Classes => _architecture.Classes;

    /// <summary>Dimensions of the latent code z.</summary>
    public int LatentSize => _architecture.Latent;

    /// <summary>g: the generator's maps are 2g×7×7 and g×14×14.</summary>
    public int GeneratorWidth => _architecture.GeneratorWidth;

    /// <summary>d: the discriminator's maps are d×14×14 and 2d×7×7.</summary>
    public int DiscriminatorWidth => _architecture.DiscriminatorWidth;

    /// <summary>Generator + discriminator parameters.</summary>
    public int ParameterCount => _architecture.ParameterCount;

    /// <summary>The generator's parameters: flat weights [0, GeneratorParameterCount); the discriminator's follow.</summary>
    public int GeneratorParameterCount => _architecture.GeneratorParameterCount;

    /// <summary>The discriminator's parameters, the tail of the flat weights.</summary>
    public int DiscriminatorParameterCount => _architecture.DiscriminatorParameterCount;

    public GenerativeProfile Profile => _architecture.Profile;

    /// <summary>
    /// The flat-weight layout: the generator's parameters ("generator.project.weight", …) then the discriminator's
    /// ("discriminator.downsample.weight", …), with offsets and lengths.
    /// </summary>
    public IReadOnlyList<ParameterSlice> ParameterLayout()
    {
        var generator = GenerativeLayer.Layout(_architecture.Generator);
        var discriminator = GenerativeLayer.Layout(_architecture.Discriminator);
        return
        [
            .. generator.Select(s => s with { Name = "generator." + s.Name }),
            .. discriminator.Select(s => s with { Name = "discriminator." + s.Name, Offset = s.Offset + GeneratorParameterCount }),
        ];
    }

    /// <summary>
    /// DCGAN's initialisation (Radford et al. 2016, §4): every weight from N(0, 0.02²), every bias 0; the normals come
    /// from a xoshiro256** stream seeded with <paramref name="seed"/> (<see cref="NormalDraws"/>), layer by layer in
    /// flat-weight order.
    /// </summary>
    public float[] InitialWeights(ulong seed)
    {
        var random = new Xoshiro256StarStar(seed);
        var weights = new float[ParameterCount];
        var offset = 0;
        foreach (var layer in _architecture.Generator.Concat(_architecture.Discriminator))
        {
            var block = weights.AsSpan(offset, layer.WeightElements);
            NormalDraws.Fill(random, block);
            foreach (ref var w in block)
                w = (float)(w * InitialWeightDeviation);
            offset += layer.Parameters; // the biases stay 0
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
        var side = ImageSide;

        using var scope = torch.NewDisposeScope();
        var device = job.Device.ToTorch();
        using var generator = new CGanGenerator(_architecture);
        using var discriminator = new CGanDiscriminator(_architecture);
        FlatWeights.Set(generator, job.GlobalWeights.AsSpan(0, GeneratorParameterCount));
        FlatWeights.Set(discriminator, job.GlobalWeights.AsSpan(GeneratorParameterCount));
        generator.to(device); // moving replaces the parameters: take them only afterwards
        discriminator.to(device);
        using var generatorOptimizer = new AdamOptimizer(generator.parameters(), hp.LearningRate, hp.Beta1, hp.Beta2);
        using var discriminatorOptimizer = new AdamOptimizer(discriminator.parameters(), hp.DiscriminatorLearningRate, hp.Beta1, hp.Beta2);
        using var one = 1.0.ToScalar(); // alpha of the loss sum, alive for the whole job

        double lossSum = 0;
        long passes = 0;
        for (var step = 0; step < hp.LocalSteps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = batches.Next();
            var n = batch.Count;
            var pixels = batch.Pixels;
            for (var i = 0; i < pixels.Length; i++)
                pixels[i] = 2 * pixels[i] - 1; // [0, 1] → [−1, 1], the range of tanh
            var draws = n == batches.BatchSize ? noise : new float[n * LatentSize];
            NormalDraws.Fill(random, draws);

            using var stepScope = torch.NewDisposeScope();
            var real = torch.tensor(pixels, [n, 1, side, side]).to(device);
            var labels = torch.tensor(OneHotLabels.Encode(batch.Labels, Classes), [n, Classes]).to(device);
            var latent = torch.tensor(draws, [n, LatentSize]).to(device);
            var ones = torch.ones([n, 1], device: device);
            var zeros = torch.zeros([n, 1], device: device);
            var fake = generator.Generate(latent, labels);

            discriminatorOptimizer.ZeroGrad();
            var realLoss = nn.functional.binary_cross_entropy_with_logits(discriminator.Logits(real, labels), ones);
            var fakeLoss = nn.functional.binary_cross_entropy_with_logits(discriminator.Logits(fake.detach(), labels), zeros);
            realLoss.add(fakeLoss, one).backward();
            discriminatorOptimizer.Step();

            generatorOptimizer.ZeroGrad();
            var generatorLoss = nn.functional.binary_cross_entropy_with_logits(discriminator.Logits(fake, labels), ones);
            generatorLoss.backward();
            generatorOptimizer.Step();

            lossSum += (double)generatorLoss.item<float>() * n;
            passes += n;
        }

        var delta = new float[ParameterCount];
        FlatWeights.CopyTo(generator, delta.AsSpan(0, GeneratorParameterCount));
        FlatWeights.CopyTo(discriminator, delta.AsSpan(GeneratorParameterCount));
        var global = job.GlobalWeights;
        for (var i = 0; i < delta.Length; i++)
            delta[i] -= global[i];
        return new GenerativeResult(delta, job.SampleIndices.Length, lossSum / passes, passes);
    }

    public float[] Sample(float[] weights, ReadOnlySpan<int> labels, ulong seed, ComputeDevice device = default)
    {
        GenerativeInputChecks.RequireValidSampling(this, weights, labels);
        var pixels = Image.Elements;
        var images = new float[checked(labels.Length * pixels)];
        if (labels.Length == 0)
            return images;
        TorchRuntime.PrepareCurrentThread(device);

        // All latent codes first, so the images do not depend on how they are chunked.
        var latents = NormalDraws.Draw(new Xoshiro256StarStar(seed), checked(labels.Length * LatentSize));
        var oneHot = OneHotLabels.Encode(labels, Classes);

        using var scope = torch.NewDisposeScope();
        var target = device.ToTorch();
        using var generator = new CGanGenerator(_architecture);
        FlatWeights.Set(generator, weights.AsSpan(0, GeneratorParameterCount));
        generator.to(target);
        using var noGrad = torch.no_grad();
        for (var start = 0; start < labels.Length; start += SamplingChunk)
        {
            var n = Math.Min(SamplingChunk, labels.Length - start);
            using var chunkScope = torch.NewDisposeScope();
            var z = torch.tensor(latents.AsSpan(start * LatentSize, n * LatentSize).ToArray(), [n, LatentSize]).to(target);
            var y = torch.tensor(oneHot.AsSpan(start * Classes, n * Classes).ToArray(), [n, Classes]).to(target);
            using var generated = generator.Generate(z, y).cpu().contiguous();
            using var accessor = generated.data<float>();
            accessor.CopyTo(images.AsSpan(start * pixels, n * pixels), 0, 0);
        }
        for (var i = 0; i < images.Length; i++)
            images[i] = Math.Clamp((images[i] + 1) / 2, 0f, 1f); // tanh's (−1, 1) → [0, 1]
        return images;
    }

    public override string ToString() => Name;
}
