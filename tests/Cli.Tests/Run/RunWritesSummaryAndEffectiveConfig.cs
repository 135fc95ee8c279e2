using System.Text.Json;
using System.Text.RegularExpressions;
using FgsActors.Actors.Configuration;
using FgsActors.Cli.Commands;
using FgsActors.Cli.Tests.Support;
using FgsActors.Simulation.Configuration;

namespace FgsActors.Cli.Tests.Run;

/// <summary>
/// <c>fgs run</c> on the quick-start scenario exits 0 and writes summary.json (every documented field, a
/// 64-hex result_hash, complete = true) and a config.effective.conf that loads back to the same settings.
/// </summary>
public sealed class RunWritesSummaryAndEffectiveConfig
{
    [Fact]
    public void Quickstart_writes_a_complete_summary()
    {
        using var temp = new TempDir();
        var outDir = temp.At("out");

        var result = Fgs.RunOk("run", Repo.Quickstart, "--out", outDir, "--quiet");

        var summary = Summary.Read(outDir);
        Assert.Equal(RunCommand.Version, summary.GetProperty("fgs_version").GetString());
        Assert.Equal(Repo.Quickstart, summary.GetProperty("scenario").GetString());
        Assert.Equal("fleet", summary.GetProperty("model").GetString());
        Assert.Equal(1UL, summary.GetProperty("seed").GetUInt64());
        Assert.Equal(7_200.0, summary.GetProperty("virtual_time_s").GetDouble()); // quickstart.conf: end = 2h
        Assert.True(summary.GetProperty("wall_time_s").GetDouble() >= 0);
        Assert.True(summary.GetProperty("events").GetInt64() > 1000, "1,000 devices with churn for 2 h make thousands of events");
        Assert.True(summary.GetProperty("windows").GetInt64() > 0);
        var hash = summary.GetProperty("result_hash").GetString()!;
        Assert.Matches(new Regex("^[0-9a-f]{64}$"), hash);
        Assert.Equal(JsonValueKind.True, summary.GetProperty("complete").ValueKind);

        // stdout reports the same hash and where the results went; --quiet keeps stderr free of progress.
        Assert.Contains($"result_hash {hash}", result.Out, StringComparison.Ordinal);
        Assert.Contains(outDir, result.Out, StringComparison.Ordinal);
        Assert.True(string.IsNullOrWhiteSpace(result.Err), result.ToString());
    }

    [Fact]
    public void Quickstart_fleet_totals_are_plausible_and_match_its_tables()
    {
        using var temp = new TempDir();
        var outDir = temp.At("out");
        Fgs.RunOk("run", Repo.Quickstart, "--out", outDir, "--quiet");
        var summary = Summary.Read(outDir);

        Assert.Equal(1_000, summary.GetProperty("devices").GetInt32());
        // 2 h of 5-minute rounds starting after the first 1-minute check-in period: 23 close, the 24th is open.
        Assert.Equal(23, summary.GetProperty("rounds").GetInt32());
        var energy = summary.GetProperty("energy_j_total").GetDouble();
        // Every device idles for 2 h: between 0.0005 W (microcontroller) and 2.7 W (Raspberry Pi) each, so the fleet
        // draws a few MJ; training and radio add a small fraction.
        Assert.InRange(energy, 1e6, 2e7);
        var byTier = summary.GetProperty("energy_j_by_tier").EnumerateObject().Sum(p => p.Value.GetDouble());
        Assert.Equal(energy, byTier, energy * 1e-12);
        // Each completed update carries 25,450 float32 parameters (101,800 bytes) up.
        var updates = summary.GetProperty("updates_total").GetInt64();
        Assert.InRange(updates, 23 * 10, 23 * 26);
        Assert.True(summary.GetProperty("bytes_up_total").GetDouble() >= updates * 101_800.0);
        Assert.True(summary.GetProperty("dropouts_total").GetInt64() > 0, "microcontrollers on LoRa cannot finish in 5 minutes");

        var rounds = File.ReadAllLines(Path.Combine(outDir, "rounds.csv"));
        Assert.StartsWith("round,start_s,end_s,selected,completed,dropped_churn,dropped_battery,dropped_deadline,dropped_memory,dropped_link,bytes_up,bytes_down,energy_compute_j,energy_comm_j,energy_idle_j", rounds[0], StringComparison.Ordinal);
        Assert.Equal(24 + 1, rounds.Length);
        var devices = File.ReadAllLines(Path.Combine(outDir, "devices.csv"));
        Assert.StartsWith("id,tier,rounds_selected,rounds_completed,energy_j,battery_end_wh,online_fraction,deaths", devices[0], StringComparison.Ordinal);
        Assert.Equal(1_000 + 1, devices.Length);
        Assert.Equal(updates, rounds.Skip(1).Sum(line => long.Parse(line.Split(',')[4], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Without_quiet_progress_goes_to_stderr_and_results_to_stdout()
    {
        using var temp = new TempDir();
        var outDir = temp.At("out");

        var result = Fgs.RunOk("run", Repo.Quickstart, "--out", outDir);

        Assert.Contains("quickstart", result.Err, StringComparison.Ordinal);
        Assert.Contains("result_hash", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("result_hash", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Effective_config_loads_back_to_the_same_settings()
    {
        using var temp = new TempDir();
        var outDir = temp.At("out");
        string[] sets = ["fgs.run.seed=5", "fgs.sparse.leaves=300", "fgs.run.name=\"with space\""];

        Fgs.RunOk(["run", Repo.Quickstart, "--out", outDir, "--quiet", .. sets.SelectMany(s => new[] { "--set", s })]);

        var effective = Path.Combine(outDir, "config.effective.conf");
        Assert.True(File.Exists(effective), "config.effective.conf not written");
        var original = FgsSettings.Bind(HoconLoader.Load(Repo.Quickstart, sets).Tree, processorCount: 3);
        var reloaded = FgsSettings.Bind(HoconLoader.Load(effective).Tree, processorCount: 3);
        Assert.Equal(original, reloaded);
        Assert.Equal(5UL, reloaded.Run.Seed);
        Assert.Equal("with space", reloaded.Run.Name);

        // The file stands alone as a scenario: config show accepts it.
        var shown = Fgs.RunOk("config", "show", effective);
        Assert.Contains("leaves = 300", shown.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Running_the_effective_config_reproduces_the_result_hash()
    {
        using var temp = new TempDir();
        var first = Summary.RunAndRead(temp, Repo.Quickstart, "fgs.run.seed=3");
        var firstDir = Directory.GetDirectories(temp.Path).Single();

        var again = Summary.RunAndRead(temp, Path.Combine(firstDir, "config.effective.conf"));

        Assert.Equal(first.GetProperty("result_hash").GetString(), again.GetProperty("result_hash").GetString());
    }
}
