using System.Diagnostics;
using FgsActors.Cli.Tests.Support;
using FgsActors.Simulation.Checkpoints;

namespace FgsActors.Cli.Tests.Run;

/// <summary>
/// <c>fgs run --resume</c>: a real <c>fgs run</c> process killed outright (SIGKILL: no chance to tidy up) after a
/// checkpoint continues from it to exactly the uninterrupted run's result_hash and tables, with real training in the
/// loop (the global model, the server optimiser's momentum, pending updates and training jobs are all in the
/// checkpoint). A damaged checkpoint or a misuse of --resume is refused with exit 2 and leaves the directory as it was.
/// </summary>
public sealed class ResumeRuns
{
    private static readonly string ReferenceCache = Path.Combine(Path.GetTempPath(), "fgs-tests-reference-cache");

    // fmnist-iid cut down to 5 clients on synthetic images, FedAvgM so that the server keeps momentum between rounds.
    private static readonly string[] Classifier =
    [
        "fgs.fleet.devices=5", "fgs.aggregator.clients-per-round=5", "fgs.aggregator.max-rounds=10",
        "fgs.data.dataset=synthetic", "fgs.data.synthetic-train-samples=3000", "fgs.data.synthetic-test-samples=600",
        "fgs.training.network=mlp", "fgs.training.learning-rate=0.05", "fgs.training.algorithm=fedavgm",
        "fgs.output.checkpoint-every-rounds=2", "fgs.output.checkpoint-min-interval=0s",
    ];

    // gen-cvae-dir05 cut down the same way, with server momentum and an evaluation (FID) every round.
    private static readonly string[] Generator =
    [
        "fgs.fleet.devices=5", "fgs.aggregator.clients-per-round=5", "fgs.aggregator.max-rounds=10",
        "fgs.data.dataset=synthetic", "fgs.data.synthetic-train-samples=2000", "fgs.data.synthetic-test-samples=500",
        "fgs.training.eval-every=1", "fgs.generative.local-steps=10", "fgs.generative.batch-size=32",
        "fgs.generative.eval-samples-per-class=20", "fgs.generative.local-fid-devices=5", "fgs.generative.server-momentum=0.5",
        $"fgs.generative.reference-cache={ReferenceCache}", "fgs.output.checkpoint-every-rounds=2",
        "fgs.output.checkpoint-min-interval=0s",
    ];

    private static string[] Args(string scenario, string outDir, string[] sets) =>
        ["run", Repo.PathOf($"config/scenarios/{scenario}.conf"), "--out", outDir, "--quiet", .. sets.SelectMany(s => new[] { "--set", s })];

    [Theory]
    [InlineData("fmnist-iid", "classifier")]
    [InlineData("gen-cvae-dir05", "generator")]
    public void A_run_killed_after_a_checkpoint_resumes_to_the_uninterrupted_result(string scenario, string task)
    {
        var sets = task == "generator" ? Generator : Classifier;
        using var temp = new TempDir();
        var full = temp.At("full");
        Fgs.RunOk(Args(scenario, full, sets));

        var killed = temp.At("killed");
        KillAfterFirstCheckpoint(Args(scenario, killed, sets), killed);
        Assert.False(File.Exists(Path.Combine(killed, "summary.json")), "a killed run writes no summary");
        var info = CheckpointFile.ReadInfo(Path.Combine(killed, CheckpointFile.FileName));
        Assert.InRange(info.Progress, 2, 9);

        var resumed = Fgs.RunOk("run", "--resume", killed, "--quiet");
        Assert.Contains("result_hash", resumed.Out, StringComparison.Ordinal);
        var expected = Summary.Read(full);
        var actual = Summary.Read(killed);
        Assert.Equal(expected.GetProperty("result_hash").GetString(), actual.GetProperty("result_hash").GetString());
        Assert.True(actual.GetProperty("complete").GetBoolean());
        Assert.True(actual.GetProperty("resumed_at_s").GetDouble() > 0);
        foreach (var table in new[] { "rounds.csv", "devices.csv", "online.csv" })
            Assert.Equal(File.ReadAllText(Path.Combine(full, table)), File.ReadAllText(Path.Combine(killed, table)));
        Assert.False(File.Exists(Path.Combine(killed, CheckpointFile.FileName)), "a complete run removes its checkpoint");
    }

    [Fact]
    public void A_truncated_checkpoint_is_refused_with_exit_2_and_nothing_changes()
    {
        using var temp = new TempDir();
        var dir = temp.At("cut");
        KillAfterFirstCheckpoint(Args("fmnist-iid", dir, Classifier), dir);
        var checkpoint = Path.Combine(dir, CheckpointFile.FileName);
        var bytes = File.ReadAllBytes(checkpoint);
        File.WriteAllBytes(checkpoint, bytes[..(bytes.Length * 2 / 3)]);
        var before = Directory.GetFiles(dir).Order().Select(f => (f, File.GetLastWriteTimeUtc(f), new FileInfo(f).Length)).ToArray();

        var result = Fgs.Run("run", "--resume", dir);

        BadInputAssert.AssertRejected(result, CheckpointFile.FileName, "damaged");
        Assert.Equal(before, Directory.GetFiles(dir).Order().Select(f => (f, File.GetLastWriteTimeUtc(f), new FileInfo(f).Length)).ToArray());
    }

    [Fact]
    public void Misuses_of_resume_are_refused_with_exit_2()
    {
        using var temp = new TempDir();
        var complete = temp.At("complete");
        Fgs.RunOk("run", Repo.Quickstart, "--out", complete, "--quiet");
        BadInputAssert.AssertRejected(Fgs.Run("run", "--resume", complete), "is complete");
        BadInputAssert.AssertRejected(Fgs.Run("run", Repo.Quickstart, "--resume", complete), "no scenario file");
        BadInputAssert.AssertRejected(Fgs.Run("run", "--resume", complete, "--set", "fgs.run.seed=2"), "--set cannot be combined");
        BadInputAssert.AssertRejected(Fgs.Run("run", "--resume", complete, "--out", temp.At("elsewhere")), "--out cannot be combined");
        BadInputAssert.AssertRejected(Fgs.Run("run", "--resume", temp.At("missing")), "is not a directory");
        BadInputAssert.AssertRejected(Fgs.Run("run"), "needs a scenario file");

        // A run directory whose run never reached a checkpoint.
        var bare = temp.At("bare");
        Directory.CreateDirectory(bare);
        File.Copy(Path.Combine(complete, "config.effective.conf"), Path.Combine(bare, "config.effective.conf"));
        BadInputAssert.AssertRejected(Fgs.Run("run", "--resume", bare), "has no checkpoint");
    }

    [Fact]
    public void A_checkpoint_under_an_edited_configuration_is_refused()
    {
        using var temp = new TempDir();
        var dir = temp.At("edited");
        KillAfterFirstCheckpoint(Args("fmnist-iid", dir, Classifier), dir);
        var config = Path.Combine(dir, "config.effective.conf");
        File.AppendAllText(config, "\nfgs.run.seed = 99\n");
        BadInputAssert.AssertRejected(Fgs.Run("run", "--resume", dir), "another configuration");
    }

    // Starts fgs run as its own process and kills it (SIGKILL) as soon as its first checkpoint file exists: the file
    // appears by an atomic rename, so it is whole when seen.
    private static void KillAfterFirstCheckpoint(string[] args, string outDir)
    {
        var fgs = typeof(FgsCli).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [fgs, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var checkpoint = Path.Combine(outDir, CheckpointFile.FileName);
        var watch = Stopwatch.StartNew();
        while (!File.Exists(checkpoint) && !process.HasExited && watch.Elapsed < TimeSpan.FromMinutes(3)) Thread.Sleep(10);
        var exitedFirst = process.HasExited;
        if (!exitedFirst) process.Kill();
        process.WaitForExit();
        Assert.False(exitedFirst, $"the run ended before it could be killed (exit {process.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
        Assert.True(File.Exists(checkpoint), "no checkpoint was written within 3 minutes:\n" + stderr.Result);
    }
}
