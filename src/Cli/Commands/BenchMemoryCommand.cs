using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using FgsActors.Simulation.Configuration;
using FgsActors.Actors.Kernel;
using FgsActors.Actors.Kernel.Protocol;
using FgsActors.Simulation.Workloads.Phold;

namespace FgsActors.Cli.Commands;

/// <summary>
/// <c>fgs bench memory</c>: creates N idle entity actors (PHOLD LPs, not started) in their partitions and
/// prints the managed-heap and resident-memory growth per entity, kernel bookkeeping included.
/// </summary>
public static class BenchMemoryCommand
{
    public static Command Create(CliContext cli)
    {
        var entities = new Option<int>("--entities") { Description = "idle entity actors to create", DefaultValueFactory = _ => 100_000 };
        var partitions = new Option<int>("--partitions") { Description = "partition schedulers (default: 4 per CPU core)", DefaultValueFactory = _ => KernelSettings.PartitionsPerCore * Environment.ProcessorCount };
        var command = new Command("memory", "memory per idle entity actor (managed heap and resident set); prints JSON") { entities, partitions };
        command.SetAction(parse => cli.Guard(() =>
        {
            var count = CliChecks.Positive(parse.GetValue(entities), "--entities");
            var partitionCount = CliChecks.Positive(parse.GetValue(partitions), "--partitions");
            var model = new PholdModel(new PholdSettings(Lps: count));
            var system = KernelHosting.CreateSystem("fgs-memory", 1);
            try
            {
                var host = KernelHosting.StartHost(system, _ => model);
                var (heapBefore, rssBefore) = Measure();
                var watch = Stopwatch.StartNew();
                KernelRunner.CreatePartitionsAsync([host], "mem", new ModelSpec(model.Name), model, partitionCount).GetAwaiter().GetResult();
                var setup = watch.Elapsed.TotalSeconds;
                var (heapAfter, rssAfter) = Measure();
                JsonOutput.WriteObject(cli.Out, json =>
                {
                    json.WriteNumber("entities", count);
                    json.WriteNumber("partitions", partitionCount);
                    json.WriteNumber("heap_bytes_per_entity", Math.Round((heapAfter - heapBefore) / (double)count, 1));
                    json.WriteNumber("rss_bytes_per_entity", Math.Round((rssAfter - rssBefore) / (double)count, 1));
                    json.WriteNumber("setup_s", Math.Round(setup, 3));
                });
                return ExitCodes.Ok;
            }
            finally
            {
                system.Terminate().Wait();
            }
        }));
        return command;
    }

    private static (long Heap, long Rss) Measure()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64);
    }
}
