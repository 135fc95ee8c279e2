using System.CommandLine;
using System.Text.Json;
using FgsActors.Simulation.Configuration;
using FgsActors.Actors.Kernel;
using FgsActors.Simulation.Workloads.Phold;

namespace FgsActors.Cli.Commands;

/// <summary>
/// <c>fgs bench phold</c>: PHOLD on the actor kernel and, in the same process, the sequential reference over
/// the same random streams; prints one JSON object with both and their speed ratio.
/// </summary>
public static class BenchPholdCommand
{
    public static Command Create(CliContext cli)
    {
        var lps = new Option<int>("--lps") { Description = "number of logical processes (one actor each)", DefaultValueFactory = _ => 100_000 };
        var eventsPerLp = new Option<int>("--events-per-lp") { Description = "initial events per LP", DefaultValueFactory = _ => 1 };
        var remote = new Option<double>("--remote") { Description = "probability that an event goes to a random LP", DefaultValueFactory = _ => 0.9 };
        var lookahead = new Option<double>("--lookahead") { Description = "minimum delay, virtual seconds", DefaultValueFactory = _ => 0.1 };
        var mean = new Option<double>("--mean") { Description = "mean delay (lookahead + exponential), virtual seconds", DefaultValueFactory = _ => 1.0 };
        var end = new Option<double>("--end") { Description = "virtual end time, seconds", DefaultValueFactory = _ => 20.0 };
        var seed = new Option<ulong>("--seed") { Description = "run seed", DefaultValueFactory = _ => 1UL };
        var partitions = new Option<int>("--partitions") { Description = "partition schedulers (default: 4 per CPU core, as fgs.kernel.partitions = auto)", DefaultValueFactory = _ => KernelSettings.PartitionsPerCore * Environment.ProcessorCount };
        var workers = new Option<int>("--workers") { Description = "threads running partitions (default: CPU cores)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var noReference = new Option<bool>("--no-reference") { Description = "skip the sequential reference (for very large runs)" };
        var noWarmup = new Option<bool>("--no-warmup") { Description = "skip the short warm-up run of both engines before measuring" };
        var delivery = new Option<EntityDelivery>("--delivery") { Description = "how schedulers hand events to entity actors: Direct (cell invoke) or Mailbox (Tell, inline dispatcher)", DefaultValueFactory = _ => EntityDelivery.Direct };

        var command = new Command("phold", "PHOLD on the actor kernel vs. a sequential binary-heap reference; prints JSON")
        {
            lps, eventsPerLp, remote, lookahead, mean, end, seed, partitions, workers, noReference, noWarmup, delivery,
        };
        command.SetAction(parse => cli.Guard(() =>
        {
            var settings = new PholdSettings(parse.GetValue(lps), parse.GetValue(eventsPerLp), parse.GetValue(remote),
                parse.GetValue(lookahead), parse.GetValue(mean), parse.GetValue(end), parse.GetValue(seed));
            if (settings.Validate() is { } problem) throw new UsageException($"--{problem.Key}: {problem.Message}");
            var partitionCount = CliChecks.Positive(parse.GetValue(partitions), "--partitions");
            var workerCount = CliChecks.Positive(parse.GetValue(workers), "--workers");

            var withReference = !parse.GetValue(noReference);
            if (!parse.GetValue(noWarmup))
            {
                // The JIT compiles hot code in tiers (with profile-guided optimisation) over the first second or so;
                // a short run of both engines first means the measured runs compare optimised code with optimised code.
                var small = settings with { Lps = Math.Min(settings.Lps, 20_000), EndSeconds = Math.Min(settings.EndSeconds, 20) };
                KernelRunner.RunLocalAsync(new PholdModel(small), partitionCount, workerCount, delivery: parse.GetValue(delivery)).GetAwaiter().GetResult();
                if (withReference) SequentialPhold.Run(small);
            }
            // The reference runs first, on a heap the engine's actors have not filled.
            SequentialPhold.Result? reference = withReference ? SequentialPhold.Run(settings) : null;
            var engine = KernelRunner.RunLocalAsync(new PholdModel(settings), partitionCount, workerCount, delivery: parse.GetValue(delivery)).GetAwaiter().GetResult();
            Print(cli.Out, settings, engine, reference);
            if (reference is not null && (reference.Events != engine.Result.Events || reference.Digest != engine.Result.EventDigest))
            {
                cli.Error.WriteLine("error: the engine and the sequential reference disagree (events or checksum)");
                return ExitCodes.RunFailure;
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void Print(TextWriter output, PholdSettings settings, KernelRunReport engine, SequentialPhold.Result? reference)
    {
        JsonOutput.WriteObject(output, json =>
        {
            json.WriteStartObject("engine");
            json.WriteNumber("events", engine.Result.Events);
            json.WriteNumber("wall_s", Math.Round(engine.WallSeconds, 4));
            var engineRate = engine.Result.Events / Math.Max(engine.WallSeconds, 1e-9);
            json.WriteNumber("events_per_s", Math.Round(engineRate));
            json.WriteNumber("windows", engine.Result.Windows);
            json.WriteNumber("setup_s", Math.Round(engine.SetupSeconds, 4));
            json.WriteString("checksum", engine.Result.Checksum);
            json.WriteNumber("partitions", engine.Partitions);
            if (engine.Memory is { } gc)
            {
                // The simulation itself (set-up excluded): collections and bytes allocated per processed event.
                json.WriteNumber("gc_gen0", gc.Gen0);
                json.WriteNumber("gc_gen2", gc.Gen2);
                json.WriteNumber("alloc_bytes_per_event", Math.Round(gc.AllocatedBytes / (double)Math.Max(1, engine.Result.Events), 1));
            }
            json.WriteEndObject();
            if (reference is not null)
            {
                json.WriteStartObject("reference");
                json.WriteNumber("events", reference.Events);
                json.WriteNumber("wall_s", Math.Round(reference.WallSeconds, 4));
                var referenceRate = reference.Events / Math.Max(reference.WallSeconds, 1e-9);
                json.WriteNumber("events_per_s", Math.Round(referenceRate));
                json.WriteString("checksum", reference.Digest.ToString("x16", System.Globalization.CultureInfo.InvariantCulture));
                json.WriteEndObject();
                json.WriteNumber("ratio", Math.Round(engineRate / referenceRate, 3));
            }
            json.WriteStartObject("settings");
            json.WriteNumber("lps", settings.Lps);
            json.WriteNumber("events_per_lp", settings.EventsPerLp);
            json.WriteNumber("remote", settings.Remote);
            json.WriteNumber("lookahead", settings.LookaheadSeconds);
            json.WriteNumber("mean", settings.MeanSeconds);
            json.WriteNumber("end", settings.EndSeconds);
            json.WriteNumber("seed", settings.Seed);
            json.WriteEndObject();
        });
    }
}
