using FgsActors.Simulation.Randomness;

namespace FgsActors.Simulation.Tests.Randomness;

/// <summary>Statistical checks on fixed seeds: deterministic, so a pass is a pass forever (thresholds are generous).</summary>
public class RandomStreamDistributionTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(1000)]
    [InlineData(int.MaxValue)]
    public void NextIntStaysInsideItsBound(int bound)
    {
        var stream = RandomStream.For(11, 0, "bounds");
        for (var i = 0; i < 20_000; i++)
        {
            var x = stream.NextInt(bound);
            Assert.InRange(x, 0, bound - 1);
        }
    }

    [Fact]
    public void NextIntWithBoundOneIsAlwaysZero()
    {
        var stream = RandomStream.For(11, 1, "bounds");
        Assert.All(Enumerable.Range(0, 100), _ => Assert.Equal(0, stream.NextInt(1)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void NextIntRejectsNonPositiveBounds(int bound)
    {
        var stream = RandomStream.For(1, 1, "args");
        Assert.Throws<ArgumentOutOfRangeException>(() => stream.NextInt(bound));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(7)]
    public void NextIntIsRoughlyUniform(int bound)
    {
        const int draws = 100_000;
        var stream = RandomStream.For(2024, 3, "uniformity");
        var counts = new int[bound];
        for (var i = 0; i < draws; i++) counts[stream.NextInt(bound)]++;
        var expected = draws / (double)bound;
        var chiSquare = counts.Sum(c => (c - expected) * (c - expected) / expected);
        // df = bound - 1 <= 9; the 0.1 % critical value for 9 df is 27.9. 40 is generous, and a broken
        // generator (e.g. always 0, or half the range) gives values in the tens of thousands.
        Assert.True(chiSquare < 40, $"chi-square {chiSquare:F1} for counts [{string.Join(", ", counts)}]");
        Assert.All(counts, c => Assert.True(c > 0));
    }

    [Fact]
    public void NextIntIsUnbiasedForABoundNearTwoThirdsOfTheRange()
    {
        // bound = 3·2^29: a plain "r % bound" on 32 bits would put ~2x as much mass on [0, 2^30) as on [2^30, bound).
        const int bound = 3 << 29;
        const int draws = 60_000;
        var stream = RandomStream.For(5, 5, "bias");
        var low = 0;
        for (var i = 0; i < draws; i++) if (stream.NextInt(bound) < (1 << 30)) low++;
        // Expected share 2/3; standard error sqrt(p(1-p)/n) ≈ 0.0019; allow 6 standard errors.
        Assert.InRange(low / (double)draws, 2.0 / 3 - 0.012, 2.0 / 3 + 0.012);
    }

    [Fact]
    public void NextDoubleIsInHalfOpenUnitIntervalWithMeanOneHalf()
    {
        const int draws = 100_000;
        var stream = RandomStream.For(9, 9, "double");
        var sum = 0.0;
        var belowTenth = 0;
        for (var i = 0; i < draws; i++)
        {
            var u = stream.NextDouble();
            Assert.True(u >= 0.0 && u < 1.0, $"draw {u} outside [0, 1)");
            sum += u;
            if (u < 0.1) belowTenth++;
        }
        // Uniform: sd 1/sqrt(12) ≈ 0.289, standard error of the mean ≈ 0.00091; allow 6.
        Assert.InRange(sum / draws, 0.5 - 0.0055, 0.5 + 0.0055);
        Assert.InRange(belowTenth / (double)draws, 0.1 - 0.006, 0.1 + 0.006);
    }

    [Fact]
    public void NextDoubleIsAMultipleOfTwoToTheMinus53()
    {
        // 53 random bits scaled by 2^-53: every draw times 2^53 is an integer below 2^53.
        var stream = RandomStream.For(4, 4, "resolution");
        const double scale = 9007199254740992.0; // 2^53
        for (var i = 0; i < 10_000; i++)
        {
            var scaled = stream.NextDouble() * scale;
            Assert.Equal(Math.Floor(scaled), scaled);
            Assert.True(scaled < scale);
        }
    }

    [Theory]
    [InlineData(2.0)]
    [InlineData(0.001)]
    public void NextExponentialHasTheRequestedMean(double mean)
    {
        const int draws = 100_000;
        var stream = RandomStream.For(77, 1, "exp");
        var sum = 0.0;
        for (var i = 0; i < draws; i++)
        {
            var x = stream.NextExponential(mean);
            Assert.True(x >= 0 && double.IsFinite(x));
            sum += x;
        }
        // The exponential's sd equals its mean: standard error = mean / sqrt(n) ≈ 0.0032·mean; allow 6 of them.
        var tolerance = 6 * mean / Math.Sqrt(draws);
        Assert.InRange(sum / draws, mean - tolerance, mean + tolerance);
    }

    [Fact]
    public void NextExponentialWithZeroMeanIsZero()
    {
        var stream = RandomStream.For(1, 2, "exp0");
        Assert.All(Enumerable.Range(0, 100), _ => Assert.Equal(0.0, stream.NextExponential(0.0)));
    }

    [Fact]
    public void NextBernoulliHonoursItsProbability()
    {
        var stream = RandomStream.For(3, 3, "coin");
        Assert.All(Enumerable.Range(0, 1000), _ => Assert.False(stream.NextBernoulli(0.0)));
        Assert.All(Enumerable.Range(0, 1000), _ => Assert.True(stream.NextBernoulli(1.0)));
        const int draws = 100_000;
        var heads = Enumerable.Range(0, draws).Count(_ => stream.NextBernoulli(0.3));
        // Standard error sqrt(0.21 / n) ≈ 0.00145; allow 6.
        Assert.InRange(heads / (double)draws, 0.3 - 0.009, 0.3 + 0.009);
    }
}
