using FgsActors.Simulation.Federation;
using FgsActors.Simulation.Randomness;

namespace FgsActors.Simulation.Tests.Federation;

public sealed class AvailablePoolTests
{
    [Fact]
    public void Add_and_remove_are_idempotent()
    {
        var pool = new AvailablePool(10);
        pool.Add(3);
        pool.Add(3);
        pool.Add(7);
        Assert.Equal(2, pool.Count);
        pool.Remove(3);
        pool.Remove(3);
        Assert.False(pool.Contains(3));
        Assert.True(pool.Contains(7));
        Assert.Equal(1, pool.Count);
    }

    [Fact]
    public void Take_draws_distinct_members_and_removes_them()
    {
        var pool = new AvailablePool(100);
        for (var d = 0; d < 100; d += 2) pool.Add(d);
        var taken = pool.Take(20, new RandomStream(5));
        Assert.Equal(20, taken.Distinct().Count());
        Assert.All(taken, d => Assert.True(d % 2 == 0));
        Assert.All(taken, d => Assert.False(pool.Contains(d)));
        Assert.Equal(30, pool.Count);
        Assert.Equal(30, pool.Take(50, new RandomStream(5)).Length); // asks for more than there are: all of them
        Assert.Equal(0, pool.Count);
    }

    [Fact]
    public void Selection_is_uniform()
    {
        // Each of 10 members is drawn 3 times out of 10 per draw of 3: over 20,000 draws, 6,000 ± 4σ (σ ≈ 65).
        var counts = new int[10];
        var random = new RandomStream(11);
        for (var i = 0; i < 20_000; i++)
        {
            var pool = new AvailablePool(10);
            for (var d = 0; d < 10; d++) pool.Add(d);
            foreach (var d in pool.Take(3, random)) counts[d]++;
        }
        Assert.All(counts, c => Assert.InRange(c, 6_000 - 260, 6_000 + 260));
    }
}
