using System.Globalization;
using FgsActors.Cli.Tests.Support;

namespace FgsActors.Cli.Tests.Training;

/// <summary>
/// Federated generator training through <c>fgs run</c> at small scale on the synthetic image set: the gen-cvae-dir05
/// scenario with 5 clients, few steps and a small evaluation. The reference classifier is trained once on the synthetic
/// set and cached in a directory shared by these tests.
/// </summary>
public sealed class GenerativeRuns
{
    private static readonly string ReferenceCache = Path.Combine(Path.GetTempPath(), "fgs-tests-reference-cache");

    private static readonly string[] Small =
    [
        "fgs.fleet.devices=5", "fgs.aggregator.clients-per-round=5", "fgs.aggregator.max-rounds=3",
        "fgs.data.dataset=synthetic", "fgs.data.synthetic-train-samples=2000", "fgs.data.synthetic-test-samples=500",
        "fgs.training.eval-every=1", "fgs.generative.local-steps=15", "fgs.generative.batch-size=32",
        "fgs.generative.eval-samples-per-class=20", "fgs.generative.local-fid-devices=5",
        $"fgs.generative.reference-cache={ReferenceCache}",
    ];

    private static string Scenario(string name) => Repo.PathOf($"config/scenarios/{name}.conf");

    private static string Run(TempDir temp, string scenario, params string[] sets)
    {
        var outDir = temp.At("run-" + Guid.NewGuid().ToString("N")[..8]);
        Fgs.RunOk(["run", Scenario(scenario), "--out", outDir, "--quiet", .. sets.SelectMany(s => new[] { "--set", s })]);
        return outDir;
    }

    private static List<Dictionary<string, string>> Csv(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(line => header.Zip(line.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    private static double D(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public void A_cvae_run_writes_fidelity_per_round_the_drift_timeline_and_a_sample_grid()
    {
        using var temp = new TempDir();
        var outDir = Run(temp, "gen-cvae-dir05", Small);

        var rounds = Csv(Path.Combine(outDir, "rounds.csv"));
        Assert.Equal(3, rounds.Count);
        Assert.All(rounds, r =>
        {
            Assert.True(D(r["fid"]) > 0, "FID of a 3-round generator is positive");
            Assert.InRange(D(r["is"]), 1.0, 10.0);
            Assert.InRange(D(r["coverage"]), 0.0, 1.0);
            Assert.Equal(r["conditional_accuracy"], r["test_accuracy"]);
            Assert.Equal("", r["test_loss"]);
            Assert.True(D(r["local_fid_max"]) >= D(r["local_fid_mean"]));
        });
        var timeline = Csv(Path.Combine(outDir, "drift.csv"));
        Assert.Equal(rounds.Select(r => r["fid"]), timeline.Select(t => t["fid"]));
        Assert.True(new FileInfo(Path.Combine(outDir, "samples.png")).Length > 1000);
        Assert.True(new FileInfo(Path.Combine(outDir, "fid_vs_round.png")).Length > 1000);

        var summary = Summary.Read(outDir);
        Assert.Equal("generator", summary.GetProperty("training_task").GetString());
        Assert.Equal("cvae-mlp", summary.GetProperty("generator").GetString());
        Assert.Equal(64, summary.GetProperty("reference_classifier_sha256").GetString()!.Length);
        Assert.Equal(D(rounds[^1]["fid"]), summary.GetProperty("final_fid").GetDouble());
        Assert.Equal(rounds.Min(r => D(r["fid"])), summary.GetProperty("best_fid").GetDouble());
    }

    [Theory]
    [InlineData("cvae")]
    [InlineData("cgan")]
    [InlineData("ddpm")]
    public void Generator_training_and_metrics_do_not_depend_on_the_number_of_trainers(string model)
    {
        using var temp = new TempDir();
        string[] sets =
        [
            .. Small, $"fgs.generative.model={model}", "fgs.aggregator.max-rounds=2", "fgs.generative.local-steps=4",
            "fgs.generative.batch-size=16", "fgs.generative.eval-samples-per-class=10", "fgs.generative.diffusion-steps=50",
            "fgs.generative.sampling-steps=4", "fgs.generative.gan-width=8",
        ];
        var hashes = new[] { 1, 2 }
            .Select(workers => Summary.RunAndRead(temp, Scenario("gen-cvae-dir05"), [.. sets, $"fgs.training.workers={workers}"]))
            .Select(summary => (Hash: summary.GetProperty("result_hash").GetString(), Fid: summary.GetProperty("final_fid").GetDouble()))
            .ToArray();
        Assert.Single(hashes.Select(h => h.Hash).Distinct());
        Assert.Equal(hashes[0].Fid, hashes[1].Fid);
    }

    [Fact]
    public void Drift_raises_local_fid_and_the_retrain_policy_brings_it_back_down()
    {
        using var temp = new TempDir();
        // IID clients train 8 rounds and freeze; at 3 h every client's images brighten by 0.4 (a grey background the
        // generator never makes); frozen rounds last the 30-minute deadline, so the shift falls a few evaluations after
        // freezing. (A class rotation alone would not show here: local FID compares each class with its own samples.)
        var outDir = Run(temp, "gen-drift", [.. Small, "fgs.aggregator.max-rounds=20", "fgs.generative.local-steps=40",
            "fgs.generative.revalidation.train-rounds=8", "fgs.generative.revalidation.retrain-rounds=4",
            "fgs.drift.at=3h", "fgs.drift.cohort=1", "fgs.drift.class-shift=0", "fgs.drift.contrast=1", "fgs.drift.brightness=0.4"]);
        var timeline = Csv(Path.Combine(outDir, "drift.csv"));
        var freeze = timeline.FindIndex(t => t["action"] == "freeze");
        var retrain = timeline.FindIndex(t => t["action"] == "retrain");
        Assert.True(freeze >= 0 && retrain > freeze, "the generator freezes, then drift makes the policy retrain it: " + string.Join(" ", timeline.Select(t => t["action"])));
        Assert.True(D(timeline[retrain]["time_s"]) >= 3 * 3600, "no retraining before the drift");
        Assert.True(D(timeline[retrain]["local_fid_mean"]) > 1.5 * D(timeline[freeze]["local_fid_mean"]));
        Assert.All(timeline.Skip(freeze + 1).Take(retrain - freeze), t => Assert.Equal("0", t["training"]));
        var afterRetraining = timeline.Skip(retrain + 1).Where(t => t["action"] == "freeze").ToList();
        Assert.NotEmpty(afterRetraining);
        Assert.True(D(afterRetraining[0]["local_fid_mean"]) < D(timeline[retrain]["local_fid_mean"]),
            "retraining on the drifted data brings local FID back down");

        var rounds = Csv(Path.Combine(outDir, "rounds.csv"));
        Assert.Contains(rounds, r => r["selected"] == "0");
        Assert.Equal(1, Summary.Read(outDir).GetProperty("revalidation_retrainings").GetInt32());
    }

    [Fact]
    public void An_augmented_run_reports_the_classifiers_accuracy_and_the_generators_fidelity()
    {
        using var temp = new TempDir();
        var outDir = Run(temp, "augment-dir01", [.. Small, "fgs.training.network=mlp", "fgs.training.learning-rate=0.05",
            "fgs.augmentation.start-round=1", "fgs.augmentation.min-per-class=50", "fgs.generative.local-fid-devices=0"]);
        var rounds = Csv(Path.Combine(outDir, "rounds.csv"));
        Assert.Equal(3, rounds.Count);
        Assert.All(rounds, r =>
        {
            Assert.NotEqual("", r["test_loss"]); // a classifier's loss, unlike a generator run
            Assert.NotEqual(r["test_accuracy"], r["conditional_accuracy"]);
            Assert.True(D(r["fid"]) > 0);
            Assert.Equal("", r["local_fid_mean"]);
        });
        Assert.Equal("augmented", Summary.Read(outDir).GetProperty("training_task").GetString());
    }

    [Fact]
    public void Re_validation_with_async_aggregation_is_refused_naming_the_key()
    {
        using var temp = new TempDir();
        var outDir = temp.At("out");
        var result = Fgs.Run(["run", Scenario("gen-drift"), "--out", outDir, "--quiet",
            .. Small.Append("fgs.aggregator.mode=async").SelectMany(s => new[] { "--set", s })]);
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("fgs.generative.revalidation.policy", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }
}
