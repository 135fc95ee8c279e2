using FgsActors.Models.Generative;
using FgsActors.Models.Generative.Diffusion;
using Xunit;
using static FgsActors.Models.Tests.Generative.Diffusion.TinyDdpm;

namespace FgsActors.Models.Tests.Generative.Diffusion;

public sealed class ConditionalDdpmTrainingTests
{
    [Fact]
    public void The_same_job_gives_a_bit_identical_delta()
    {
        var job = Job(Model.InitialWeights(1), Range(0, 40), Settings(steps: 3), seed: 11);

        var first = Model.Train(job);
        var second = Model.Train(job);

        Assert.Equal(Bits(first.Delta), Bits(second.Delta));
        Assert.Equal(first.MeanLoss, second.MeanLoss);
        Assert.Contains(first.Delta, d => d != 0);
    }

    [Fact]
    public void Another_seed_draws_other_batches_and_noise()
    {
        var weights = Model.InitialWeights(1);

        var a = Model.Train(Job(weights, Range(0, 40), Settings(steps: 2), seed: 1));
        var b = Model.Train(Job(weights, Range(0, 40), Settings(steps: 2), seed: 2));

        Assert.NotEqual(Bits(a.Delta), Bits(b.Delta));
        Assert.NotEqual(a.MeanLoss, b.MeanLoss);
    }

    [Fact]
    public void Steps_take_the_rest_of_a_pass_before_reshuffling()
    {
        // 20 samples, B = 8, 4 steps: 8 + 8 + 4 (end of the first pass) + 8.
        var result = Model.Train(Job(Model.InitialWeights(1), Range(10, 20), Settings(steps: 4, batch: 8), seed: 3));

        Assert.Equal(20, result.Samples);
        Assert.Equal(28, result.SamplePasses);
        Assert.Equal(Model.ParameterCount, result.Delta.Length);
    }

    [Fact]
    public void A_shard_smaller_than_the_batch_is_one_batch_per_step()
    {
        var result = Model.Train(Job(Model.InitialWeights(1), [5, 9, 2], Settings(steps: 2, batch: 16), seed: 3));

        Assert.Equal(3, result.Samples);
        Assert.Equal(6, result.SamplePasses);
    }

    [Fact]
    public void The_untrained_network_predicts_zero_noise_so_its_loss_is_the_noise_variance()
    {
        // The output convolution starts at zero, so the first step's loss is mean(ε²) over 16·784 draws: 1 ± 0.02.
        var result = Model.Train(Job(Model.InitialWeights(4), Range(0, 16), Settings(steps: 1), seed: 8));

        Assert.InRange(result.MeanLoss, 0.97, 1.03);
    }

    [Fact]
    public void Training_lowers_the_noise_prediction_loss()
    {
        var initial = Model.InitialWeights(2);
        var indices = Range(0, 96);
        var probe = Settings(steps: 4, batch: 32, learningRate: 1e-9); // a negligible step: the loss of the weights as given

        var before = Model.Train(Job(initial, indices, probe, seed: 99)).MeanLoss;
        var training = Model.Train(Job(initial, indices, Settings(steps: 40, batch: 16), seed: 5));
        var trained = initial.Zip(training.Delta, (w, d) => w + d).ToArray();
        var after = Model.Train(Job(trained, indices, probe, seed: 99)).MeanLoss;

        Assert.True(after < 0.6 * before, $"loss {before:F4} → {after:F4} after 40 steps");
    }

    [Fact]
    public void Jobs_survive_garbage_collections_from_another_thread()
    {
        // Regression guard for TorchSharp's temporary scalars (see AdamOptimizer): every addition in the U-Net passes a
        // scalar that lives as long as the module.
        var job = Job(Model.InitialWeights(3), Range(0, 32), Settings(steps: 3), seed: 21);
        var reference = Model.Train(job);
        using var stop = new CancellationTokenSource();
        var collector = new Thread(() =>
        {
            // As the other GC guards: collect, then let the finalizers run (a bare GC.Collect loop can starve the
            // finalizer thread and stall the job indefinitely on a busy machine).
            while (!stop.IsCancellationRequested)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        });
        collector.Start();
        try
        {
            for (var i = 0; i < 3; i++)
                Assert.Equal(Bits(reference.Delta), Bits(Model.Train(job).Delta));
        }
        finally
        {
            stop.Cancel();
            collector.Join();
        }
    }
}
