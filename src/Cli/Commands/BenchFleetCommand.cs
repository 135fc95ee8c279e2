using System.CommandLine;
using System.Diagnostics;
using FgsActors.Actors.Configuration;
using FgsActors.Actors.Kernel;
using FgsActors.Simulation.Configuration;
using FgsActors.Simulation.Federation;
using FgsActors.Simulation.Kernel;
using FgsActors.Simulation.Time;

namespace FgsActors.Cli.Commands;

/// <summary>
/// <c>fgs bench fleet &lt;scenario&gt;</c>: runs a fleet scenario twice in one process — first on the in-process
/// sequential engine (one partition, no actors, one thread: the reference), then on the actor kernel with the
/// configured layout — checks that both produce the same events and tables, and prints both timings as JSON.
/// Peak memory of a whole run is measured outside (bench/fleet.sh uses /usr/bin/time on <c>fgs run</c>).
/// </summary>
public static class BenchFleetCommand
{
    public static Command Create(CliContext cli)
    {
        var scenario = new Argument<string>("scenario") { Description = "fleet scenario file, e.g. config/scenarios/fleet-100k.conf" };
        var sets = CommonOptions.Set();
        var command = new Command("fleet", "a fleet scenario on the sequential reference engine and on the actor kernel; prints both as JSON")
        {
            scenario, sets,
        };
        command.SetAction(parse => cli.Guard(() =>
        {
            var loaded = HoconLoader.Load(parse.GetValue(scenario)!, parse.GetValue(sets));
            var settings = FgsSettings.Bind(loaded.Tree, Environment.ProcessorCount);
            if (settings.Run.Model != RunSettings.Fleet)
                throw new UsageException($"fgs bench fleet needs a fleet scenario (fgs.run.model = fleet), found model '{settings.Run.Model}'");
            var scenarioSettings = settings.ToFleetScenario();

            var watch = Stopwatch.StartNew();
            var referenceModel = new FleetModel(scenarioSettings);
            var reference = LocalKernel.Run(referenceModel, partitions: 1);
            var referenceSeconds = watch.Elapsed.TotalSeconds;
            var referenceDigest = FleetResults.Collect(referenceModel).Digest();
            referenceModel = null;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);

            var model = new FleetModel(scenarioSettings);
            var report = KernelRunner.RunLocalAsync(model, settings.Kernel.Partitions, settings.Kernel.Workers).GetAwaiter().GetResult();
            var digest = FleetResults.Collect(model).Digest();
            var r = report.Result;
            if (r.Events != reference.Events || r.EventDigest != reference.EventDigest || digest != referenceDigest)
                throw new KernelRunFailedException($"the actor kernel's results differ from the sequential reference's ({r.Events} vs {reference.Events} events, tables {digest} vs {referenceDigest})");

            JsonOutput.WriteObject(cli.Out, json =>
            {
                json.WriteNumber("devices", scenarioSettings.Devices.Count);
                json.WriteNumber("virtual_s", VirtualTime.ToSeconds(scenarioSettings.EndTicks));
                json.WriteNumber("events", r.Events);
                json.WriteString("tables_digest", digest);
                json.WriteNumber("reference_s", Math.Round(referenceSeconds, 3));
                json.WriteNumber("reference_events_per_s", Math.Round(reference.Events / Math.Max(referenceSeconds, 1e-9)));
                json.WriteNumber("partitions", report.Partitions);
                json.WriteNumber("workers", settings.Kernel.Workers);
                json.WriteNumber("windows", r.Windows);
                json.WriteNumber("setup_s", Math.Round(report.SetupSeconds, 3));
                json.WriteNumber("run_s", Math.Round(report.WallSeconds, 3));
                json.WriteNumber("engine_events_per_s", Math.Round(r.Events / Math.Max(report.WallSeconds, 1e-9)));
                json.WriteNumber("ratio_run_vs_reference", Math.Round(referenceSeconds / Math.Max(report.WallSeconds, 1e-9), 3));
            });
            return ExitCodes.Ok;
        }));
        return command;
    }
}
