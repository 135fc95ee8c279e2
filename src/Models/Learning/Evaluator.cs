using TorchSharp;
using static TorchSharp.torch;

namespace FgsActors.Models.Learning;

/// <summary>
/// Accuracy and mean cross-entropy of flat weights on a data set, in index order, without gradients. Deterministic and
/// thread-safe in the same way as <see cref="LocalTrainer"/>, and device-agnostic in the same way: the module is moved
/// to the given device (the CPU by default), batches are staged on the CPU and copied over, and only the loss and the
/// count of correct answers come back.
/// </summary>
public static class Evaluator
{
    /// <summary>Evaluates the default network of <paramref name="kind"/> (<see cref="NetworkCatalog.Get"/>) on every sample of <paramref name="test"/>.</summary>
    public static EvaluationResult Evaluate(float[] weights, NetworkKind kind, IBatchSource test, int batchSize) =>
        Evaluate(weights, NetworkCatalog.Get(kind), test, batchSize);

    /// <summary>
    /// Evaluates <paramref name="network"/> with <paramref name="weights"/> on the samples named by
    /// <paramref name="sampleIndices"/> (all of <paramref name="test"/> when null), <paramref name="batchSize"/> at a time,
    /// on <paramref name="device"/> (the CPU by default).
    /// </summary>
    public static EvaluationResult Evaluate(float[] weights, NetworkSpec network, IBatchSource test, int batchSize,
        int[]? sampleIndices = null, ComputeDevice device = default, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(test);
        if (batchSize < 1)
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batch size must be ≥ 1");
        if (weights.Length != network.ParameterCount)
            throw new ArgumentException($"weights hold {weights.Length} floats, {network.Name} has {network.ParameterCount} parameters", nameof(weights));
        test.RequireShape(network, nameof(test));
        var indices = sampleIndices ?? Enumerable.Range(0, test.Count).ToArray();
        if (indices.Length == 0)
            throw new ArgumentException("nothing to evaluate: no samples", nameof(test));
        foreach (var index in indices)
        {
            if ((uint)index >= (uint)test.Count)
                throw new ArgumentException($"sample index {index} is outside the data set [0, {test.Count})", nameof(sampleIndices));
        }

        TorchRuntime.PrepareCurrentThread(device);
        var input = network.Input;
        var sampleLength = input.Elements;
        var full = Math.Min(batchSize, indices.Length);
        var pixels = new float[full * sampleLength];
        var labels = new long[full];

        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var torchDevice = device.ToTorch();
        using var model = network.Build();
        FlatWeights.Set(model, weights);
        model.to(torchDevice);
        model.eval();

        double lossSum = 0;
        long correct = 0;
        for (var start = 0; start < indices.Length; start += full)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var n = Math.Min(full, indices.Length - start);
            if (n != full)
            {
                pixels = new float[n * sampleLength];
                labels = new long[n];
            }
            test.CopyBatch(indices.AsSpan(start, n), pixels, labels);

            using var stepScope = torch.NewDisposeScope();
            var x = torch.tensor(pixels, [n, input.Channels, input.Height, input.Width]).to(torchDevice);
            var y = torch.tensor(labels, [n]).to(torchDevice);
            var logits = model.forward(x);
            lossSum += nn.functional.cross_entropy(logits, y, reduction: nn.Reduction.Sum).item<float>();
            correct += logits.argmax(1).eq(y).sum().item<long>();
        }
        return new EvaluationResult((double)correct / indices.Length, lossSum / indices.Length, indices.Length);
    }
}
