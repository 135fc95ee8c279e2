using FgsActors.Models.Data;
using FgsActors.Models.Federated;
using FgsActors.Models.Generative;
using FgsActors.Models.Generative.Diffusion;

namespace FgsActors.Models.Tests.Generative.Diffusion;

/// <summary>A fast configuration for tests: C = 8, T = 50, five DDIM steps, on 28×28 synthetic images.</summary>
internal static class TinyDdpm
{
    public static ConditionalDdpmOptions Options { get; } = new() { DiffusionSteps = 50, SamplingSteps = 5, BaseChannels = 8 };

    public static ConditionalDdpm Model { get; } = new(Options);

    /// <summary>96 synthetic 28×28 images of 10 classes (pixels in [0, 1]).</summary>
    public static ImageBatchSource Data { get; } = new(SyntheticImages.Generate(96, seed: 1));

    public static GenerativeHyperparameters Settings(int steps, int batch = 16, double learningRate = 2e-3) =>
        new(steps, batch, learningRate, learningRate, Beta1: 0.9, Beta2: 0.999);

    public static GenerativeJob Job(float[] weights, int[] indices, GenerativeHyperparameters settings, ulong seed) =>
        new(weights, Data, indices, settings, seed);

    public static int[] Range(int start, int count) => Enumerable.Range(start, count).ToArray();

    public static uint[] Bits(float[] values) => values.Select(BitConverter.SingleToUInt32Bits).ToArray();
}
