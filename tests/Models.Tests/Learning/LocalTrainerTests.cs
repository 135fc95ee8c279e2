using System.Diagnostics;
using FgsActors.Models.Learning;
using Xunit;
using Xunit.Abstractions;

namespace FgsActors.Models.Tests.Learning;

public sealed class LocalTrainerTests(ITestOutputHelper output)
{
    private static readonly NetworkSpec LeNet = NetworkCatalog.Get(NetworkKind.LeNet5);
    private static readonly ArrayBatchSource Train = SyntheticImages.TwoBars(240, seed: 1);
    private static readonly ArrayBatchSource Test = SyntheticImages.TwoBars(200, seed: 2);

    private static TrainingJob Job(int[] indices, ulong seed, double mu = 0, int epochs = 1, NetworkSpec? network = null)
    {
        var net = network ?? LeNet;
        return new TrainingJob(net, net.InitialWeights(42), Train, indices,
            new TrainingHyperparameters(epochs, batchSize: 16, learningRate: 0.05, momentum: 0.9, weightDecay: 1e-4, proximalMu: mu),
            seed);
    }

    private static int[] Range(int start, int count) => Enumerable.Range(start, count).ToArray();

    [Fact]
    public void The_same_job_gives_a_bit_identical_delta()
    {
        var job = Job(Range(0, 80), seed: 11, mu: 0.01);

        var first = LocalTrainer.Train(job);
        var second = LocalTrainer.Train(job);

        Assert.Equal(80, first.Samples);
        Assert.Equal(Bits(first.Delta), Bits(second.Delta));
        Assert.Equal(first.MeanLoss, second.MeanLoss);
        Assert.Contains(first.Delta, d => d != 0);
    }

    [Fact]
    public void The_seed_changes_the_shuffle_and_so_the_delta()
    {
        var a = LocalTrainer.Train(Job(Range(0, 64), seed: 1));
        var b = LocalTrainer.Train(Job(Range(0, 64), seed: 2));
        Assert.NotEqual(Bits(a.Delta), Bits(b.Delta));
    }

    [Fact]
    public void Concurrent_jobs_on_different_threads_match_sequential_runs()
    {
        TrainingJob[] jobs =
        [
            Job(Range(0, 64), seed: 5),
            Job(Range(64, 64), seed: 6, mu: 0.1),
            Job(Range(128, 48), seed: 7),
            Job(Range(0, 40), seed: 8, network: NetworkCatalog.Get(NetworkKind.Mlp)),
        ];
        var sequential = jobs.Select(j => LocalTrainer.Train(j)).ToArray();

        var concurrent = new TrainingResult[jobs.Length];
        using var start = new Barrier(jobs.Length);
        var threads = jobs.Select((job, i) => new Thread(() =>
        {
            start.SignalAndWait();
            concurrent[i] = LocalTrainer.Train(job);
        })).ToArray();
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();

        for (var i = 0; i < jobs.Length; i++)
        {
            Assert.Equal(Bits(sequential[i].Delta), Bits(concurrent[i].Delta));
            Assert.Equal(sequential[i].MeanLoss, concurrent[i].MeanLoss);
        }
    }

    [Fact]
    public void Jobs_survive_garbage_collections_from_another_thread()
    {
        // Regression: TorchSharp's temporary scalars could be freed by a collection mid-call (see MomentumSgd).
        TrainingJob[] jobs = [Job(Range(0, 48), seed: 12, mu: 0.1), Job(Range(0, 48), seed: 13, network: NetworkCatalog.Get(NetworkKind.Mlp))];
        var reference = jobs.Select(j => LocalTrainer.Train(j)).ToArray();

        var stop = 0;
        var collector = new Thread(() =>
        {
            while (Volatile.Read(ref stop) == 0)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        });
        collector.Start();
        try
        {
            for (var round = 0; round < 5; round++)
            {
                for (var i = 0; i < jobs.Length; i++)
                {
                    Assert.Equal(Bits(reference[i].Delta), Bits(LocalTrainer.Train(jobs[i]).Delta));
                    Evaluator.Evaluate(jobs[i].GlobalWeights, jobs[i].Network, Test, batchSize: 50);
                }
            }
        }
        finally
        {
            Volatile.Write(ref stop, 1);
            collector.Join();
        }
    }

    [Fact]
    public void Training_lowers_the_loss_and_the_model_separates_the_classes()
    {
        var initial = LeNet.InitialWeights(42);
        var before = Evaluator.Evaluate(initial, NetworkKind.LeNet5, Test, batchSize: 100);

        var result = LocalTrainer.Train(Job(Range(0, Train.Count), seed: 3, epochs: 2));
        var trained = initial.Zip(result.Delta, (w, d) => w + d).ToArray();
        var after = Evaluator.Evaluate(trained, NetworkKind.LeNet5, Test, batchSize: 100);

        output.WriteLine($"before: {before}; training mean loss {result.MeanLoss:F4}; after: {after}");
        Assert.Equal(200, after.Samples);
        Assert.True(result.MeanLoss < before.MeanLoss && after.MeanLoss < before.MeanLoss / 2, $"loss {before.MeanLoss} -> {after.MeanLoss}");
        Assert.True(after.Accuracy > 0.9, $"accuracy {after.Accuracy}");
    }

    [Fact]
    public void The_mlp_trains_too()
    {
        var mlp = NetworkCatalog.Get(NetworkKind.Mlp);
        var job = Job(Range(0, Train.Count), seed: 4, network: mlp);
        var result = LocalTrainer.Train(job);
        var after = Evaluator.Evaluate(job.GlobalWeights.Zip(result.Delta, (w, d) => w + d).ToArray(), mlp, Test, batchSize: 64);
        Assert.True(after.Accuracy > 0.9, $"accuracy {after.Accuracy}");
    }

    [Fact]
    public void FedProx_keeps_the_local_model_closer_to_the_global_one()
    {
        var plain = LocalTrainer.Train(Job(Range(0, 160), seed: 9, mu: 0, epochs: 2));
        var prox = LocalTrainer.Train(Job(Range(0, 160), seed: 9, mu: 1.0, epochs: 2));

        double Norm(float[] d) => Math.Sqrt(d.Sum(x => (double)x * x));
        output.WriteLine($"‖Δ‖ μ=0: {Norm(plain.Delta):F4}, μ=1: {Norm(prox.Delta):F4}");
        Assert.True(Norm(prox.Delta) < Norm(plain.Delta), $"{Norm(prox.Delta)} !< {Norm(plain.Delta)}");
    }

    [Fact]
    public void Bad_jobs_are_rejected_before_training()
    {
        var good = Job(Range(0, 8), seed: 1);
        Assert.Throws<ArgumentException>(() => LocalTrainer.Train(good with { GlobalWeights = new float[10] }));
        Assert.Throws<ArgumentException>(() => LocalTrainer.Train(good with { SampleIndices = [0, Train.Count] }));
        Assert.Throws<ArgumentException>(() => LocalTrainer.Train(good with { SampleIndices = [] }));
        var wrongShape = new ArrayBatchSource(new float[2 * 3 * 32 * 32], [0L, 1L], new FeatureShape(3, 32, 32));
        Assert.Throws<ArgumentException>(() => LocalTrainer.Train(good with { Data = wrongShape }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingHyperparameters(1, 16, 0.1, momentum: 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingHyperparameters(0, 16, 0.1));
    }

    [Fact]
    public void A_cancelled_job_stops()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => LocalTrainer.Train(Job(Range(0, 16), seed: 1), cancelled.Token));
    }

    [Fact]
    public void LeNet5_training_throughput_on_one_thread()
    {
        // Not a pass/fail benchmark: reports samples/s for batch 64, one intra-op thread, after a warm-up.
        var data = SyntheticImages.TwoBars(1_024, seed: 5);
        var hp = new TrainingHyperparameters(1, batchSize: 64, learningRate: 0.01, momentum: 0.9);
        var job = new TrainingJob(LeNet, LeNet.InitialWeights(1), data, Range(0, 256), hp, 1);
        LocalTrainer.Train(job);

        job = job with { SampleIndices = Range(0, data.Count) };
        var watch = Stopwatch.StartNew();
        LocalTrainer.Train(job);
        watch.Stop();

        var rate = data.Count / watch.Elapsed.TotalSeconds;
        output.WriteLine($"LeNet-5 training, batch 64, 1 thread: {rate:F0} samples/s ({watch.Elapsed.TotalMilliseconds:F0} ms for {data.Count})");
        Assert.True(rate > 0);
    }

    private static byte[] Bits(float[] values)
    {
        var bytes = new byte[values.Length * sizeof(float)];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        return bytes;
    }
}
