using System.Text.RegularExpressions;
using FgsActors.Simulation.Configuration;

namespace FgsActors.Simulation.Tests.Configuration;

/// <summary>The sections of generative training: <c>fgs.training.task</c>, <c>fgs.generative</c>, <c>fgs.drift</c> and <c>fgs.augmentation</c>.</summary>
public class GenerativeSectionsTests
{
    private const string Duration = "a duration such as 100ms, 1 h or 0.1s (a bare number means seconds)";

    private static readonly string[] Prefixes = ["fgs.generative.", "fgs.drift.", "fgs.augmentation."];

    private static FgsSettings Bind(params (string Path, string? Value)[] changes) => FgsSettings.Bind(Trees.WithDefaults(changes), 4);

    [Fact]
    public void TheDefaultsBindToTheDocumentedValues()
    {
        var settings = Bind();

        Assert.Equal(TrainingTask.Classifier, settings.Training.Task);
        Assert.Equal(
            new GenerativeConfig(
                GeneratorModel.CVae,
                LocalSteps: 50,
                BatchSize: 64,
                LearningRate: 1e-3,
                DiscriminatorLearningRate: 2e-4,
                Beta1: 0.5,
                Beta2: 0.999,
                EvalSamplesPerClass: 100,
                LocalFidDevices: 10,
                ReferenceCache: "",
                DiffusionSteps: 400,
                SamplingSteps: 40,
                new RevalidationConfig(RevalidationChoice.None, Threshold: 1.5, TrainRounds: 0, RetrainRounds: 10)),
            settings.Generative);
        // 12 h = 43,200 s = 4.32e13 ns.
        Assert.Equal(new DriftConfig(Enabled: false, AtTicks: 43_200_000_000_000L, Cohort: 0.5, ClassShift: 3, Contrast: 0.6, Brightness: 0.2), settings.Drift);
        Assert.Equal(new AugmentationConfig(StartRound: 10, MinPerClass: 100), settings.Augmentation);
    }

    [Fact]
    public void GanWidthDefaultsTo32AndMustBePositive()
    {
        Assert.Equal(32, Bind().Generative.GanWidth);
        Assert.Equal(64, Bind(("fgs.generative.gan-width", "64")).Generative.GanWidth);
        var error = Assert.Throws<ConfigException>(() => Bind(("fgs.generative.gan-width", "0")));
        Assert.Equal("fgs.generative.gan-width", error.Key);
    }

    [Fact]
    public void TheDefaultsUsedHereAreTheOnesReferenceConfShips()
    {
        var shipped = ReferenceValues();
        var keys = FgsKeys.All.Where(k => Prefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal))).Append(FgsKeys.TrainingTask).ToArray();

        Assert.Equal(19 + 6 + 2 + 1, keys.Length);
        Assert.All(keys, key =>
        {
            Assert.True(shipped.ContainsKey(key), $"{key} is not set in config/reference.conf");
            Assert.Equal(Trees.WithDefaults().Find(key)!.Value, shipped[key]);
        });
    }

    [Fact]
    public void EveryWordAndNumberIsReadIntoItsField()
    {
        var settings = Bind(
            ("fgs.training.task", "generator"),
            ("fgs.generative.model", "ddpm"),
            ("fgs.generative.local-steps", "5"),
            ("fgs.generative.batch-size", "32"),
            ("fgs.generative.learning-rate", "0.002"),
            ("fgs.generative.discriminator-learning-rate", "0.0005"),
            ("fgs.generative.beta1", "0"),
            ("fgs.generative.beta2", "0.9"),
            ("fgs.generative.eval-samples-per-class", "2"),
            ("fgs.generative.local-fid-devices", "0"),
            ("fgs.generative.reference-cache", "/tmp/fgs-ref"),
            ("fgs.generative.diffusion-steps", "50"),
            ("fgs.generative.sampling-steps", "50"),
            ("fgs.generative.revalidation.policy", "retrain"),
            ("fgs.generative.revalidation.threshold", "1.25"),
            ("fgs.generative.revalidation.train-rounds", "20"),
            ("fgs.generative.revalidation.retrain-rounds", "1"),
            ("fgs.drift.enabled", "on"),
            ("fgs.drift.at", "90m"),
            ("fgs.drift.cohort", "1"),
            ("fgs.drift.class-shift", "0"),
            ("fgs.drift.contrast", "1.5"),
            ("fgs.drift.brightness", "-1"),
            ("fgs.augmentation.start-round", "0"),
            ("fgs.augmentation.min-per-class", "1"));

        Assert.Equal(TrainingTask.Generator, settings.Training.Task);
        Assert.Equal(
            new GenerativeConfig(GeneratorModel.Ddpm, 5, 32, 0.002, 0.0005, 0, 0.9, 2, 0, "/tmp/fgs-ref", 50, 50,
                new RevalidationConfig(RevalidationChoice.Retrain, 1.25, 20, 1)),
            settings.Generative);
        Assert.Equal(new DriftConfig(true, 5_400_000_000_000L, 1, 0, 1.5, -1), settings.Drift);
        Assert.Equal(new AugmentationConfig(0, 1), settings.Augmentation);
    }

    [Theory]
    [InlineData("classifier", TrainingTask.Classifier)]
    [InlineData("generator", TrainingTask.Generator)]
    [InlineData("Augmented", TrainingTask.Augmented)]
    public void EachTaskHasItsWord(string word, TrainingTask task)
    {
        Assert.Equal(task, Bind(("fgs.training.task", word)).Training.Task);
    }

    [Theory]
    [InlineData("cvae", GeneratorModel.CVae)]
    [InlineData("cgan", GeneratorModel.CGan)]
    [InlineData("DDPM", GeneratorModel.Ddpm)]
    public void EachModelHasItsWord(string word, GeneratorModel model)
    {
        Assert.Equal(model, Bind(("fgs.generative.model", word)).Generative.Model);
    }

    [Theory]
    [InlineData("none", RevalidationChoice.None)]
    [InlineData("flag", RevalidationChoice.Flag)]
    [InlineData("Retrain", RevalidationChoice.Retrain)]
    public void EachPolicyHasItsWord(string word, RevalidationChoice policy)
    {
        Assert.Equal(policy, Bind(("fgs.generative.revalidation.policy", word)).Generative.Revalidation.Policy);
    }

    [Theory]
    [InlineData("fgs.training.task", "regressor", "one of classifier, generator, augmented")]
    [InlineData("fgs.generative.model", "vae", "one of cvae, cgan, ddpm")]
    [InlineData("fgs.generative.local-steps", "-1", "an integer >= 1")]
    [InlineData("fgs.generative.local-steps", "0", "an integer >= 1")]
    [InlineData("fgs.generative.batch-size", "0", "an integer >= 1")]
    [InlineData("fgs.generative.learning-rate", "0", "a number > 0")]
    [InlineData("fgs.generative.discriminator-learning-rate", "-2e-4", "a number > 0")]
    [InlineData("fgs.generative.beta1", "1", "a number in [0, 1)")]
    [InlineData("fgs.generative.beta2", "-0.1", "a number in [0, 1)")]
    [InlineData("fgs.generative.eval-samples-per-class", "1", "an integer >= 2")]
    [InlineData("fgs.generative.local-fid-devices", "-1", "an integer >= 0")]
    [InlineData("fgs.generative.diffusion-steps", "20", "an integer in [21, 1000]")]
    [InlineData("fgs.generative.diffusion-steps", "1001", "an integer in [21, 1000]")]
    [InlineData("fgs.generative.sampling-steps", "0", "an integer >= 1")]
    [InlineData("fgs.generative.sampling-steps", "401", "an integer in [1, fgs.generative.diffusion-steps = 400]")]
    [InlineData("fgs.generative.revalidation.policy", "warn", "one of none, flag, retrain")]
    [InlineData("fgs.generative.revalidation.threshold", "1", "a number > 1")]
    [InlineData("fgs.generative.revalidation.threshold", "0.5", "a number > 1")]
    [InlineData("fgs.generative.revalidation.train-rounds", "-1", "an integer >= 0")]
    [InlineData("fgs.generative.revalidation.retrain-rounds", "0", "an integer >= 1")]
    [InlineData("fgs.drift.enabled", "sometimes", "true or false (yes/no and on/off also work)")]
    [InlineData("fgs.drift.at", "-1s", Duration)]
    [InlineData("fgs.drift.cohort", "1.5", "a probability in [0, 1]")]
    [InlineData("fgs.drift.cohort", "-0.5", "a probability in [0, 1]")]
    [InlineData("fgs.drift.class-shift", "-3", "an integer >= 0")]
    [InlineData("fgs.drift.contrast", "0", "a number > 0")]
    [InlineData("fgs.drift.brightness", "2", "a number in [-1, 1]")]
    [InlineData("fgs.drift.brightness", "-1.01", "a number in [-1, 1]")]
    [InlineData("fgs.augmentation.start-round", "-1", "an integer >= 0")]
    [InlineData("fgs.augmentation.min-per-class", "0", "an integer >= 1")]
    public void EveryKeyIsValidated(string key, string value, string expected)
    {
        var error = Assert.Throws<ConfigException>(() => Bind((key, value)));

        Assert.Equal(key, error.Key);
        Assert.Equal(expected, error.Expected);
        Assert.Equal("test.conf", error.Origin);
        Assert.Equal($"\"{value}\"", error.Found);
        Assert.Equal($"config key '{key}' in test.conf: expected {expected}, found \"{value}\"", error.Message);
    }

    [Fact]
    public void SamplingStepsMayEqualButNotExceedTheDiffusionSteps()
    {
        var generative = Bind(("fgs.generative.diffusion-steps", "40"), ("fgs.generative.sampling-steps", "40")).Generative;
        Assert.Equal((40, 40), (generative.DiffusionSteps, generative.SamplingSteps));

        var error = Assert.Throws<ConfigException>(() => Bind(("fgs.generative.diffusion-steps", "40"), ("fgs.generative.sampling-steps", "41")));
        Assert.Equal("fgs.generative.sampling-steps", error.Key);
        Assert.Equal("an integer in [1, fgs.generative.diffusion-steps = 40]", error.Expected);
    }

    [Theory]
    [InlineData("fgs.generative.local-step", "fgs.generative.local-steps")]
    [InlineData("fgs.generative.revalidation.treshold", "fgs.generative.revalidation.threshold")]
    [InlineData("fgs.drift.cohrt", "fgs.drift.cohort")]
    [InlineData("fgs.augmentation.min-per-clas", "fgs.augmentation.min-per-class")]
    public void AMisspeltKeyGetsASuggestion(string misspelt, string meant)
    {
        var error = Assert.Throws<ConfigException>(() => Bind((misspelt, "1")));

        Assert.Equal(misspelt, error.Key);
        Assert.Equal($"unknown config key '{misspelt}' in test.conf; did you mean '{meant}'?", error.Message);
    }

    [Fact]
    public void TheSectionsAreCheckedWhateverTheTaskAndModel()
    {
        foreach (var model in new[] { "phold", "fleet" })
        {
            var error = Assert.Throws<ConfigException>(() => Bind(("fgs.run.model", model), ("fgs.drift.contrast", "0")));
            Assert.Equal("fgs.drift.contrast", error.Key);
        }
    }

    // Every assignment of config/reference.conf by its full path (fgs.section.key), value unquoted; comments skipped.
    private static Dictionary<string, string> ReferenceValues()
    {
        var open = new Regex(@"^(?<name>[\w-]+)\s*\{$");
        var assignment = new Regex(@"^(?<key>[\w-]+)\s*=\s*(?<value>.*)$");
        var path = new List<string>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in File.ReadAllLines(ReferenceConfPath()))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line == "}")
            {
                path.RemoveAt(path.Count - 1);
                continue;
            }
            if (open.Match(line) is { Success: true } section)
            {
                path.Add(section.Groups["name"].Value);
                continue;
            }
            if (assignment.Match(line) is { Success: true } set)
                values[string.Join('.', path.Append(set.Groups["key"].Value))] = set.Groups["value"].Value.Trim().Trim('"');
        }
        Assert.Empty(path);
        return values;
    }

    private static string ReferenceConfPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FgsActors.sln"))) return Path.Combine(dir.FullName, "config", "reference.conf");
        }
        throw new InvalidOperationException("FgsActors.sln not found above " + AppContext.BaseDirectory);
    }
}
