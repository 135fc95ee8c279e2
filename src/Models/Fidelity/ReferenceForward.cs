using FgsActors.Models.Learning;
using TorchSharp;
using static TorchSharp.torch;

namespace FgsActors.Models.Fidelity;

/// <summary>
/// The batched forward pass of a reference classifier, split at its last layer: the network minus its classifier
/// layer (the "trunk") gives the feature vectors, the classifier layer (the "head") turns them into logits, and the
/// softmax is taken here in double precision.
/// <para>
/// Each call builds its own two modules on the calling thread (a few milliseconds for LeNet-5), loads the weights
/// (trunk weights first: <see cref="FlatWeights"/> order is layer order) and runs without gradients under one dispose
/// scope per call and one per batch, with <see cref="TorchRuntime.IntraOpThreads"/> intra-op threads (1 by
/// default). Nothing is shared between calls, so calls may run concurrently on any threads (e.g. the trainer pool),
/// and the same images in the same order give bit-identical outputs.
/// </para>
/// </summary>
internal static class ReferenceForward
{
    /// <summary>Images per forward batch.</summary>
    public const int BatchSize = 256;

    /// <summary>Writes images [start, start + n) of the input, normalised, N×C×H×W, into the destination.</summary>
    public delegate void BatchFiller(int start, int n, Span<float> destination);

    public static ReferenceOutputs Run(ReferenceRecipe recipe, float[] weights, int count, BatchFiller fill, CancellationToken cancellationToken)
    {
        TorchRuntime.PrepareCurrentThread();
        var network = recipe.Network;
        var input = network.Input;
        var sampleLength = input.Elements;
        var d = recipe.FeatureDimension;
        var k = network.Classes;
        var features = new float[count][];
        var probabilities = new double[count][];
        if (count == 0) return new ReferenceOutputs(features, probabilities);

        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var layers = network.Layers;
        using var trunk = nn.Sequential(layers.Take(layers.Count - 1).Select(l => (l.Name, l.Layer.Build())).ToArray());
        using var head = layers[^1].Layer.Build();
        var trunkWeights = FlatWeights.Count(trunk);
        FlatWeights.Set(trunk, weights.AsSpan(0, trunkWeights));
        FlatWeights.Set(head, weights.AsSpan(trunkWeights));
        trunk.eval();
        head.eval();

        var full = Math.Min(BatchSize, count);
        var pixels = new float[full * sampleLength];
        for (var start = 0; start < count; start += full)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var n = Math.Min(full, count - start);
            if (n != full) pixels = new float[n * sampleLength];
            fill(start, n, pixels);

            using var stepScope = torch.NewDisposeScope();
            var x = torch.tensor(pixels, [n, input.Channels, input.Height, input.Width]);
            var f = trunk.forward(x);
            var logits = head.forward(f);
            var featureValues = f.contiguous().data<float>().ToArray();
            var logitValues = logits.contiguous().data<float>().ToArray();
            for (var i = 0; i < n; i++)
            {
                features[start + i] = featureValues.AsSpan(i * d, d).ToArray();
                probabilities[start + i] = Softmax(logitValues.AsSpan(i * k, k));
            }
        }
        return new ReferenceOutputs(features, probabilities);
    }

    /// <summary>exp(z − max z) / Σ exp(z − max z), in double.</summary>
    internal static double[] Softmax(ReadOnlySpan<float> logits)
    {
        var max = double.NegativeInfinity;
        foreach (var z in logits) max = Math.Max(max, z);
        var result = new double[logits.Length];
        var sum = 0.0;
        for (var c = 0; c < logits.Length; c++)
        {
            result[c] = Math.Exp(logits[c] - max);
            sum += result[c];
        }
        for (var c = 0; c < result.Length; c++) result[c] /= sum;
        return result;
    }
}
