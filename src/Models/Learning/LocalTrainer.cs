using FgsActors.Models.Randomness;
using TorchSharp;
using static TorchSharp.torch;

namespace FgsActors.Models.Learning;

/// <summary>
/// Runs one client's local training (<see cref="TrainingJob"/>): mini-batch SGD with momentum and weight decay
/// (the update of <c>torch.optim.SGD</c>, reimplemented in <see cref="MomentumSgd"/> because TorchSharp 0.107's
/// optimiser can crash under concurrent garbage collection) on the cross-entropy loss, plus FedProx's
/// (μ/2)·‖w − w_global‖² when μ &gt; 0 (its gradient μ·(w − w_global) is added after the backward pass).
/// <para>
/// Deterministic: each job builds its own module and optimiser, shuffles with its own xoshiro256** stream seeded by
/// <see cref="TrainingJob.Seed"/> (never torch's global generator), and computes on the calling thread with one
/// intra-op thread (<see cref="TorchRuntime"/>), so the same job gives a bit-identical delta, alone or with other
/// jobs running concurrently on other threads. Native memory is released when the call returns (dispose scopes).
/// </para>
/// <para>
/// Each epoch visits every index once in a fresh random order, in batches of B; the last batch of an epoch holds the
/// remainder (PyTorch's <c>drop_last = False</c>). Thread-safe: any number of calls may run at once.
/// </para>
/// <para>
/// Device (<see cref="TrainingJob.Device"/>): the module is built and loaded on the CPU, then moved to the device; each
/// batch is built on the CPU from the staging arrays and copied to the device; gradients, momentum buffers and anchors
/// are created from device tensors and so stay there; the final weights are copied back into a CPU float[] for the
/// delta. On the CPU every move is a no-op, so CPU results are those of a CPU-only trainer. On CUDA the result is not
/// promised to be bit-identical to the CPU's, nor from run to run (GPU kernels may sum in varying order), and that path
/// has not been run here: no GPU on the development or CI machines (docs/training.md).
/// </para>
/// </summary>
public static class LocalTrainer
{
    public static TrainingResult Train(TrainingJob job, CancellationToken cancellationToken = default)
    {
        Validate(job);
        TorchRuntime.PrepareCurrentThread(job.Device);

        var network = job.Network;
        var hp = job.Hyperparameters;
        var input = network.Input;
        var sampleLength = input.Elements;
        var order = (int[])job.SampleIndices.Clone();
        var rng = new Xoshiro256StarStar(job.Seed);
        var fullBatch = Math.Min(hp.BatchSize, order.Length);
        var tail = order.Length % fullBatch;
        var batch = new BatchBuffers(fullBatch, sampleLength);
        var tailBatch = tail > 0 ? new BatchBuffers(tail, sampleLength) : null;

        using var scope = torch.NewDisposeScope();
        var device = job.Device.ToTorch();
        using var model = network.Build();
        FlatWeights.Set(model, job.GlobalWeights);
        // Moving replaces the parameter tensors: take them (for the optimiser and the anchors) only afterwards.
        model.to(device);
        model.train();
        var parameters = model.parameters().ToArray();
        Tensor[]? anchors = hp.ProximalMu > 0 ? parameters.Select(p => p.detach().clone()).ToArray() : null;
        using var optimizer = new MomentumSgd(parameters, hp.LearningRate, hp.Momentum, hp.WeightDecay);

        double lossSum = 0;
        long passes = 0;
        for (var epoch = 0; epoch < hp.LocalEpochs; epoch++)
        {
            rng.Shuffle(order.AsSpan());
            for (var start = 0; start < order.Length; start += fullBatch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var n = Math.Min(fullBatch, order.Length - start);
                var buffers = n == fullBatch ? batch : tailBatch!;
                job.Data.CopyBatch(order.AsSpan(start, n), buffers.Pixels, buffers.Labels);

                using var stepScope = torch.NewDisposeScope();
                // Built on the CPU (torch.tensor copies the staging arrays), then copied to the device; on the CPU .to is a no-op.
                var x = torch.tensor(buffers.Pixels, [n, input.Channels, input.Height, input.Width]).to(device);
                var y = torch.tensor(buffers.Labels, [n]).to(device);
                optimizer.ZeroGrad();
                var loss = nn.functional.cross_entropy(model.forward(x), y);
                loss.backward();
                if (anchors is not null)
                    ProximalTerm.AddGradient(parameters, anchors, hp.ProximalMu);
                optimizer.Step();
                lossSum += (double)loss.item<float>() * n;
                passes += n;
            }
        }

        var delta = FlatWeights.Get(model); // copies from the device to the CPU
        var global = job.GlobalWeights;
        for (var i = 0; i < delta.Length; i++)
            delta[i] -= global[i];
        return new TrainingResult(delta, order.Length, lossSum / passes);
    }

    private static void Validate(TrainingJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(job.Network, nameof(job.Network));
        ArgumentNullException.ThrowIfNull(job.GlobalWeights, nameof(job.GlobalWeights));
        ArgumentNullException.ThrowIfNull(job.Data, nameof(job.Data));
        ArgumentNullException.ThrowIfNull(job.SampleIndices, nameof(job.SampleIndices));
        ArgumentNullException.ThrowIfNull(job.Hyperparameters, nameof(job.Hyperparameters));
        if (job.GlobalWeights.Length != job.Network.ParameterCount)
            throw new ArgumentException(
                $"global weights hold {job.GlobalWeights.Length} floats, {job.Network.Name} has {job.Network.ParameterCount} parameters", nameof(job));
        job.Data.RequireShape(job.Network, nameof(job));
        if (job.SampleIndices.Length == 0)
            throw new ArgumentException("a training job needs at least one sample index", nameof(job));
        var count = job.Data.Count;
        foreach (var index in job.SampleIndices)
        {
            if ((uint)index >= (uint)count)
                throw new ArgumentException($"sample index {index} is outside the data set [0, {count})", nameof(job));
        }
    }

    /// <summary>Managed staging arrays for one batch size, reused across the job's batches.</summary>
    private sealed class BatchBuffers(int samples, int sampleLength)
    {
        public float[] Pixels { get; } = new float[samples * sampleLength];

        public long[] Labels { get; } = new long[samples];
    }
}
