using System.Globalization;
using FgsActors.Cli.Hosting;
using FgsActors.Cli.Tests.Support;
using FgsActors.Models.Learning;
using FgsActors.Simulation.Configuration;

namespace FgsActors.Cli.Tests.Training;

/// <summary>
/// Real federated training through <c>fgs run</c> at small scale: 5 clients, 3 rounds, on the synthetic image set and on
/// real Fashion-MNIST (a seeded subset, so CI stays fast). The scenario is fmnist-iid with fewer devices and rounds.
/// </summary>
public sealed class RealTrainingRuns
{
    private static readonly string[] Small =
    [
        "fgs.fleet.devices=5", "fgs.aggregator.clients-per-round=5", "fgs.aggregator.max-rounds=3",
    ];

    private static readonly string[] Synthetic =
    [
        .. Small, "fgs.data.dataset=synthetic", "fgs.data.synthetic-train-samples=3000", "fgs.data.synthetic-test-samples=600",
        "fgs.training.network=mlp", "fgs.training.learning-rate=0.05",
    ];

    private static string Scenario => Repo.PathOf("config/scenarios/fmnist-iid.conf");

    private static double[] Accuracies(string outDir) => File.ReadAllLines(Path.Combine(outDir, "rounds.csv"))
        .Skip(1)
        .Select(line => double.Parse(line.Split(',')[17], CultureInfo.InvariantCulture))
        .ToArray();

    private static string Run(TempDir temp, params string[] sets)
    {
        var outDir = temp.At("run-" + Guid.NewGuid().ToString("N")[..8]);
        Fgs.RunOk(["run", Scenario, "--out", outDir, "--quiet", .. sets.SelectMany(s => new[] { "--set", s })]);
        return outDir;
    }

    [Fact]
    public void Synthetic_data_five_clients_three_rounds_learns_and_writes_every_output()
    {
        using var temp = new TempDir();
        var outDir = Run(temp, Synthetic);

        var header = File.ReadLines(Path.Combine(outDir, "rounds.csv")).First().Split(',');
        Assert.Equal(["test_accuracy", "test_loss"], header[^2..]);
        var accuracy = Accuracies(outDir);
        Assert.Equal(3, accuracy.Length);
        Assert.True(accuracy[^1] > 0.5, $"after 3 rounds the MLP should separate the synthetic classes: {string.Join(", ", accuracy)}");

        var partition = File.ReadAllLines(Path.Combine(outDir, "partition.csv"));
        Assert.Equal("client,class_0,class_1,class_2,class_3,class_4,class_5,class_6,class_7,class_8,class_9,total", partition[0]);
        Assert.Equal(5 + 1, partition.Length);
        Assert.Equal(3000, partition.Skip(1).Sum(line => int.Parse(line.Split(',')[^1], CultureInfo.InvariantCulture)));

        var summary = Summary.Read(outDir);
        Assert.Equal(accuracy[^1], summary.GetProperty("final_accuracy").GetDouble());
        Assert.Equal(accuracy.Max(), summary.GetProperty("best_accuracy").GetDouble());
    }

    [Fact]
    [Trait("Category", "Data")]
    public void Real_fashion_mnist_five_clients_three_rounds_learns()
    {
        using var temp = new TempDir();
        // 1,000 images per client; 2 local epochs at learning rate 0.05 so that 3 rounds (96 SGD steps) get somewhere.
        var outDir = Run(temp, [.. Small, "fgs.data.train-samples=5000", "fgs.data.test-samples=2000",
            "fgs.training.learning-rate=0.05", "fgs.training.local-epochs=2"]);
        var accuracy = Accuracies(outDir);
        Assert.Equal(3, accuracy.Length);
        // LeNet-5 from scratch: well above chance (0.1) after 3 rounds (0.64 here), far from converged.
        Assert.True(accuracy[^1] > 0.5, $"accuracy after 3 rounds: {string.Join(", ", accuracy)}");
    }

    [Fact]
    public void Result_hash_does_not_depend_on_trainer_workers_or_partitions()
    {
        using var temp = new TempDir();
        var hashes = new List<string>();
        foreach (var (workers, partitions) in new[] { (1, 1), (2, 1), (1, 4), (2, 4) })
        {
            var summary = Summary.RunAndRead(temp, Scenario, [.. Synthetic, $"fgs.training.workers={workers}", $"fgs.kernel.partitions={partitions}"]);
            hashes.Add(summary.GetProperty("result_hash").GetString()!);
        }
        Assert.Single(hashes.Distinct());
    }

    [Fact]
    public void Missing_fashion_mnist_names_the_package_and_the_key_and_writes_nothing()
    {
        using var temp = new TempDir();
        var outDir = temp.At("out");
        var result = Fgs.Run("run", Scenario, "--out", outDir, "--quiet", "--set", $"fgs.data.fashion-mnist-dir={temp.At("nowhere")}");
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("apt-get install dataset-fashion-mnist", result.Err, StringComparison.Ordinal);
        Assert.Contains("fgs.data.fashion-mnist-dir", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    [Theory]
    [InlineData("cuda", "cuda")]
    [InlineData("\"cuda:1\"", "cuda:1")] // HOCON needs the quotes around a ':'
    public void Cuda_is_refused_with_a_clear_message(string setting, string device)
    {
        // This build carries libtorch's CPU backend (and CI has no GPU), so torch.cuda.is_available() is false.
        Assert.False(TorchCudaInventory.Instance.IsAvailable(), "this test expects a CPU build of libtorch");
        using var temp = new TempDir();
        var result = Fgs.Run(["run", Scenario, "--out", temp.At("out"), "--quiet", "--set", $"fgs.training.device={setting}", .. Synthetic.SelectMany(s => new[] { "--set", s })]);
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains($"config key 'fgs.training.device': {device} was requested", result.Err, StringComparison.Ordinal);
        Assert.Contains("no CUDA device is available to this build", result.Err, StringComparison.Ordinal);
        Assert.Contains("-p:TorchBackend=cuda", result.Err, StringComparison.Ordinal);
        Assert.Contains("docs/torchsharp-native.md", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Cpu_and_auto_give_the_same_result_without_cuda()
    {
        Assert.False(TorchCudaInventory.Instance.IsAvailable(), "this test expects a CPU build of libtorch");
        using var temp = new TempDir();
        var hashes = new[] { "cpu", "auto" }
            .Select(device => Summary.RunAndRead(temp, Scenario, [.. Synthetic, $"fgs.training.device={device}"]).GetProperty("result_hash").GetString())
            .ToArray();
        Assert.Single(hashes.Distinct());
    }

    private sealed class FakeCuda(bool available, int count) : ICudaInventory
    {
        public bool IsAvailable() => available;

        public int DeviceCount() => count;
    }

    [Theory]
    [InlineData("auto", false, 0, "cpu")]
    [InlineData("auto", true, 2, "cuda:0")]
    [InlineData("cpu", true, 2, "cpu")]
    [InlineData("cuda", true, 1, "cuda:0")]
    [InlineData("cuda:1", true, 2, "cuda:1")]
    public void The_configured_device_resolves_against_the_gpus_libtorch_sees(string setting, bool available, int count, string expected)
    {
        var requested = TrainingDevice.TryParse(setting)!;
        Assert.Equal(expected, LearningSetup.ResolveDevice(requested, new FakeCuda(available, count)).ToString());
    }

    [Fact]
    public void A_missing_gpu_is_a_config_error_on_fgs_training_device()
    {
        var e = Assert.Throws<ConfigException>(() => LearningSetup.ResolveDevice(TrainingDevice.TryParse("cuda:2")!, new FakeCuda(true, 2)));
        Assert.Equal("fgs.training.device", e.Key);
        Assert.Equal("cuda:2", e.Found);
        Assert.Equal("auto, cpu, cuda or cuda:0 to cuda:1", e.Expected);
        Assert.StartsWith("config key 'fgs.training.device': cuda:2 was requested, but libtorch sees 2 CUDA devices", e.Message, StringComparison.Ordinal);

        e = Assert.Throws<ConfigException>(() => LearningSetup.ResolveDevice(TrainingDevice.TryParse("cuda")!, new FakeCuda(false, 0)));
        Assert.Equal("cuda", e.Found);
        Assert.Equal("auto or cpu (no CUDA device is available)", e.Expected);
    }
}
