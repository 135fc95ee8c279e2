using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using FgsActors.Actors.Training;
using FgsActors.Models.Data;
using FgsActors.Models.Federated;
using FgsActors.Models.Learning;
using FgsActors.Models.Torch;

namespace FgsActors.Cli.Commands;

/// <summary>
/// <c>fgs bench train</c>: throughput of the trainer pool — LeNet-5 jobs on Fashion-MNIST shards, batch 64, one intra-op
/// thread per trainer, all trainers busy at once — and, in the same run, a single-thread PyTorch reference of the same
/// model and batch (bench/pytorch_lenet.py under /usr/bin/python3, Debian's python3-torch) when given.
/// </summary>
public static class BenchTrainCommand
{
    public static Command Create(CliContext cli)
    {
        var workers = new Option<int>("--workers") { Description = "trainer actors (default: CPU cores)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var jobs = new Option<int>("--jobs") { Description = "training jobs (clients), spread over the trainers", DefaultValueFactory = _ => 8 };
        var samples = new Option<int>("--samples-per-job") { Description = "samples each job trains on (one epoch)", DefaultValueFactory = _ => 6000 };
        var batch = new Option<int>("--batch") { Description = "mini-batch size", DefaultValueFactory = _ => 64 };
        var data = new Option<string>("--data") { Description = "Fashion-MNIST directory", DefaultValueFactory = _ => FashionMnist.DefaultDirectory };
        var reference = new Option<string?>("--reference") { Description = "path of bench/pytorch_lenet.py to run the PyTorch reference with /usr/bin/python3" };
        var command = new Command("train", "samples/s of the trainer pool vs single-thread PyTorch on LeNet-5; prints JSON")
        {
            workers, jobs, samples, batch, data, reference,
        };
        command.SetAction(parse => cli.Guard(() =>
        {
            var workerCount = CliChecks.Positive(parse.GetValue(workers), "--workers");
            var jobCount = CliChecks.Positive(parse.GetValue(jobs), "--jobs");
            var perJob = CliChecks.Positive(parse.GetValue(samples), "--samples-per-job");
            var batchSize = CliChecks.Positive(parse.GetValue(batch), "--batch");
            TorchNative.EnsureLoaded();
            var (train, _) = FashionMnist.Load(parse.GetValue(data)!);
            if ((long)jobCount * perJob > train.Count) throw new UsageException($"--jobs × --samples-per-job must be at most {train.Count} (the training set)");
            var network = NetworkCatalog.LeNet5(NetworkCatalog.Mnist);
            var source = new ImageBatchSource(train);
            var hyper = new TrainingHyperparameters(1, batchSize, 0.01, 0.9);
            var weights = network.InitialWeights(1);
            TrainingJob Job(int j, int count) => new(network, weights, source, Enumerable.Range(j * perJob, count).ToArray(), hyper, (ulong)j);

            using var pool = new TrainerPool(workerCount, TorchRuntime.PrepareCurrentThread);
            // Warm-up: every trainer compiles its code paths and allocates its first tensors.
            Task.WaitAll(Enumerable.Range(0, workerCount).Select(j => pool.Run(() => LocalTrainer.Train(Job(j, batchSize * 20)))).ToArray());
            var watch = Stopwatch.StartNew();
            Task.WaitAll(Enumerable.Range(0, jobCount).Select(j => pool.Run(() => LocalTrainer.Train(Job(j, perJob)))).ToArray());
            var seconds = watch.Elapsed.TotalSeconds;
            var poolRate = jobCount * (double)perJob / seconds;

            var referenceRate = parse.GetValue(reference) is { } script ? RunReference(script, parse.GetValue(data)!, perJob * 2, batchSize) : null;
            JsonOutput.WriteObject(cli.Out, json =>
            {
                json.WriteString("model", network.Name);
                json.WriteNumber("parameters", network.ParameterCount);
                json.WriteNumber("batch", batchSize);
                json.WriteNumber("workers", workerCount);
                json.WriteNumber("jobs", jobCount);
                json.WriteNumber("samples", jobCount * (long)perJob);
                json.WriteNumber("seconds", Math.Round(seconds, 3));
                json.WriteNumber("pool_samples_per_s", Math.Round(poolRate));
                if (referenceRate is { } r)
                {
                    json.WriteNumber("pytorch_1_thread_samples_per_s", Math.Round(r));
                    json.WriteNumber("ratio_pool_vs_pytorch", Math.Round(poolRate / r, 3));
                }
            });
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static double? RunReference(string script, string data, int samples, int batch)
    {
        if (!File.Exists(script)) throw new UsageException($"--reference: no such file {script}");
        var start = new ProcessStartInfo("/usr/bin/python3", [script, data, samples.ToString(System.Globalization.CultureInfo.InvariantCulture), batch.ToString(System.Globalization.CultureInfo.InvariantCulture), "1"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new UsageException("cannot start /usr/bin/python3");
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new UsageException($"the PyTorch reference failed (is python3-torch installed? apt-get install python3-torch): {error.Trim()}");
        using var json = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        return json.RootElement.GetProperty("samples_per_s").GetDouble();
    }
}
