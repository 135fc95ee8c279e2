using FgsActors.Models.Generative;
using FgsActors.Models.Learning;
using FgsActors.Models.Randomness;
using Xunit;

namespace FgsActors.Models.Tests.Generative;

public sealed class GenerativeHelperTests
{
    [Fact]
    public void Normal_draws_are_reproducible_and_standard()
    {
        var draws = NormalDraws.Draw(new Xoshiro256StarStar(3), 40_001);
        Assert.Equal(draws, NormalDraws.Draw(new Xoshiro256StarStar(3), 40_001));
        Assert.NotEqual(draws, NormalDraws.Draw(new Xoshiro256StarStar(4), 40_001));
        var mean = draws.Average(d => (double)d);
        var variance = draws.Average(d => (d - mean) * (d - mean));
        var beyondTwo = draws.Count(d => Math.Abs(d) > 2) / (double)draws.Length;
        Assert.InRange(mean, -0.02, 0.02);         // standard error 0.005
        Assert.InRange(variance, 0.97, 1.03);      // standard error 0.007
        Assert.InRange(beyondTwo, 0.040, 0.051);   // P(|Z| > 2) = 0.0455
    }

    [Fact]
    public void Normal_draws_use_both_box_muller_outputs()
    {
        // Drawing 4 values in one call or 2 + 2 in two calls consumes the same uniforms, so the values agree.
        var together = NormalDraws.Draw(new Xoshiro256StarStar(9), 4);
        var random = new Xoshiro256StarStar(9);
        var split = NormalDraws.Draw(random, 2).Concat(NormalDraws.Draw(random, 2)).ToArray();
        Assert.Equal(together, split);
    }

    [Fact]
    public void One_hot_rows_mark_the_label()
    {
        Assert.Equal([0f, 1f, 0f, 1f, 0f, 0f], OneHotLabels.Encode(new long[] { 1, 0 }, 3));
        Assert.Equal([0f, 0f, 1f], OneHotLabels.Encode(new[] { 2 }, 3));
        Assert.Throws<ArgumentException>(() => OneHotLabels.Encode(new long[] { 3 }, 3));
        Assert.Throws<ArgumentException>(() => OneHotLabels.Encode(new[] { -1 }, 3));
    }

    [Fact]
    public void Batches_cover_every_sample_once_per_pass_and_end_a_pass_with_the_remainder()
    {
        // Sample i has every pixel equal to i, so the staged pixels name the samples.
        var data = new ArrayBatchSource(Enumerable.Range(0, 10).Select(i => (float)i).ToArray(), new long[10], new FeatureShape(1, 1, 1));
        int[] shard = [2, 3, 5, 7, 9];
        var batches = new JobBatches(data, shard, batchSize: 2, classes: 1, new Xoshiro256StarStar(1));
        Assert.Equal(2, batches.BatchSize);

        var sizes = new List<int>();
        var pass = new List<int>();
        var passes = new List<int[]>();
        for (var step = 0; step < 6; step++)
        {
            var batch = batches.Next();
            sizes.Add(batch.Count);
            pass.AddRange(batch.Pixels.Select(p => (int)p));
            if (pass.Count == shard.Length)
            {
                passes.Add([.. pass]);
                pass.Clear();
            }
        }

        Assert.Equal([2, 2, 1, 2, 2, 1], sizes);
        Assert.Equal(2, passes.Count);
        Assert.All(passes, p => Assert.Equal(shard, p.Order()));
        Assert.NotEqual(passes[0], passes[1]); // a fresh order per pass (120 orders; these two differ for this seed)
    }

    [Fact]
    public void A_batch_larger_than_the_shard_is_the_whole_shard()
    {
        var data = new ArrayBatchSource(new float[4], new long[4], new FeatureShape(1, 1, 1));
        var batches = new JobBatches(data, [0, 1, 2], batchSize: 64, classes: 1, new Xoshiro256StarStar(1));
        Assert.Equal(3, batches.BatchSize);
        Assert.Equal(3, batches.Next().Count);
        Assert.Equal(3, batches.Next().Count);
    }
}
