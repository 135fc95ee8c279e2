using FgsActors.Simulation.Fleet;

namespace FgsActors.Simulation.Tests.Fleet;

public class TierQuotaTests
{
    [Fact]
    public void Largest_remainder_by_hand()
    {
        // 7 × (0.1, 0.4, 0.3, 0.2) = (0.7, 2.8, 2.1, 1.4): floors (0, 2, 2, 1) = 5; the two largest remainders
        // (0.8, 0.7) get the last two devices → (1, 3, 2, 1).
        Assert.Equal([1, 3, 2, 1], TierQuota.Counts([0.1, 0.4, 0.3, 0.2], 7));
    }

    [Fact]
    public void Ties_go_to_the_earlier_tier_and_empty_tiers_get_nothing()
    {
        Assert.Equal([1, 0], TierQuota.Counts([0.5, 0.5], 1));
        Assert.Equal([0, 1, 0], TierQuota.Counts([0.0, 1.0, 0.0], 1));
        Assert.Equal([0, 0], TierQuota.Counts([0.5, 0.5], 0));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(13)]
    [InlineData(999)]
    [InlineData(100_000)]
    public void Counts_sum_to_n_and_stay_within_one_of_the_exact_share(int n)
    {
        double[] f = [0.1, 0.2, 0.3, 0.4];
        var counts = TierQuota.Counts(f, n);
        Assert.Equal(n, counts.Sum());
        for (var t = 0; t < f.Length; t++) Assert.True(Math.Abs(counts[t] - f[t] * n) < 1.0);
    }
}
