using System.Collections.Concurrent;
using FgsActors.Models.Generative;
using FgsActors.Models.Learning;
using FgsActors.Models.Randomness;

namespace FgsActors.Models.Tests.Federated;

/// <summary>
/// A stand-in generator with three weights and no TorchSharp, so the federated tasks can be tested by hand: its
/// update is a function of the job (<see cref="DeltaOf"/>), and each sampled image is its label / 10 everywhere but
/// the last pixel, which holds a draw from the call's seed (the "latent noise"). Records every call.
/// </summary>
internal sealed class FakeGenerator(FeatureShape image, int classes) : IGenerativeModel
{
    public const int Weights = 3;

    public ConcurrentQueue<GenerativeJob> Jobs { get; } = new();

    public ConcurrentQueue<(float[] Weights, int[] Labels, ulong Seed)> SampleCalls { get; } = new();

    public GenerativeKind Kind => GenerativeKind.CVae;
    public string Name => "fake";
    public FeatureShape Image { get; } = image;
    public int Classes { get; } = classes;
    public int ParameterCount => Weights;

    public GenerativeProfile Profile { get; } = new(Weights, TrainingFlopsPerSample: 1_000, ActivationBytesPerSample: 64,
        OptimizerStateCopies: 2, SamplingFlopsPerSample: 250);

    public float[] InitialWeights(ulong seed) => [seed % 100, 0.5f, -1f];

    /// <summary>The update a job gets: [its sample count, its first index, its seed mod 1000].</summary>
    public static float[] DeltaOf(GenerativeJob job) => [job.SampleIndices.Length, job.SampleIndices[0], job.Seed % 1000];

    public GenerativeResult Train(GenerativeJob job, CancellationToken cancellationToken = default)
    {
        Jobs.Enqueue(job);
        var h = job.Hyperparameters;
        return new GenerativeResult(DeltaOf(job), job.SampleIndices.Length, 0.5, (long)h.LocalSteps * h.BatchSize);
    }

    public float[] Sample(float[] weights, ReadOnlySpan<int> labels, ulong seed, ComputeDevice device = default)
    {
        SampleCalls.Enqueue(((float[])weights.Clone(), labels.ToArray(), seed));
        var size = Image.Elements;
        var noise = new Xoshiro256StarStar(seed);
        var images = new float[labels.Length * size];
        for (var j = 0; j < labels.Length; j++)
        {
            images.AsSpan(j * size, size).Fill(labels[j] / 10f);
            images[(j + 1) * size - 1] = (float)noise.NextDouble();
        }
        return images;
    }
}
