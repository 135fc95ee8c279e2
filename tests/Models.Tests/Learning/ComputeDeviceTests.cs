using FgsActors.Models.Learning;
using FgsActors.Models.Torch;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace FgsActors.Models.Tests.Learning;

/// <summary>
/// Device resolution (with a stand-in for libtorch's CUDA queries, since no GPU is at hand) and the CPU path of the
/// device-agnostic trainer and evaluator. The CUDA path itself cannot run here.
/// </summary>
public sealed class ComputeDeviceTests
{
    private sealed class FakeCuda(bool available, int count) : ICudaInventory
    {
        public int Queries { get; private set; }

        public bool IsAvailable()
        {
            Queries++;
            return available;
        }

        public int DeviceCount()
        {
            Queries++;
            return count;
        }
    }

    private static readonly FakeCuda NoCuda = new(false, 0);

    [Fact]
    public void The_default_device_is_the_cpu_and_devices_spell_as_torchsharp_does()
    {
        Assert.Equal(ComputeDevice.Cpu, default);
        Assert.True(ComputeDevice.Cpu.IsCpu);
        Assert.Equal("cpu", ComputeDevice.Cpu.ToString());
        Assert.Equal("cuda:3", ComputeDevice.Cuda(3).ToString());
        Assert.Equal(ComputeDevice.Cuda(1), ComputeDevice.Cuda(1));
        Assert.NotEqual(ComputeDevice.Cuda(0), ComputeDevice.Cpu);
        Assert.Throws<ArgumentOutOfRangeException>(() => ComputeDevice.Cuda(-1));
    }

    [Fact]
    public void Torch_devices_are_built_without_touching_a_gpu()
    {
        TorchNative.EnsureLoaded();
        Assert.Equal(DeviceType.CPU, ComputeDevice.Cpu.ToTorch().type);
        var gpu = ComputeDevice.Cuda(2).ToTorch();
        Assert.Equal(DeviceType.CUDA, gpu.type);
        Assert.Equal(2, gpu.index);
    }

    [Theory]
    [InlineData(false, 0, "cpu")]
    [InlineData(true, 1, "cuda:0")]
    [InlineData(true, 4, "cuda:0")]
    public void Auto_takes_the_first_gpu_when_cuda_is_available_else_the_cpu(bool available, int count, string expected)
    {
        Assert.Equal(expected, DeviceResolution.Resolve(DevicePreference.Auto, null, new FakeCuda(available, count)).ToString());
    }

    [Fact]
    public void Cpu_is_the_cpu_without_asking_cuda()
    {
        var cuda = new FakeCuda(true, 2);
        Assert.Equal(ComputeDevice.Cpu, DeviceResolution.Resolve(DevicePreference.Cpu, null, cuda));
        Assert.Equal(0, cuda.Queries);
    }

    [Theory]
    [InlineData(null, 1, 0)]
    [InlineData(0, 1, 0)]
    [InlineData(1, 2, 1)]
    [InlineData(7, 8, 7)]
    public void Cuda_takes_the_named_gpu_when_it_exists(int? index, int count, int expected)
    {
        Assert.Equal(ComputeDevice.Cuda(expected), DeviceResolution.Resolve(DevicePreference.Cuda, index, new FakeCuda(true, count)));
    }

    [Theory]
    [InlineData(null, "cuda")]
    [InlineData(0, "cuda:0")]
    [InlineData(3, "cuda:3")]
    public void Cuda_without_cuda_says_so_and_how_to_get_it(int? index, string found)
    {
        var e = Assert.Throws<DeviceUnavailableException>(() => DeviceResolution.Resolve(DevicePreference.Cuda, index, NoCuda));
        Assert.Equal(found, e.Found);
        Assert.Equal("auto or cpu (no CUDA device is available)", e.Expected);
        Assert.StartsWith(found + " was requested", e.Message, StringComparison.Ordinal);
        Assert.Contains("no CUDA device is available to this build", e.Message, StringComparison.Ordinal);
        Assert.Contains("-p:TorchBackend=cuda", e.Message, StringComparison.Ordinal);
        Assert.Contains("docs/torchsharp-native.md", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 1, "cuda:0", "libtorch sees 1 CUDA device (cuda:0)")]
    [InlineData(2, 2, "cuda:0 to cuda:1", "libtorch sees 2 CUDA devices (cuda:0 to cuda:1)")]
    [InlineData(9, 4, "cuda:0 to cuda:3", "libtorch sees 4 CUDA devices (cuda:0 to cuda:3)")]
    public void A_gpu_index_beyond_the_count_names_what_exists(int index, int count, string valid, string seen)
    {
        var e = Assert.Throws<DeviceUnavailableException>(() => DeviceResolution.Resolve(DevicePreference.Cuda, index, new FakeCuda(true, count)));
        Assert.Equal($"cuda:{index}", e.Found);
        Assert.Equal($"auto, cpu, cuda or {valid}", e.Expected);
        Assert.Contains(seen, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_cuda_takes_an_index()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DeviceResolution.Resolve(DevicePreference.Cpu, 0, NoCuda));
        Assert.Throws<ArgumentOutOfRangeException>(() => DeviceResolution.Resolve(DevicePreference.Auto, 1, NoCuda));
        Assert.Throws<ArgumentOutOfRangeException>(() => DeviceResolution.Resolve(DevicePreference.Cuda, -1, NoCuda));
        Assert.Throws<ArgumentNullException>(() => DeviceResolution.Resolve(DevicePreference.Cpu, null, null!));
        Assert.Equal("cuda:2", DeviceResolution.Spelling(DevicePreference.Cuda, 2));
        Assert.Equal("auto", DeviceResolution.Spelling(DevicePreference.Auto, null));
    }

    [Fact]
    public void Libtorchs_own_answer_is_consistent_with_resolution()
    {
        // A CPU build (what CI has) reports no CUDA: auto is the CPU and cuda is refused. A CUDA build on a GPU
        // machine would resolve auto to cuda:0 instead.
        var cuda = TorchCudaInventory.Instance;
        if (cuda.IsAvailable())
        {
            Assert.True(cuda.DeviceCount() >= 1);
            Assert.Equal(ComputeDevice.Cuda(0), DeviceResolution.Resolve(DevicePreference.Auto, null, cuda));
        }
        else
        {
            Assert.Equal(ComputeDevice.Cpu, DeviceResolution.Resolve(DevicePreference.Auto, null, cuda));
            Assert.Throws<DeviceUnavailableException>(() => DeviceResolution.Resolve(DevicePreference.Cuda, null, cuda));
        }
    }

    [Fact]
    public void A_cpu_job_matches_a_cpu_only_reference_loop_bit_for_bit()
    {
        // The reference is the trainer as it was before devices existed: no module or batch moves at all. The
        // device-agnostic trainer on the CPU must give the same bits (every move is a no-op there).
        var train = SyntheticImages.TwoBars(120, seed: 21);
        foreach (var network in new[] { NetworkCatalog.Get(NetworkKind.LeNet5), NetworkCatalog.Get(NetworkKind.Mlp) })
        {
            var job = new TrainingJob(network, network.InitialWeights(5), train, Enumerable.Range(0, 100).ToArray(),
                new TrainingHyperparameters(2, batchSize: 16, learningRate: 0.05, momentum: 0.9, weightDecay: 1e-4, proximalMu: 0.1),
                Seed: 17, Device: ComputeDevice.Cpu);

            var (referenceDelta, referenceLoss) = ReferenceTrain(job);
            var result = LocalTrainer.Train(job);

            Assert.Equal(Bits(referenceDelta), Bits(result.Delta));
            Assert.Equal(referenceLoss, result.MeanLoss);
            Assert.Equal(Bits(result.Delta), Bits(LocalTrainer.Train(job with { Device = default }).Delta));
        }
    }

    [Fact]
    public void Evaluation_on_the_cpu_device_matches_the_default()
    {
        var test = SyntheticImages.TwoBars(50, seed: 22);
        var network = NetworkCatalog.Get(NetworkKind.LeNet5);
        var weights = network.InitialWeights(8);
        Assert.Equal(Evaluator.Evaluate(weights, network, test, batchSize: 16),
            Evaluator.Evaluate(weights, network, test, batchSize: 16, device: ComputeDevice.Cpu));
    }

    [Fact]
    public void Flat_weights_read_back_after_a_move()
    {
        TorchNative.EnsureLoaded();
        var network = NetworkCatalog.Get(NetworkKind.Mlp);
        var weights = network.InitialWeights(3);
        using var module = network.Build();
        FlatWeights.Set(module, weights);
        module.to(ComputeDevice.Cpu.ToTorch());
        Assert.Equal(weights, FlatWeights.Get(module));
    }

    private static (float[] Delta, double MeanLoss) ReferenceTrain(TrainingJob job)
    {
        TorchRuntime.PrepareCurrentThread();
        var hp = job.Hyperparameters;
        var input = job.Network.Input;
        var order = (int[])job.SampleIndices.Clone();
        var rng = new FgsActors.Models.Randomness.Xoshiro256StarStar(job.Seed);
        var full = Math.Min(hp.BatchSize, order.Length);

        using var scope = torch.NewDisposeScope();
        using var model = job.Network.Build();
        FlatWeights.Set(model, job.GlobalWeights);
        model.train();
        var parameters = model.parameters().ToArray();
        Tensor[]? anchors = hp.ProximalMu > 0 ? parameters.Select(p => p.detach().clone()).ToArray() : null;
        using var optimizer = new MomentumSgd(parameters, hp.LearningRate, hp.Momentum, hp.WeightDecay);
        double lossSum = 0;
        long passes = 0;
        for (var epoch = 0; epoch < hp.LocalEpochs; epoch++)
        {
            rng.Shuffle(order.AsSpan());
            for (var start = 0; start < order.Length; start += full)
            {
                var n = Math.Min(full, order.Length - start);
                var pixels = new float[n * input.Elements];
                var labels = new long[n];
                job.Data.CopyBatch(order.AsSpan(start, n), pixels, labels);
                using var stepScope = torch.NewDisposeScope();
                var x = torch.tensor(pixels, [n, input.Channels, input.Height, input.Width]);
                var y = torch.tensor(labels, [n]);
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
        var delta = FlatWeights.Get(model);
        for (var i = 0; i < delta.Length; i++)
            delta[i] -= job.GlobalWeights[i];
        return (delta, lossSum / passes);
    }

    private static byte[] Bits(float[] values)
    {
        var bytes = new byte[values.Length * sizeof(float)];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        return bytes;
    }
}
