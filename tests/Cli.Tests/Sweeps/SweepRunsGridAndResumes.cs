using System.Globalization;
using FgsActors.Actors.Configuration;
using FgsActors.Actors.Kernel;
using FgsActors.Cli.Hosting;
using FgsActors.Cli.Tests.Support;
using FgsActors.Simulation.Checkpoints;
using FgsActors.Simulation.Configuration;
using FgsActors.Simulation.Kernel;
using FgsActors.Simulation.Workloads;

namespace FgsActors.Cli.Tests.Sweeps;

public class SweepRunsGridAndResumes
{
    // Quickstart cut down (200 devices, 30 virtual minutes): 2 churn levels × 2 seeds, a run well under a second.
    private static string SmallSweep(TempDir temp, string grid = "fgs.churn.mean-offline = [30m, 2h]", string seeds = "[1, 2]",
        string metrics = "[updates_total, rounds]", string scenario = "") =>
        temp.Write("small.conf", $$"""
            sweep {
              scenario = "{{(scenario.Length > 0 ? scenario : Repo.Quickstart).Replace('\\', '/')}}"
              set = ["fgs.run.end=30m", "fgs.fleet.devices=200"]
              grid { {{grid}} }
              seeds = {{seeds}}
              metrics = {{metrics}}
            }
            """);

    [Fact]
    public void WritesOneRowPerPointAndMetricThenSkipsCompleteRuns()
    {
        using var temp = new TempDir();
        var sweep = SmallSweep(temp);
        var outDir = temp.At("out");

        var first = Fgs.RunOk("sweep", sweep, "--out", outDir);
        Assert.Equal(4, first.Out.Split('\n').Count(l => l.Contains(": done in", StringComparison.Ordinal)));
        string[] runs = ["p0-30m-seed1", "p0-30m-seed2", "p1-2h-seed1", "p1-2h-seed2"];
        foreach (var run in runs)
        {
            var summary = Summary.Read(Path.Combine(outDir, "runs", run));
            Assert.True(summary.GetProperty("complete").GetBoolean());
            Assert.Equal(run[^1..], summary.GetProperty("seed").GetInt64().ToString(CultureInfo.InvariantCulture));
        }

        var lines = File.ReadAllLines(Path.Combine(outDir, "sweep.csv"));
        Assert.Equal("fgs.churn.mean-offline,metric,mean,std,ci95_low,ci95_high,n", lines[0]);
        Assert.Equal(["30m,updates_total", "30m,rounds", "2h,updates_total", "2h,rounds"], lines[1..].Select(l => string.Join(',', l.Split(',')[..2])));
        foreach (var line in lines[1..])
        {
            var f = line.Split(',');
            Assert.Equal("2", f[6]);
            var (mean, low, high) = (double.Parse(f[2], CultureInfo.InvariantCulture), double.Parse(f[4], CultureInfo.InvariantCulture), double.Parse(f[5], CultureInfo.InvariantCulture));
            Assert.True(low <= mean && mean <= high, line);
        }
        Assert.True(File.Exists(Path.Combine(outDir, "sweep-updates_total.png")));
        Assert.True(File.Exists(Path.Combine(outDir, "sweep-rounds.png")));
        var html = File.ReadAllText(Path.Combine(outDir, "sweep.html"));
        Assert.Contains("data:image/png;base64,", html, StringComparison.Ordinal);

        var stamps = runs.Select(r => File.GetLastWriteTimeUtc(Path.Combine(outDir, "runs", r, "summary.json"))).ToList();
        var csvBefore = File.ReadAllText(Path.Combine(outDir, "sweep.csv"));
        var second = Fgs.RunOk("sweep", sweep, "--out", outDir);
        Assert.Equal(4, second.Out.Split('\n').Count(l => l.Contains("skipped (complete)", StringComparison.Ordinal)));
        Assert.DoesNotContain(": done in", second.Out, StringComparison.Ordinal);
        Assert.Equal(stamps, runs.Select(r => File.GetLastWriteTimeUtc(Path.Combine(outDir, "runs", r, "summary.json"))));
        Assert.Equal(csvBefore, File.ReadAllText(Path.Combine(outDir, "sweep.csv")));
    }

    [Fact]
    public void RerunsOnlyTheMissingRun()
    {
        using var temp = new TempDir();
        var sweep = SmallSweep(temp, grid: "\"fgs.churn.mean-offline\" = [30m]", seeds: "[1, 2]", metrics: "[updates_total]");
        var outDir = temp.At("out");
        Fgs.RunOk("sweep", sweep, "--out", outDir, "--jobs", "2");
        File.Delete(Path.Combine(outDir, "runs", "p0-30m-seed2", "summary.json"));
        var again = Fgs.RunOk("sweep", sweep, "--out", outDir);
        Assert.Contains("run p0-30m-seed1: skipped (complete)", again.Out, StringComparison.Ordinal);
        Assert.Contains("run p0-30m-seed2: done in", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stopped_run_continues_from_its_checkpoint_and_an_unusable_checkpoint_restarts_it()
    {
        using var temp = new TempDir();
        var sweep = SmallSweep(temp, grid: "\"fgs.churn.mean-offline\" = [30m]", seeds: "[1, 2]", metrics: "[updates_total]");
        var outDir = temp.At("out");
        Fgs.RunOk("sweep", sweep, "--out", outDir);
        var resumable = Path.Combine(outDir, "runs", "p0-30m-seed1");
        var unusable = Path.Combine(outDir, "runs", "p0-30m-seed2");
        var hashes = new[] { resumable, unusable }.Select(d => Summary.Read(d).GetProperty("result_hash").GetString()).ToArray();

        // Run 1 as if stopped: a real checkpoint of its own configuration (taken every 50 windows; the last one stays),
        // and no summary. Run 2 as if its checkpoint were damaged.
        await WriteCheckpointAsync(resumable);
        File.Delete(Path.Combine(resumable, "summary.json"));
        File.WriteAllText(ResumedRun.CheckpointPathIn(unusable), "not a checkpoint");
        File.Delete(Path.Combine(unusable, "summary.json"));

        var again = Fgs.RunOk("sweep", sweep, "--out", outDir);

        Assert.Contains("run p0-30m-seed1: done in", again.Out, StringComparison.Ordinal);
        Assert.Contains("run p0-30m-seed2: done in", again.Out, StringComparison.Ordinal);
        Assert.StartsWith("fgs run --resume", File.ReadAllText(Path.Combine(resumable, "sweep-run.log")), StringComparison.Ordinal);
        Assert.True(Summary.Read(resumable).TryGetProperty("resumed_at_s", out _));
        Assert.False(Summary.Read(unusable).TryGetProperty("resumed_at_s", out _));
        Assert.Equal(hashes, new[] { resumable, unusable }.Select(d => Summary.Read(d).GetProperty("result_hash").GetString()).ToArray());
        Assert.False(File.Exists(ResumedRun.CheckpointPathIn(resumable)));
        Assert.False(File.Exists(ResumedRun.CheckpointPathIn(unusable)));
    }

    private static async Task WriteCheckpointAsync(string runDir)
    {
        var config = Path.Combine(runDir, ResumedRun.EffectiveConfigFile);
        var settings = FgsSettings.Bind(HoconLoader.Load(config).Tree, processorCount: 2);
        var model = (ICheckpointableModel)WorkloadCatalog.Create(settings);
        var sink = new FileCheckpointSink(ResumedRun.CheckpointPathIn(runDir), model, ResumedRun.FingerprintOf(File.ReadAllText(config)), "test",
            windows => windows, every: 50);
        await KernelRunner.RunLocalAsync(model, partitions: 2, workers: 1, hooks: new LocalRunHooks(Checkpoints: sink));
        Assert.True(sink.Written > 0, "no checkpoint was taken");
    }

    [Fact]
    public void MissingScenarioIsBadInput()
    {
        using var temp = new TempDir();
        var result = Fgs.Run("sweep", SmallSweep(temp, scenario: temp.At("nope.conf")), "--out", temp.At("out"));
        BadInputAssert.AssertRejected(result, "sweep.scenario", "nope.conf");
    }

    [Fact]
    public void UnknownGridKeyFailsBeforeAnyRun()
    {
        using var temp = new TempDir();
        var result = Fgs.Run("sweep", SmallSweep(temp, grid: "fgs.churn.mean-offlin = [30m, 2h]"), "--out", temp.At("out"));
        BadInputAssert.AssertRejected(result, "fgs.churn.mean-offlin");
        Assert.False(Directory.Exists(temp.At("out")));
    }

    [Fact]
    public void BadGridValueFailsBeforeAnyRun()
    {
        using var temp = new TempDir();
        var result = Fgs.Run("sweep", SmallSweep(temp, grid: "fgs.churn.mean-offline = [30m, banana]"), "--out", temp.At("out"));
        BadInputAssert.AssertRejected(result, "fgs.churn.mean-offline", "banana");
        Assert.False(Directory.Exists(temp.At("out")));
    }

    [Theory]
    [InlineData("fgs.churn.mean-offline = [30m]", "[]", "sweep.seeds")]
    [InlineData("", "[1]", "sweep.grid")]
    [InlineData("fgs.churn.mean-offline = []", "[1]", "fgs.churn.mean-offline")]
    [InlineData("fgs.churn.mean-offline = 30m", "[1]", "expected a list")]
    public void EmptyOrMalformedGridAndSeedsAreBadInput(string grid, string seeds, string mention)
    {
        using var temp = new TempDir();
        var result = Fgs.Run("sweep", SmallSweep(temp, grid: grid, seeds: seeds), "--out", temp.At("out"));
        BadInputAssert.AssertRejected(result, mention);
    }

    [Fact]
    public void UnknownMetricIsBadInput()
    {
        using var temp = new TempDir();
        var result = Fgs.Run("sweep", SmallSweep(temp, grid: "fgs.churn.mean-offline = [30m]", seeds: "[1]", metrics: "[updates_total, no_such_metric]"), "--out", temp.At("out"));
        BadInputAssert.AssertRejected(result, "no_such_metric", "updates_total");
    }

    [Fact]
    public void MissingSweepFileAndUnknownKeyAreBadInput()
    {
        using var temp = new TempDir();
        BadInputAssert.AssertRejected(Fgs.Run("sweep", temp.At("absent.conf")), "absent.conf");
        var typo = temp.Write("typo.conf", $"sweep {{\n  scenario = \"{Repo.Quickstart.Replace('\\', '/')}\"\n  grid {{ fgs.run.end = [1h] }}\n  seed = [1]\n}}\n");
        BadInputAssert.AssertRejected(Fgs.Run("sweep", typo), "sweep.seed");
        var broken = temp.Write("broken.conf", "sweep {\n  grid { a = [1] }, seeds = [1]\n}\n");
        BadInputAssert.AssertRejected(Fgs.Run("sweep", broken), "broken.conf:2", "not valid HOCON");
    }

    [Fact]
    public void ShippedQuickstartChurnSweepIsValid()
    {
        var spec = FgsActors.Cli.Sweeps.SweepSpec.Load(Repo.PathOf("config/sweeps/quickstart-churn.conf"));
        Assert.Equal("fgs.churn.mean-offline", Assert.Single(spec.Axes).Key);
        Assert.Equal(9, spec.Points().Count * spec.Seeds.Count);
        Assert.True(File.Exists(spec.ScenarioPath));
    }
}
