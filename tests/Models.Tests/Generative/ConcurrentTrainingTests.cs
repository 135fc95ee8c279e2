using FgsActors.Models.Generative;
using FgsActors.Models.Generative.Gan;
using FgsActors.Models.Generative.Vae;
using Xunit;
using static FgsActors.Models.Tests.Generative.GenerativeTestData;

namespace FgsActors.Models.Tests.Generative;

/// <summary>Results must not depend on other threads: neither on concurrent jobs nor on garbage collections they cause.</summary>
public sealed class ConcurrentTrainingTests
{
    private static readonly IGenerativeModel Vae = new ConditionalVae(latentSize: 4, hiddenWidth: 32);
    private static readonly IGenerativeModel Gan = new ConditionalGan(latentSize: 8, generatorWidth: 8, discriminatorWidth: 8);

    private static GenerativeJob[] Jobs() =>
    [
        Job(Vae, Vae.InitialWeights(1), Range(0, 40), seed: 1, steps: 4),
        Job(Gan, Gan.InitialWeights(2), Range(40, 40), seed: 2, steps: 4),
        Job(Vae, Vae.InitialWeights(3), Range(80, 24), seed: 3, steps: 4),
        Job(Gan, Gan.InitialWeights(4), Range(120, 24), seed: 4, steps: 4),
    ];

    private static IGenerativeModel ModelOf(GenerativeJob job) => job.GlobalWeights.Length == Vae.ParameterCount ? Vae : Gan;

    [Fact]
    public void Concurrent_jobs_match_sequential_runs()
    {
        var jobs = Jobs();
        var sequential = jobs.Select(j => ModelOf(j).Train(j)).ToArray();
        var concurrent = new GenerativeResult[jobs.Length];
        using var start = new Barrier(jobs.Length);
        var threads = jobs.Select((job, i) => new Thread(() =>
        {
            start.SignalAndWait();
            concurrent[i] = ModelOf(job).Train(job);
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
    public void Jobs_and_sampling_survive_garbage_collections_from_another_thread()
    {
        // Regression guard for TorchSharp's temporary scalars, which a collection could free mid-call (see AdamOptimizer).
        var jobs = Jobs();
        var reference = jobs.Select(j => ModelOf(j).Train(j)).ToArray();
        var samples = jobs.Select(j => ModelOf(j).Sample(j.GlobalWeights, [0, 5, 9], seed: 3)).ToArray();
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
            for (var i = 0; i < jobs.Length; i++)
            {
                Assert.Equal(Bits(reference[i].Delta), Bits(ModelOf(jobs[i]).Train(jobs[i]).Delta));
                Assert.Equal(Bits(samples[i]), Bits(ModelOf(jobs[i]).Sample(jobs[i].GlobalWeights, [0, 5, 9], seed: 3)));
            }
        }
        finally
        {
            Volatile.Write(ref stop, 1);
            collector.Join();
        }
    }
}
