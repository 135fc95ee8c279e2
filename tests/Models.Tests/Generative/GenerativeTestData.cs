using FgsActors.Models.Federated;
using FgsActors.Models.Generative;
using FgsActors.Models.Learning;

namespace FgsActors.Models.Tests.Generative;

/// <summary>Shared inputs of the generative-model tests: a small synthetic 28×28 ten-class set and job builders.</summary>
internal static class GenerativeTestData
{
    /// <summary>240 synthetic images (<see cref="FgsActors.Models.Data.SyntheticImages"/>), 24 per class.</summary>
    public static ImageBatchSource Images { get; } = new(FgsActors.Models.Data.SyntheticImages.Generate(240, seed: 1));

    public static int[] Range(int start, int count) => Enumerable.Range(start, count).ToArray();

    public static GenerativeJob Job(IGenerativeModel model, float[] weights, int[] indices, ulong seed, int steps = 3, int batch = 8,
        double learningRate = 1e-3, double discriminatorLearningRate = 1e-3, double beta1 = 0.5) =>
        new(weights, Images, indices, new GenerativeHyperparameters(steps, batch, learningRate, discriminatorLearningRate, beta1), seed);

    public static byte[] Bits(float[] values)
    {
        var bytes = new byte[values.Length * sizeof(float)];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        return bytes;
    }

    public static float[] Add(float[] weights, float[] delta) => weights.Zip(delta, (w, d) => w + d).ToArray();
}
