using System.CommandLine;
using System.Reflection;
using FgsActors.Actors.Configuration;
using FgsActors.Actors.Kernel;
using FgsActors.Cli.Hosting;
using FgsActors.Cli.Reporting;
using FgsActors.Simulation.Configuration;
using FgsActors.Simulation.Checkpoints;
using FgsActors.Simulation.Federation;
using FgsActors.Simulation.Results;
using FgsActors.Simulation.Time;
using FgsActors.Simulation.Workloads;

namespace FgsActors.Cli.Commands;

/// <summary>
/// <c>fgs run</c>: loads and validates the scenario, writes config.effective.conf, runs the model on the
/// actor kernel and writes summary.json with the run's result_hash.
/// </summary>
public static class RunCommand
{
    public static Command Create(CliContext cli)
    {
        var scenario = new Argument<string?>("scenario")
        {
            Description = "scenario file (HOCON), e.g. config/scenarios/quickstart.conf (none with --resume)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var output = new Option<string?>("--out") { Description = "output directory (default: fgs.output.dir, else runs/<name>-<timestamp>)" };
        var sets = CommonOptions.Set();
        var quiet = new Option<bool>("--quiet") { Description = "no progress lines" };
        var resume = new Option<string?>("--resume")
        {
            Description = "continue the interrupted run in this directory from its checkpoint, with its own configuration (same result_hash as an uninterrupted run)",
        };
        var traceOption = new Option<bool>("--trace")
        {
            Description = "also write events.parquet: every processed event in the kernel's order, for debugging (held in memory "
                + "until the run ends, 36 bytes per event; warns past 50 million events)",
        };
        var command = new Command("run", "run a scenario and write its results") { scenario, output, sets, quiet, resume, traceOption };
        command.SetAction(parse => cli.Guard(() =>
        {
            var resumed = OpenResume(parse.GetValue(resume), parse.GetValue(scenario), parse.GetValue(output), parse.GetValue(sets));
            var scenarioPath = resumed?.Scenario ?? parse.GetValue(scenario)
                ?? throw new UsageException("'run' needs a scenario file (e.g. config/scenarios/quickstart.conf), or --resume <run directory>");
            var loaded = resumed is null ? HoconLoader.Load(scenarioPath, parse.GetValue(sets)) : HoconLoader.Load(resumed.ConfigPath, null);
            var settings = FgsSettings.Bind(loaded.Tree, Environment.ProcessorCount);
            // Real training loads its data and builds its trainers before anything is written, so bad data files fail
            // the run with nothing on disk.
            using var learning = settings.Run.Model == RunSettings.Fleet && settings.Training.Enabled
                ? LearningSetup.Build(settings, settings.ToFleetScenario())
                : null;
            var model = learning is null ? WorkloadCatalog.Create(settings) : new FleetModel(learning.Scenario);
            var runName = resumed is null ? RunDirectory.RunName(settings.Run.Name, scenarioPath) : Path.GetFileName(Path.GetFullPath(resumed.Dir));
            // A resumed run reads and checks its checkpoint before it touches its directory.
            var restart = resumed is null ? null : RunCheckpoints.Load(resumed, model);
            string dir;
            string fingerprint;
            if (resumed is null)
            {
                dir = RunDirectory.Prepare(parse.GetValue(output), settings.Output.Dir,
                    loaded.Tree.Find(FgsKeys.OutputDir)?.Origin ?? "reference.conf", runName, DateTime.UtcNow);
                var effective = ConfigRenderer.Render(loaded.Tree);
                File.WriteAllText(Path.Combine(dir, ResumedRun.EffectiveConfigFile), effective);
                fingerprint = ResumedRun.FingerprintOf(effective);
                learning?.WritePartition(dir);
            }
            else
            {
                dir = resumed.Dir;
                fingerprint = resumed.Fingerprint;
            }
            var checkpoints = RunCheckpoints.Sink(model, dir, fingerprint, Version, settings.Output.CheckpointEveryRounds, restart?.Info.Progress ?? 0,
                settings.Output.CheckpointMinIntervalSeconds);

            // A live panel on a terminal, plain lines otherwise (pipes, CI, tests), nothing with --quiet.
            using var progress = RunProgress.Create(cli.Error, parse.GetValue(quiet), model.EndTime,
                model is FleetModel live ? FleetSnapshots.From(live) : null,
                baseline: restart is null ? null : new ProgressBaseline(restart.Snapshot.NextEventTime, restart.Snapshot.EventsProcessed));
            if (progress.Kind != ProgressKind.None)
                cli.Error.WriteLine($"fgs run {runName}: model {model.Name}, {model.EntityCount:N0} entities, {settings.Kernel.Partitions} partitions on {settings.Kernel.Workers} workers, until t={VirtualTime.ToSeconds(model.EndTime)}s");
            if (learning?.Generator?.Judge is ReferenceJudge judge && progress.Kind != ProgressKind.None)
                cli.Error.WriteLine($"reference classifier: {judge.Load.Message}");
            if (restart is not null && progress.Kind != ProgressKind.None)
                cli.Error.WriteLine($"resuming from {RunCheckpoints.Describe(restart.Info)}");
            // Ctrl-C and SIGTERM stop the run at its next window boundary; what was simulated so far is written below
            // and summary.json says it is incomplete.
            using var stop = new StopSignals();
            var trace = parse.GetValue(traceOption) ? new EventTraceRecorder(onLarge: events => WarnLargeTrace(cli, events)) : null;
            var report = KernelRunner.RunLocalAsync(model, settings.Kernel.Partitions, settings.Kernel.Workers,
                    progress.Kind == ProgressKind.None ? null : progress.Report, shutDown: !cli.ProcessExitsAfter, stopRequest: stop.Token,
                    hooks: (trace?.Hooks ?? new LocalRunHooks()) with { Checkpoints = checkpoints, Resume = restart?.Snapshot })
                .GetAwaiter().GetResult();
            progress.Complete();

            var r = report.Result;
            long? stoppedAt = report.Stopped ? r.LastEventTime : null;
            var fleet = model is FleetModel fleetModel ? FleetResults.Collect(fleetModel, stoppedAt) : null;
            if (fleet is not null)
            {
                FleetOutputs.WriteTables(fleet, dir);
                ParquetTables.Write(fleet, dir);
                learning?.WriteGeneratorOutputs(dir);
            }
            // The trace of a stopped run holds what was processed, like its tables.
            long? traced = null;
            if (trace is not null)
            {
                if (progress.Kind != ProgressKind.None) cli.Error.WriteLine($"writing {EventTraceParquet.FileName}: {trace.Count:N0} events");
                traced = EventTraceParquet.Write(trace, EventTraceLabels.For(model), Path.Combine(dir, EventTraceParquet.FileName));
            }
            var hash = new ResultHash()
                .Add("model", model.Name)
                .Add("seed", settings.Run.Seed)
                .Add("end_ticks", model.EndTime)
                .Add("events", r.Events)
                .Add("event_digest", r.EventDigest)
                .Add("last_event_ticks", r.LastEventTime)
                .Add("fleet_digest", fleet?.Digest() ?? "")
                .Compute();
            var summary = new RunSummary(Version, scenarioPath, model.Name, settings.Run.Seed, VirtualTime.ToSeconds(model.EndTime),
                report.WallSeconds, report.SetupSeconds, r.Events, r.Windows, report.Partitions, settings.Kernel.Workers, r.Checksum, hash,
                Complete: !report.Stopped)
            {
                Stopped = stoppedAt is { } at ? (stop.Signal ?? "stop", VirtualTime.ToSeconds(at)) : null,
                Checkpoint = report.Stopped && checkpoints?.Written > 0 ? CheckpointFile.FileName : null,
                ResumedAtSeconds = restart is null ? null : VirtualTime.ToSeconds(restart.Info.LastEventTime),
                Trace = traced is { } rows ? (EventTraceParquet.FileName, rows) : null,
                Totals = fleet is null ? null : json =>
                {
                    FleetOutputs.WriteTotals(fleet, json, (model as FleetModel)?.Scenario.Learning?.TargetAccuracy);
                    if (learning is not null) TrainingFigures(json, learning, report.WallSeconds);
                    if (checkpoints is { Written: > 0 })
                    {
                        json.WriteNumber("checkpoints_written", checkpoints.Written);
                        json.WriteNumber("checkpoint_bytes", checkpoints.LastBytes);
                        json.WriteNumber("checkpoint_write_s", Math.Round(checkpoints.WriteSeconds, 3));
                    }
                },
            };
            summary.Write(Path.Combine(dir, RunDirectory.SummaryFile));
            // Plots read the run's files, summary.json included (the run's name, the task, the target), then the report
            // embeds them.
            if (fleet is not null)
            {
                WritePlots(cli, dir);
                WriteReport(cli, dir);
            }
            // A resumed run's rate counts the events it processed itself.
            var eventsHere = r.Events - (restart?.Snapshot.EventsProcessed ?? 0);
            cli.Out.WriteLine($"{r.Events:N0} events in {report.WallSeconds:F2} s ({eventsHere / Math.Max(report.WallSeconds, 1e-9):N0} events/s), {r.Windows:N0} windows");
            cli.Out.WriteLine($"result_hash {hash}");
            cli.Out.WriteLine($"results in {dir}");
            if (checkpoints?.Failure is { } failure) cli.Error.WriteLine($"warning: {failure}");
            if (stoppedAt is { } stoppedTicks)
            {
                cli.Error.WriteLine($"stopped by {stop.Signal} at t={VirtualTime.ToSeconds(stoppedTicks)}s of {VirtualTime.ToSeconds(model.EndTime)}s: "
                    + "the results so far are written and summary.json is marked \"complete\": false");
                if (checkpoints?.Written > 0) cli.Error.WriteLine($"continue it with: fgs run --resume {dir}");
                return stop.Signal == StopSignals.Terminate ? ExitCodes.Terminated : ExitCodes.Interrupted;
            }
            // A complete run needs no checkpoint (it can be large).
            RunCheckpoints.Remove(dir);
            return ExitCodes.Ok;
        }));
        return command;
    }

    // --resume continues a run with its own configuration in its own directory: a scenario, --set or --out would change that.
    private static ResumedRun? OpenResume(string? resumeDir, string? scenario, string? output, string[]? sets)
    {
        if (resumeDir is null) return null;
        if (scenario is not null)
            throw new UsageException($"--resume continues a run with its own {ResumedRun.EffectiveConfigFile}: give no scenario file with it (got '{scenario}')");
        if (sets is { Length: > 0 }) throw new UsageException("--set cannot be combined with --resume: a resumed run keeps the configuration its checkpoint was written for");
        if (output is not null) throw new UsageException("--out cannot be combined with --resume: the run continues in its own directory");
        return ResumedRun.Open(resumeDir);
    }

    // Where a real-training run's wall time went. Training: time during which at least one trainer ran a job; evaluation:
    // the global model on the test set (on the aggregator's thread). The rest of the simulation's wall time is the
    // simulator's own: events, windows, waiting on nothing. Trainers' summed busy time shows how well they overlapped.
    private static void TrainingFigures(System.Text.Json.Utf8JsonWriter json, LearningSetup learning, double wallSeconds)
    {
        var anyBusy = learning.Pool.AnyBusySeconds;
        var evaluation = learning.EvaluationSeconds;
        var outside = Math.Max(0, wallSeconds - anyBusy - evaluation);
        json.WriteString("training_task", learning.TaskName);
        if (learning.Generator is { } generator)
        {
            json.WriteString("generator", generator.Model.Name);
            json.WriteNumber("generator_parameters", generator.Model.ParameterCount);
            if (generator.Judge is ReferenceJudge judge) json.WriteString("reference_classifier_sha256", judge.ClassifierHash);
            if (generator.Policy is { } policy)
            {
                json.WriteNumber("revalidation_flags", policy.Flags);
                json.WriteNumber("revalidation_retrainings", policy.Retrainings);
            }
        }
        json.WriteNumber("trainer_workers", learning.Pool.Workers);
        json.WriteNumber("trainers_busy_sum_s", Math.Round(learning.Pool.BusySeconds, 3));
        json.WriteNumber("training_s", Math.Round(anyBusy, 3));
        json.WriteNumber("evaluation_s", Math.Round(evaluation, 3));
        json.WriteNumber("outside_training_s", Math.Round(outside, 3));
        json.WriteNumber("outside_training_share", anyBusy + evaluation > 0 ? Math.Round(outside / (anyBusy + evaluation), 4) : 0);
    }

    // Called once, on a partition's thread, when the trace passes EventTraceRecorder.LargeTraceEvents: the run goes on (its
    // trace may still fit), but the user learns what it costs while there is time to stop it (Ctrl-C keeps what was traced).
    private static void WarnLargeTrace(CliContext cli, long events) =>
        cli.Error.WriteLine($"warning: --trace has recorded {events:N0} events, about {events * EventTraceRecorder.BytesPerEvent / 1e9:0.0} GB of memory "
            + $"held until the run ends and {EventTraceParquet.FileName} is written; Ctrl-C stops the run and keeps the trace so far");

    // Plots are built from the files just written (docs/results.md). A plotting problem costs the plots, not the run.
    private static void WritePlots(CliContext cli, string dir)
    {
        try
        {
            RunPlots.WriteAll(dir);
            if (RunPlots.FontWarning is { } warning) cli.Error.WriteLine($"warning: {warning}");
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            cli.Error.WriteLine($"warning: plots were not written: {e.Message}");
        }
    }

    // report.html needs summary.json, so it comes last; like the plots, a problem with it costs the report, not the run.
    private static void WriteReport(CliContext cli, string dir)
    {
        try
        {
            RunReport.Write(dir);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            cli.Error.WriteLine($"warning: report.html was not written: {e.Message}");
        }
    }

    public static string Version =>
        typeof(RunCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
