using System.Globalization;
using FgsActors.Cli.Tests.Support;

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

    [Fact]
    public void Cuda_is_refused_with_a_clear_message()
    {
        using var temp = new TempDir();
        var result = Fgs.Run(["run", Scenario, "--out", temp.At("out"), "--quiet", "--set", "fgs.training.device=cuda", .. Synthetic.SelectMany(s => new[] { "--set", s })]);
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("fgs.training.device", result.Err, StringComparison.Ordinal);
        Assert.Contains("not implemented", result.Err, StringComparison.Ordinal);
    }
}
