using System.Text.RegularExpressions;
using FgsActors.Simulation.Configuration;

namespace FgsActors.Simulation.Tests.Configuration;

/// <summary>The sections of real federated training: <c>fgs.training</c> and <c>fgs.data</c>.</summary>
public class TrainingDataSectionsTests
{
    private const string FashionMnistDir = "/usr/share/datasets/fashion-mnist";

    [Fact]
    public void TheDefaultsBindToTheDocumentedValues()
    {
        var settings = FgsSettings.Bind(Trees.WithDefaults(), 4);

        Assert.Equal(
            new TrainingConfig(
                Enabled: false,
                TrainingNetwork.LeNet5,
                MlpHidden: 200,
                TrainingAlgorithm.FedAvg,
                ProximalMu: 0.01,
                ServerMomentum: 0.9,
                ServerLearningRate: 1.0,
                LocalEpochs: 1,
                BatchSize: 64,
                LearningRate: 0.01,
                Momentum: 0.9,
                new TrainingDevice(TrainingDeviceKind.Auto),
                Workers: null,
                IntraOpThreads: 1,
                EvalEvery: 1,
                EvalBatchSize: 1000,
                TargetAccuracy: 0.85),
            settings.Training);
        Assert.Equal(
            new DataConfig(
                DatasetKind.FashionMnist,
                FashionMnistDir,
                TrainSamples: null,
                TestSamples: null,
                SyntheticTrainSamples: 6000,
                SyntheticTestSamples: 1000,
                PartitionScheme.Dirichlet,
                DirichletAlpha: 0.5,
                ShardClasses: 2,
                QuantityBeta: 0.5,
                MinSamplesPerClient: 10),
            settings.Data);
    }

    [Fact]
    public void EveryWordAndNumberIsReadIntoItsField()
    {
        var settings = FgsSettings.Bind(Trees.WithDefaults(
            ("fgs.training.enabled", "on"),
            ("fgs.training.network", "MLP"),
            ("fgs.training.mlp-hidden", "64"),
            ("fgs.training.algorithm", "fedavgm"),
            ("fgs.training.proximal-mu", "0"),
            ("fgs.training.server-momentum", "0"),
            ("fgs.training.server-learning-rate", "0.5"),
            ("fgs.training.local-epochs", "5"),
            ("fgs.training.batch-size", "32"),
            ("fgs.training.learning-rate", "0.1"),
            ("fgs.training.momentum", "0"),
            ("fgs.training.device", "cuda:1"),
            ("fgs.training.workers", "3"),
            ("fgs.training.intra-op-threads", "2"),
            ("fgs.training.eval-every", "5"),
            ("fgs.training.eval-batch-size", "250"),
            ("fgs.training.target-accuracy", "1"),
            ("fgs.data.dataset", "synthetic"),
            ("fgs.data.train-samples", "5000"),
            ("fgs.data.test-samples", "0"),
            ("fgs.data.synthetic-train-samples", "600"),
            ("fgs.data.synthetic-test-samples", "100"),
            ("fgs.data.partition", "shards"),
            ("fgs.data.dirichlet-alpha", "100"),
            ("fgs.data.shard-classes", "10"),
            ("fgs.data.quantity-beta", "0.1"),
            ("fgs.data.min-samples-per-client", "0")), 4);

        Assert.Equal(
            new TrainingConfig(true, TrainingNetwork.Mlp, 64, TrainingAlgorithm.FedAvgM, 0, 0, 0.5, 5, 32, 0.1, 0,
                new TrainingDevice(TrainingDeviceKind.Cuda, 1), 3, 2, 5, 250, 1),
            settings.Training);
        Assert.Equal(
            new DataConfig(DatasetKind.Synthetic, FashionMnistDir, 5000, 0, 600, 100, PartitionScheme.Shards, 100, 10, 0.1, 0),
            settings.Data);
    }

    [Theory]
    [InlineData("fedavg", TrainingAlgorithm.FedAvg)]
    [InlineData("FedProx", TrainingAlgorithm.FedProx)]
    [InlineData("fedavgm", TrainingAlgorithm.FedAvgM)]
    public void EachAlgorithmHasItsWord(string word, TrainingAlgorithm algorithm)
    {
        Assert.Equal(algorithm, FgsSettings.Bind(Trees.WithDefaults(("fgs.training.algorithm", word)), 4).Training.Algorithm);
    }

    [Theory]
    [InlineData("iid", PartitionScheme.Iid)]
    [InlineData("dirichlet", PartitionScheme.Dirichlet)]
    [InlineData("shards", PartitionScheme.Shards)]
    [InlineData("Quantity", PartitionScheme.Quantity)]
    public void EachPartitionHasItsWord(string word, PartitionScheme scheme)
    {
        Assert.Equal(scheme, FgsSettings.Bind(Trees.WithDefaults(("fgs.data.partition", word)), 4).Data.Partition);
    }

    private const string Device = "one of auto, cpu, cuda or cuda:N (N an integer >= 0)";

    [Theory]
    [InlineData("fgs.training.enabled", "maybe", "true or false (yes/no and on/off also work)")]
    [InlineData("fgs.training.network", "resnet18", "one of lenet5, mlp")]
    [InlineData("fgs.training.mlp-hidden", "0", "an integer >= 1")]
    [InlineData("fgs.training.mlp-hidden", "12.5", "an integer >= 1")]
    [InlineData("fgs.training.algorithm", "scaffold", "one of fedavg, fedprox, fedavgm")]
    [InlineData("fgs.training.proximal-mu", "-0.01", "a number >= 0")]
    [InlineData("fgs.training.server-momentum", "1", "a number in [0, 1)")]
    [InlineData("fgs.training.server-momentum", "-0.1", "a number in [0, 1)")]
    [InlineData("fgs.training.server-learning-rate", "0", "a number > 0")]
    [InlineData("fgs.training.local-epochs", "0", "an integer >= 1")]
    [InlineData("fgs.training.local-epochs", "1.5", "an integer >= 1")]
    [InlineData("fgs.training.batch-size", "0", "an integer >= 1")]
    [InlineData("fgs.training.learning-rate", "0", "a number > 0")]
    [InlineData("fgs.training.learning-rate", "-0.01", "a number > 0")]
    [InlineData("fgs.training.learning-rate", "NaN", "a number > 0")]
    [InlineData("fgs.training.momentum", "1", "a number in [0, 1)")]
    [InlineData("fgs.training.device", "gpu", Device)]
    [InlineData("fgs.training.device", "cuda:", Device)]
    [InlineData("fgs.training.device", "cuda:-1", Device)]
    [InlineData("fgs.training.device", "cuda:+1", Device)]
    [InlineData("fgs.training.device", "cuda:1.5", Device)]
    [InlineData("fgs.training.device", "cuda:99999999999", Device)]
    [InlineData("fgs.training.device", "cpu:0", Device)]
    [InlineData("fgs.training.workers", "0", "an integer >= 1 or \"auto\"")]
    [InlineData("fgs.training.workers", "all", "an integer >= 1 or \"auto\"")]
    [InlineData("fgs.training.intra-op-threads", "0", "an integer >= 1")]
    [InlineData("fgs.training.intra-op-threads", "auto", "an integer >= 1")]
    [InlineData("fgs.training.eval-every", "0", "an integer >= 1")]
    [InlineData("fgs.training.eval-batch-size", "-1", "an integer >= 1")]
    [InlineData("fgs.training.target-accuracy", "0", "a number in (0, 1]")]
    [InlineData("fgs.training.target-accuracy", "85", "a number in (0, 1]")]
    [InlineData("fgs.data.dataset", "cifar10", "one of fashion-mnist, synthetic")]
    [InlineData("fgs.data.fashion-mnist-dir", "", "the directory of the Fashion-MNIST IDX files (required when fgs.data.dataset = fashion-mnist)")]
    [InlineData("fgs.data.train-samples", "-1", "an integer >= 0 or \"all\"")]
    [InlineData("fgs.data.train-samples", "half", "an integer >= 0 or \"all\"")]
    [InlineData("fgs.data.test-samples", "1e4", "an integer >= 0 or \"all\"")]
    [InlineData("fgs.data.synthetic-train-samples", "0", "an integer >= 1")]
    [InlineData("fgs.data.synthetic-test-samples", "all", "an integer >= 1")]
    [InlineData("fgs.data.partition", "label-skew", "one of iid, dirichlet, shards, quantity")]
    [InlineData("fgs.data.dirichlet-alpha", "0", "a number > 0")]
    [InlineData("fgs.data.dirichlet-alpha", "Infinity", "a number > 0")]
    [InlineData("fgs.data.shard-classes", "0", "an integer in [1, 10]")]
    [InlineData("fgs.data.shard-classes", "11", "an integer in [1, 10]")]
    [InlineData("fgs.data.quantity-beta", "-0.5", "a number > 0")]
    [InlineData("fgs.data.min-samples-per-client", "-1", "an integer >= 0")]
    public void EveryKeyIsValidated(string key, string value, string expected)
    {
        var error = Assert.Throws<ConfigException>(() => FgsSettings.Bind(Trees.WithDefaults((key, value)), 4));

        Assert.Equal(key, error.Key);
        Assert.Equal(expected, error.Expected);
        Assert.Equal("test.conf", error.Origin);
        Assert.Equal($"\"{value}\"", error.Found);
        Assert.Equal($"config key '{key}' in test.conf: expected {expected}, found \"{value}\"", error.Message);
    }

    [Fact]
    public void AMisspeltKeyGetsASuggestion()
    {
        var error = Assert.Throws<ConfigException>(() =>
            FgsSettings.Bind(Trees.WithDefaults(("fgs.training.learning-rte", "0.1")), 4));

        Assert.Equal("unknown config key 'fgs.training.learning-rte' in test.conf; did you mean 'fgs.training.learning-rate'?", error.Message);
    }

    [Theory]
    [InlineData("auto", TrainingDeviceKind.Auto, null, "auto")]
    [InlineData("cpu", TrainingDeviceKind.Cpu, null, "cpu")]
    [InlineData("CPU", TrainingDeviceKind.Cpu, null, "cpu")]
    [InlineData("cuda", TrainingDeviceKind.Cuda, null, "cuda")]
    [InlineData("cuda:0", TrainingDeviceKind.Cuda, 0, "cuda:0")]
    [InlineData(" Cuda:12 ", TrainingDeviceKind.Cuda, 12, "cuda:12")]
    [InlineData("cuda:007", TrainingDeviceKind.Cuda, 7, "cuda:7")]
    public void TheDeviceIsParsedIntoKindAndIndex(string text, TrainingDeviceKind kind, int? index, string spelling)
    {
        var device = FgsSettings.Bind(Trees.WithDefaults(("fgs.training.device", text)), 4).Training.Device;

        Assert.Equal(new TrainingDevice(kind, index), device);
        Assert.Equal(spelling, device.ToString());
        Assert.Equal(device, TrainingDevice.TryParse(device.ToString()));
    }

    [Fact]
    public void OnlyACudaDeviceTakesAnIndexAndNeverANegativeOne()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingDevice(TrainingDeviceKind.Cpu, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingDevice(TrainingDeviceKind.Auto, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingDevice(TrainingDeviceKind.Cuda, -1));
        Assert.Null(TrainingDevice.TryParse(""));
    }

    [Theory]
    [InlineData("auto", 8, 0, 8)] // CPU training: one client per core
    [InlineData("AUTO", 8, 2, 2)] // two GPUs: one client per GPU
    [InlineData("3", 8, 0, 3)]
    [InlineData("3", 8, 2, 3)]
    public void WorkersKeepTheRawChoiceAndResolveAutoByTheHardware(string value, int cores, int gpus, int resolved)
    {
        var training = FgsSettings.Bind(Trees.WithDefaults(("fgs.training.workers", value)), 4).Training;

        Assert.Equal(value.StartsWith('a') || value.StartsWith('A') ? null : int.Parse(value, System.Globalization.CultureInfo.InvariantCulture), training.Workers);
        Assert.Equal(resolved, training.ResolveWorkers(cores, gpus));
    }

    [Fact]
    public void ResolvingWorkersRefusesImpossibleHardware()
    {
        var training = FgsSettings.Bind(Trees.WithDefaults(), 4).Training;

        Assert.Throws<ArgumentOutOfRangeException>(() => training.ResolveWorkers(0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => training.ResolveWorkers(4, -1));
    }

    [Theory]
    [InlineData("all", null)]
    [InlineData("ALL", null)]
    [InlineData("0", 0)]
    [InlineData("2500", 2500)]
    public void SampleCountsAreAnIntegerOrAll(string value, int? count)
    {
        var data = FgsSettings.Bind(Trees.WithDefaults(("fgs.data.train-samples", value), ("fgs.data.test-samples", value)), 4).Data;

        Assert.Equal((count, count), (data.TrainSamples, data.TestSamples));
    }

    [Fact]
    public void SyntheticDataNeedsNoFashionMnistDirectory()
    {
        var data = FgsSettings.Bind(Trees.WithDefaults(("fgs.data.dataset", "synthetic"), ("fgs.data.fashion-mnist-dir", "")), 4).Data;

        Assert.Equal((DatasetKind.Synthetic, ""), (data.Dataset, data.FashionMnistDir));
    }

    [Fact]
    public void TheDataDirectoryResolvesAgainstTheFileThatSetItAndIsNotOpenedWhenBinding()
    {
        var conf = Path.Combine(Path.GetTempPath(), "fgs-no-such-dir-" + Guid.NewGuid().ToString("N"), "s.conf");
        var tree = FleetConfigTests.WithEntry("fgs.data.fashion-mnist-dir", "data/fmnist", conf + ":12");

        var data = FgsSettings.Bind(tree, 4).Data;

        Assert.Equal(Path.Combine(Path.GetDirectoryName(conf)!, "data/fmnist"), data.FashionMnistDir);
        Assert.False(Directory.Exists(data.FashionMnistDir));
    }

    [Theory]
    [InlineData("--set", "data/fmnist", "data/fmnist")] // relative to the working directory
    [InlineData("/somewhere/s.conf:3", "/opt/fmnist", "/opt/fmnist")] // absolute stays as it is
    public void ADataDirectoryWithoutAFileOriginOrAbsoluteStaysAsWritten(string origin, string value, string expected)
    {
        var data = FgsSettings.Bind(FleetConfigTests.WithEntry("fgs.data.fashion-mnist-dir", value, origin), 4).Data;

        Assert.Equal(expected, data.FashionMnistDir);
    }

    [Fact]
    public void TheSectionsAreCheckedWhateverTheModel()
    {
        foreach (var model in new[] { "phold", "sparse", "fleet" })
        {
            var error = Assert.Throws<ConfigException>(() =>
                FgsSettings.Bind(Trees.WithDefaults(("fgs.run.model", model), ("fgs.data.dirichlet-alpha", "0")), 4));
            Assert.Equal("fgs.data.dirichlet-alpha", error.Key);
        }
    }

    [Fact]
    public void TheKeysOfBothSectionsAreKnown()
    {
        var keys = FgsKeys.All.Where(k => k.StartsWith("fgs.training.", StringComparison.Ordinal) || k.StartsWith("fgs.data.", StringComparison.Ordinal));

        Assert.Equal(DocumentedKeys.Select(k => (string)k[0]).Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
    }

    // Each key, and what its comment in config/reference.conf must say about the values it takes.
    public static TheoryData<string, string[]> DocumentedKeys => new()
    {
        { "fgs.training.enabled", ["on/off", "fgs.workload"] },
        { "fgs.training.network", ["lenet5", "mlp", "NIID-Bench"] },
        { "fgs.training.mlp-hidden", ["integer >= 1"] },
        { "fgs.training.algorithm", ["fedavg", "fedprox", "fedavgm"] },
        { "fgs.training.proximal-mu", ["number >= 0"] },
        { "fgs.training.server-momentum", ["number in [0, 1)"] },
        { "fgs.training.server-learning-rate", ["number > 0"] },
        { "fgs.training.local-epochs", ["integer >= 1"] },
        { "fgs.training.batch-size", ["integer >= 1"] },
        { "fgs.training.learning-rate", ["number > 0"] },
        { "fgs.training.momentum", ["number in [0, 1)"] },
        { "fgs.training.device", ["auto", "cpu", "cuda", "cuda:N"] },
        { "fgs.training.workers", ["integer >= 1", "auto"] },
        { "fgs.training.intra-op-threads", ["integer >= 1"] },
        { "fgs.training.eval-every", ["integer >= 1"] },
        { "fgs.training.eval-batch-size", ["integer >= 1"] },
        { "fgs.training.target-accuracy", ["number in (0, 1]"] },
        { "fgs.training.task", ["classifier", "generator", "augmented"] },
        { "fgs.data.dataset", ["fashion-mnist", "synthetic"] },
        { "fgs.data.fashion-mnist-dir", ["Directory", "relative to the config file"] },
        { "fgs.data.train-samples", ["integers >= 0, or all"] },
        { "fgs.data.test-samples", ["integers >= 0, or all"] },
        { "fgs.data.synthetic-train-samples", ["integers >= 1"] },
        { "fgs.data.synthetic-test-samples", ["integers >= 1"] },
        { "fgs.data.partition", ["iid", "dirichlet", "shards", "quantity"] },
        { "fgs.data.dirichlet-alpha", ["number > 0"] },
        { "fgs.data.shard-classes", ["integer in [1, 10]"] },
        { "fgs.data.quantity-beta", ["number > 0"] },
        { "fgs.data.min-samples-per-client", ["integer >= 0"] },
    };

    // Words that say where a default comes from: a citation, a measurement or a stated assumption or reason.
    private static readonly string[] SourceMarkers = ["et al.", "NIID-Bench", "Measured", "ssumption", "Default", "(default)", "Results do not depend"];

    [Theory]
    [MemberData(nameof(DocumentedKeys))]
    public void ReferenceConfDocumentsEveryKeyWithItsRangeAndTheSourceOfItsDefault(string key, string[] range)
    {
        var (comment, value) = ReferenceEntry(key);

        // The default written there is the one the binding tests above use (Trees), so they check the shipped defaults.
        Assert.Equal(Trees.WithDefaults().Find(key)!.Value, value);
        Assert.False(string.IsNullOrWhiteSpace(comment), $"{key} has no comment in config/reference.conf");
        Assert.All(range, fragment => Assert.Contains(fragment, comment, StringComparison.Ordinal));
        Assert.True(SourceMarkers.Any(m => comment.Contains(m, StringComparison.Ordinal)), $"the comment of {key} gives no source for its default:\n{comment}");
    }

    // The value of key in its section of config/reference.conf (unquoted) and the comment block above its line; keys
    // written on consecutive lines (test-samples under train-samples) share the block above the first.
    private static (string Comment, string Value) ReferenceEntry(string key)
    {
        var lines = File.ReadAllLines(ReferenceConfPath());
        var segments = key.Split('.');
        Assert.Equal(3, segments.Length);
        var open = Array.FindIndex(lines, l => l == $"  {segments[1]} {{");
        Assert.True(open >= 0, $"no section '{segments[1]} {{' in reference.conf");
        var close = Array.FindIndex(lines, open, l => l == "  }");
        var assignment = new Regex($@"^    {Regex.Escape(segments[2])} = (?<value>\S.*)$");
        var at = Array.FindIndex(lines, open, close - open, assignment.IsMatch);
        Assert.True(at > open, $"{key} is not set in its section of reference.conf");

        var line = at - 1;
        while (line > open && IsAssignment(lines[line])) line--;
        var comment = new List<string>();
        for (; line > open && lines[line].TrimStart().StartsWith('#'); line--) comment.Insert(0, lines[line].TrimStart().TrimStart('#').Trim());
        return (string.Join(" ", comment), assignment.Match(lines[at]).Groups["value"].Value.Trim().Trim('"'));
    }

    private static bool IsAssignment(string line) => line.StartsWith("    ", StringComparison.Ordinal) && !line.TrimStart().StartsWith('#') && line.Contains(" = ", StringComparison.Ordinal);

    private static string ReferenceConfPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FgsActors.sln"))) return Path.Combine(dir.FullName, "config", "reference.conf");
        }
        throw new InvalidOperationException("FgsActors.sln not found above " + AppContext.BaseDirectory);
    }
}
