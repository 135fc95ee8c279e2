using System.CommandLine;
using FgsActors.Cli.Sweeps;

namespace FgsActors.Cli.Commands;

/// <summary>
/// <c>fgs sweep</c>: runs a base scenario over a grid of config values × seeds (docs/sweeps.md), resumably, and writes
/// sweep.csv (mean, std, 95 % CI per grid point and metric), comparison plots and sweep.html.
/// </summary>
public static class SweepCommand
{
    public static Command Create(CliContext cli)
    {
        var file = new Argument<string>("sweep") { Description = "sweep file (HOCON), e.g. config/sweeps/quickstart-churn.conf" };
        var output = new Option<string?>("--out") { Description = "output directory (default: runs/sweep-<sweep file name>); rerunning into it skips complete runs" };
        var jobs = new Option<int?>("--jobs") { Description = $"runs at once (default: half the cores, rounded up; {SweepRunner.DefaultJobs(Environment.ProcessorCount)} here)" };
        var command = new Command("sweep", "run a scenario over a grid of values and seeds and compare the results") { file, output, jobs };
        command.SetAction(parse => cli.Guard(() =>
        {
            var path = parse.GetValue(file)!;
            var spec = SweepSpec.Load(path);
            var n = parse.GetValue(jobs) ?? SweepRunner.DefaultJobs(Environment.ProcessorCount);
            if (n < 1) throw new UsageException($"--jobs: expected a whole number of at least 1, found {n}");
            var outDir = parse.GetValue(output) ?? Path.Combine("runs", "sweep-" + Path.GetFileNameWithoutExtension(path));
            if (File.Exists(outDir)) throw new UsageException($"--out: '{outDir}' is a file; expected a directory for the sweep's results");
            return SweepRunner.Execute(cli, spec, outDir, n);
        }));
        return command;
    }
}
