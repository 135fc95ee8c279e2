using System.CommandLine;
using System.Diagnostics;
using FgsActors.Actors.Configuration;
using FgsActors.Actors.Training;
using FgsActors.Cli.Hosting;
using FgsActors.Models.Data;
using FgsActors.Models.Federated;
using FgsActors.Models.Learning;
using FgsActors.Models.Torch;
using FgsActors.Simulation.Configuration;

namespace FgsActors.Cli.Commands;

/// <summary>
/// <c>fgs bench generative &lt;scenario&gt;</c>: the scenario's generator trained federatedly (every client every round,
/// K local steps each, FedGAN averaging) and, in the same run, centrally on the pooled data of the same clients for
/// the same number of sample passes (one client holding every shard, clients × K steps per round). Both end with the
/// same evaluation (same reference classifier, same evaluation noise); prints JSON with FID, IS, coverage and
/// conditional accuracy of both and the ratio of the FIDs. The fleet is not simulated: this isolates the cost of
/// federation to the model's fidelity (docs/generative.md).
/// </summary>
public static class BenchGenerativeCommand
{
    public static Command Create(CliContext cli)
    {
        var scenario = new Argument<string>("scenario") { Description = "a generator scenario, e.g. config/scenarios/gen-cvae-dir05.conf" };
        var rounds = new Option<int?>("--rounds") { Description = "rounds (default: the scenario's fgs.aggregator.max-rounds)" };
        var skipCentral = new Option<bool>("--federated-only") { Description = "skip the central reference" };
        var sets = CommonOptions.Set();
        var command = new Command("generative", "federated vs central generator fidelity for the same sample passes; prints JSON")
        {
            scenario, rounds, skipCentral, sets,
        };
        command.SetAction(parse => cli.Guard(() =>
        {
            var loaded = HoconLoader.Load(parse.GetValue(scenario)!, parse.GetValue(sets));
            var settings = FgsSettings.Bind(loaded.Tree, Environment.ProcessorCount);
            var roundCount = parse.GetValue(rounds) ?? settings.Aggregator.MaxRounds;
            if (roundCount < 1) throw new UsageException("--rounds must be at least 1 (or set fgs.aggregator.max-rounds in the scenario)");
            TorchNative.EnsureLoaded();
            var seed = settings.Run.Seed;
            var (train, test) = LearningSetup.LoadData(settings.Data, seed);
            var clients = settings.Fleet.Devices;
            var shards = LearningSetup.Partition(settings.Data, train, clients, seed);
            var device = LearningSetup.ResolveDevice(settings.Training.Device, TorchCudaInventory.Instance);
            TorchRuntime.IntraOpThreads = settings.Training.IntraOpThreads;
            using var pool = new TrainerPool(settings.Training.ResolveWorkers(Environment.ProcessorCount, device.IsCuda ? 1 : 0),
                () => TorchRuntime.PrepareCurrentThread(device));
            var generative = settings.Generative;
            var model = GeneratorCatalog.Create(generative);
            var judge = ReferenceJudge.Create(settings, train, test);
            var hyper = GenerativeSetup.Hyperparameters(generative);
            var evaluation = GenerativeSetup.Evaluation(generative);
            var source = new ImageBatchSource(train);

            var federated = new FederatedGenerativeTask(model, new StaticClientData(source, shards), hyper, pool, seed, evaluation, judge,
                device: device, strategy: GenerativeSetup.ServerStrategy(generative));
            var fed = Train(federated, clients, roundCount, cli);
            Outcome? central = null;
            if (!parse.GetValue(skipCentral))
            {
                var pooled = shards.SelectMany(s => s).Order().ToArray();
                var centralTask = new FederatedGenerativeTask(model, new StaticClientData(source, [pooled]),
                    hyper with { LocalSteps = hyper.LocalSteps * clients }, pool, seed, evaluation, judge, device: device);
                central = Train(centralTask, 1, roundCount, cli);
            }
            JsonOutput.WriteObject(cli.Out, json =>
            {
                json.WriteString("model", model.Name);
                json.WriteNumber("parameters", model.ParameterCount);
                json.WriteNumber("clients", clients);
                json.WriteNumber("rounds", roundCount);
                json.WriteNumber("local_steps", hyper.LocalSteps);
                json.WriteNumber("batch", hyper.BatchSize);
                json.WriteNumber("sample_passes", (long)roundCount * clients * hyper.LocalSteps * hyper.BatchSize);
                Write(json, "federated", fed);
                if (central is { } c)
                {
                    Write(json, "central", c);
                    json.WriteNumber("fid_ratio_federated_vs_central", Math.Round(fed.Fidelity.Fid / c.Fidelity.Fid, 4));
                }
            });
            return ExitCodes.Ok;
        }));
        return command;
    }

    private sealed record Outcome(GeneratorFidelity Fidelity, double Seconds, double LastLoss);

    private static Outcome Train(FederatedGenerativeTask task, int clients, int rounds, CliContext cli)
    {
        var watch = Stopwatch.StartNew();
        var global = task.InitialWeights;
        var loss = double.NaN;
        for (var round = 0; round < rounds; round++)
        {
            var updates = Enumerable.Range(0, clients).Select(c => task.Train(c, round, global, 0)).ToArray();
            Task.WaitAll(updates);
            var results = updates.Select(u => u.Result).ToArray();
            loss = results.Sum(u => u.Loss * u.Samples) / Math.Max(1, results.Sum(u => u.Samples));
            global = task.Aggregate(global, results);
            cli.Error.WriteLine($"  round {round + 1}/{rounds}: mean local loss {loss:F4} ({watch.Elapsed.TotalSeconds:F0} s)");
        }
        var fidelity = task.Evaluate(global, rounds - 1, 0).Fidelity!;
        return new Outcome(fidelity, watch.Elapsed.TotalSeconds, loss);
    }

    private static void Write(System.Text.Json.Utf8JsonWriter json, string name, Outcome outcome)
    {
        json.WriteStartObject(name);
        var f = outcome.Fidelity;
        json.WriteNumber("fid", Math.Round(f.Fid, 3));
        json.WriteNumber("is", Math.Round(f.InceptionScore, 3));
        json.WriteNumber("coverage", f.Coverage);
        json.WriteNumber("conditional_accuracy", Math.Round(f.ConditionalAccuracy, 4));
        if (f.LocalFidMean is { } mean) json.WriteNumber("local_fid_mean", Math.Round(mean, 3));
        if (f.LocalFidMax is { } max) json.WriteNumber("local_fid_max", Math.Round(max, 3));
        json.WriteNumber("final_loss", Math.Round(outcome.LastLoss, 5));
        json.WriteNumber("seconds", Math.Round(outcome.Seconds, 1));
        json.WriteEndObject();
    }
}
