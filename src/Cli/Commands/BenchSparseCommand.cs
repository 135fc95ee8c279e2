using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FgsActors.Simulation.Configuration;
using FgsActors.Actors.Kernel;
using FgsActors.Simulation.Time;
using FgsActors.Simulation.Workloads.Sparse;

namespace FgsActors.Cli.Commands;

/// <summary>
/// <c>fgs bench sparse</c>: a hub and N leaves with rare traffic on the actor kernel; prints events, windows
/// and events per window, the figure that shows whether output promises keep windows long.
/// </summary>
public static class BenchSparseCommand
{
    public static Command Create(CliContext cli)
    {
        var leaves = new Option<int>("--leaves") { Description = "leaf entities (plus one hub)", DefaultValueFactory = _ => 100_000 };
        var meanGap = new Option<double>("--mean-gap") { Description = "mean gap between a leaf's local events, virtual seconds", DefaultValueFactory = _ => 3600.0 };
        var sendFraction = new Option<double>("--send-fraction") { Description = "fraction of local events that message the hub", DefaultValueFactory = _ => 0.01 };
        var latencyMin = new Option<double>("--latency-min") { Description = "minimum link latency (the lookahead), seconds", DefaultValueFactory = _ => 0.001 };
        var jitterMean = new Option<double>("--jitter-mean") { Description = "mean exponential jitter on top, seconds", DefaultValueFactory = _ => 0.001 };
        var end = new Option<double>("--end") { Description = "virtual end time, seconds", DefaultValueFactory = _ => 86_400.0 };
        var seed = new Option<ulong>("--seed") { Description = "run seed", DefaultValueFactory = _ => 1UL };
        var partitions = new Option<int>("--partitions") { Description = "partition schedulers (default: 4 per CPU core, as fgs.kernel.partitions = auto)", DefaultValueFactory = _ => KernelSettings.PartitionsPerCore * Environment.ProcessorCount };
        var workers = new Option<int>("--workers") { Description = "threads running partitions (default: CPU cores)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("sparse", "hub + leaves with rare messages on the actor kernel; prints events per window as JSON")
        {
            leaves, meanGap, sendFraction, latencyMin, jitterMean, end, seed, partitions, workers,
        };
        command.SetAction(parse => cli.Guard(() =>
        {
            var settings = new SparseSettings(
                Leaves: parse.GetValue(leaves),
                MeanGapTicks: Ticks(parse.GetValue(meanGap), "--mean-gap"),
                SendFraction: parse.GetValue(sendFraction),
                LatencyMinTicks: Ticks(parse.GetValue(latencyMin), "--latency-min"),
                JitterMeanTicks: Ticks(parse.GetValue(jitterMean), "--jitter-mean"),
                EndTicks: Ticks(parse.GetValue(end), "--end"),
                Seed: parse.GetValue(seed));
            if (settings.Validate() is { } problem) throw new UsageException($"--{problem.Key}: {problem.Message}");
            var partitionCount = CliChecks.Positive(parse.GetValue(partitions), "--partitions");
            var workerCount = CliChecks.Positive(parse.GetValue(workers), "--workers");
            var report = KernelRunner.RunLocalAsync(new SparseModel(settings), partitionCount, workerCount).GetAwaiter().GetResult();
            Print(cli.Out, settings, report);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static long Ticks(double seconds, string option)
    {
        var largest = VirtualTime.ToSeconds(VirtualTime.Infinity - 1);
        return double.IsFinite(seconds) && Math.Abs(seconds) < largest
            ? VirtualTime.FromSeconds(seconds)
            : throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{option}: expected a number of seconds below {largest:E3} (the int64-nanosecond range), found {seconds}"));
    }

    private static void Print(TextWriter output, SparseSettings settings, KernelRunReport report)
    {
        JsonOutput.WriteObject(output, json =>
        {
            var r = report.Result;
            json.WriteNumber("leaves", settings.Leaves);
            json.WriteNumber("virtual_s", VirtualTime.ToSeconds(settings.EndTicks));
            json.WriteNumber("partitions", report.Partitions);
            json.WriteNumber("events", r.Events);
            json.WriteNumber("windows", r.Windows);
            json.WriteNumber("events_per_window", Math.Round(r.Events / (double)Math.Max(1, r.Windows), 2));
            json.WriteNumber("events_per_s", Math.Round(r.Events / Math.Max(report.WallSeconds, 1e-9)));
            json.WriteNumber("wall_s", Math.Round(report.WallSeconds, 3));
            json.WriteNumber("setup_s", Math.Round(report.SetupSeconds, 3));
            json.WriteString("checksum", r.Checksum);
        });
    }
}
