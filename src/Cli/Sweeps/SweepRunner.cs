using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using FgsActors.Actors.Configuration;
using FgsActors.Cli.Hosting;
using FgsActors.Simulation.Configuration;

namespace FgsActors.Cli.Sweeps;

/// <summary>One run of a sweep: a grid point with one seed, in OUT/runs/&lt;point&gt;-seed&lt;seed&gt;/.</summary>
public sealed record SweepRun(SweepPoint Point, string Seed, string Dir, IReadOnlyList<string> Overrides)
{
    public string Name => Path.GetFileName(Dir);
}

/// <summary>
/// Runs every grid point × seed as <c>fgs run</c> would, in this process, several at once, skipping runs whose
/// summary.json says "complete": true; then writes sweep.csv, the plots and sweep.html (<see cref="SweepOutputs"/>).
/// </summary>
public static class SweepRunner
{
    /// <summary>Concurrent runs by default: half the cores, rounded up.</summary>
    public static int DefaultJobs(int processorCount) => Math.Max(1, (processorCount + 1) / 2);

    public static int Execute(CliContext cli, SweepSpec spec, string outDir, int jobs)
    {
        var runsDir = Path.Combine(outDir, "runs");
        var runs = Plan(spec, runsDir, jobs);
        Validate(runs, spec);

        try
        {
            Directory.CreateDirectory(runsDir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--out: cannot create directory '{runsDir}': {e.Message}");
        }

        var pending = new List<SweepRun>();
        var lines = new List<string>();
        foreach (var run in runs)
        {
            if (IsComplete(run.Dir)) lines.Add($"run {run.Name}: skipped (complete)");
            else pending.Add(run);
        }

        var skipped = lines.Count;

        // Metrics are checked against a finished run before the bulk of the work: an existing one, else the first.
        var probe = runs.FirstOrDefault(r => IsComplete(r.Dir));
        if (probe is null)
        {
            var first = pending[0];
            pending.RemoveAt(0);
            var (ok, line) = RunOne(cli, spec, first);
            if (!ok)
            {
                cli.Error.WriteLine(line);
                return ExitCodes.RunFailure;
            }
            CheckMetrics(spec, first);
            lines.Add(line);
        }
        else
        {
            CheckMetrics(spec, probe);
        }
        foreach (var line in lines) cli.Out.WriteLine(line);

        var failures = RunAll(cli, spec, pending, jobs);
        if (failures > 0)
        {
            cli.Error.WriteLine($"error: {failures} of {runs.Count} runs failed; sweep.csv not written. Rerun the same command to retry only the missing runs.");
            return ExitCodes.RunFailure;
        }

        var table = Collect(spec, runs);
        var written = SweepOutputs.WriteAll(spec, table, outDir, warning => cli.Error.WriteLine($"warning: {warning}"));
        cli.Out.WriteLine($"{runs.Count} runs ({skipped} skipped as complete), {spec.Points().Count} grid points × {spec.Seeds.Count} seeds");
        foreach (var file in written) cli.Out.WriteLine($"wrote {file}");
        return ExitCodes.Ok;
    }

    public static IReadOnlyList<SweepRun> Plan(SweepSpec spec, string runsDir, int jobs)
    {
        // Several runs at once share the cores: one kernel worker each (results do not depend on the layout).
        IReadOnlyList<string> layout = jobs > 1 ? ["fgs.kernel.workers=1"] : [];
        return spec.Points()
            .SelectMany(point => spec.Seeds.Select(seed => new SweepRun(point, seed,
                Path.Combine(runsDir, $"{point.Name}-seed{SweepSpec.SafeName(seed)}"), [.. layout, .. spec.Overrides(point, seed)])))
            .ToList();
    }

    /// <summary>Loads and binds every run's configuration, so a bad key or value fails before anything runs.</summary>
    private static void Validate(IReadOnlyList<SweepRun> runs, SweepSpec spec)
    {
        foreach (var run in runs)
        {
            try
            {
                var loaded = HoconLoader.Load(spec.ScenarioPath, run.Overrides);
                FgsSettings.Bind(loaded.Tree, Environment.ProcessorCount);
            }
            catch (ConfigException e)
            {
                throw new UsageException($"{spec.SweepPath}: run {run.Name}: {e.Message}");
            }
        }
    }

    public static bool IsComplete(string dir)
    {
        var path = Path.Combine(dir, RunDirectory.SummaryFile);
        if (!File.Exists(path)) return false;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("complete", out var complete) && complete.ValueKind == JsonValueKind.True;
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return false;
        }
    }

    private static int RunAll(CliContext cli, SweepSpec spec, List<SweepRun> pending, int jobs)
    {
        var queue = new ConcurrentQueue<SweepRun>(pending);
        var failures = 0;
        var gate = new object();
        var threads = Enumerable.Range(0, Math.Min(jobs, Math.Max(1, pending.Count))).Select(_ => new Thread(() =>
        {
            while (queue.TryDequeue(out var run))
            {
                var (ok, line) = RunOne(cli, spec, run);
                lock (gate)
                {
                    if (ok) cli.Out.WriteLine(line);
                    else
                    {
                        failures++;
                        cli.Error.WriteLine(line);
                    }
                }
            }
        })
        { IsBackground = true, Name = "fgs-sweep" }).ToList();
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();
        return failures;
    }

    // One run exactly as `fgs run <scenario> --out DIR --quiet --set ...` would do it, in this process. A run that an
    // interrupted sweep left with a checkpoint is continued from it (`fgs run --resume DIR`); one whose checkpoint
    // cannot be used starts again.
    private static (bool Ok, string Line) RunOne(CliContext cli, SweepSpec spec, SweepRun run)
    {
        var summary = Path.Combine(run.Dir, RunDirectory.SummaryFile);
        string[] fresh = ["run", spec.ScenarioPath, "--out", run.Dir, "--quiet", .. run.Overrides.SelectMany(s => new[] { "--set", s })];
        var resumable = File.Exists(ResumedRun.CheckpointPathIn(run.Dir)) && File.Exists(Path.Combine(run.Dir, ResumedRun.EffectiveConfigFile));
        var watch = Stopwatch.StartNew();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var command = resumable ? ["run", "--resume", run.Dir, "--quiet"] : fresh;
        int code;
        try
        {
            if (!resumable && File.Exists(summary)) File.Delete(summary); // an incomplete run's summary: this run replaces it
            code = FgsCli.Run(command, output, error);
            if (resumable && code == ExitCodes.BadInput)
            {
                RunCheckpoints.Remove(run.Dir);
                if (File.Exists(summary)) File.Delete(summary);
                command = fresh;
                code = FgsCli.Run(command, output, error);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            error.WriteLine(e.Message);
            code = ExitCodes.RunFailure;
        }
        try
        {
            Directory.CreateDirectory(run.Dir);
            File.WriteAllText(Path.Combine(run.Dir, "sweep-run.log"),
                $"fgs {string.Join(' ', command)}\nexit {code}\n{output}{error}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The log is a convenience; the run's own files are what counts.
        }
        var seconds = watch.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture);
        return code == ExitCodes.Ok && IsComplete(run.Dir)
            ? (true, $"run {run.Name}: done in {seconds} s")
            : (false, $"run {run.Name} failed (exit {code}): {error.ToString().Trim()}");
    }

    private static void CheckMetrics(SweepSpec spec, SweepRun run)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.Dir, RunDirectory.SummaryFile)));
        var missing = spec.Metrics.Where(m => Metric(doc.RootElement, m) is null).ToList();
        if (missing.Count == 0) return;
        var known = doc.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number).Select(p => p.Name);
        throw new UsageException($"{spec.SweepPath}: 'sweep.metrics': {string.Join(", ", missing.Select(m => $"'{m}'"))} not a number in summary.json of {run.Name} (numbers there: {string.Join(", ", known)})");
    }

    /// <summary>A number in summary.json by name, dotted for nested objects (energy_j_by_tier.gateway); null if absent.</summary>
    public static double? Metric(JsonElement summary, string name)
    {
        var element = summary;
        foreach (var part in name.Split('.'))
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(part, out element)) return null;
        }
        return element.ValueKind == JsonValueKind.Number ? element.GetDouble() : null;
    }

    private static SweepTable Collect(SweepSpec spec, IReadOnlyList<SweepRun> runs)
    {
        var summaries = runs.ToDictionary(r => r, r =>
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(r.Dir, RunDirectory.SummaryFile)));
            return spec.Metrics.ToDictionary(m => m, m => Metric(doc.RootElement, m)
                ?? throw new UsageException($"'sweep.metrics': '{m}' is not a number in summary.json of {r.Name}"));
        });
        var rows = new List<SweepRow>();
        foreach (var point in spec.Points())
        {
            var pointRuns = runs.Where(r => r.Point.Index == point.Index).ToList();
            foreach (var metric in spec.Metrics)
                rows.Add(new SweepRow(point, metric, SweepStats.Of(pointRuns.Select(r => summaries[r][metric]).ToList())));
        }
        return new SweepTable(spec.Axes, rows);
    }
}
