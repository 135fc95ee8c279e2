using FgsActors.Models.Data;

namespace FgsActors.Models.Tests.Data;

/// <summary>The statistics of each partitioner: how far each client's labels and size are from IID.</summary>
public class LabelSkewTests
{
    private static readonly byte[] Balanced = PartitionerTests.Balanced;

    private static int[][] Histogram(IPartitioner partitioner, int clients, int seed = 1) =>
        ClassHistogram.Of(partitioner.Split(Balanced, 10, clients, seed), Balanced, 10);

    private static double MaxShare(int[] row) => (double)row.Max() / row.Sum();

    [Fact]
    public void Iid_sizes_are_equal_and_classes_near_uniform()
    {
        var histogram = Histogram(new IidPartition(), 10);
        Assert.All(histogram, row =>
        {
            Assert.Equal(1000, row.Sum());
            Assert.All(row, count => Assert.InRange(count, 70, 130)); // 100 expected; hypergeometric σ ≈ 9
        });

        var uneven = new IidPartition().Split(Balanced.AsSpan(0, 10), 10, 3, seed: 1);
        Assert.Equal(new[] { 4, 3, 3 }, uneven.Select(p => p.Length));
    }

    [Fact]
    public void Dirichlet_with_huge_alpha_is_nearly_iid()
    {
        var histogram = Histogram(new DirichletPartition(1e6), 10);
        Assert.All(histogram, row =>
            Assert.All(row, count => Assert.InRange((double)count / row.Sum(), 0.09, 0.11)));
    }

    [Fact]
    public void Dirichlet_with_small_alpha_is_strongly_skewed()
    {
        var histogram = Histogram(new DirichletPartition(0.1), 10);
        Assert.All(histogram, row => Assert.True(row.Sum() >= 10));
        // IID would give a largest share ≈ 0.12 and no empty class.
        Assert.True(histogram.Average(MaxShare) > 0.5, $"mean largest share {histogram.Average(MaxShare):F3}");
        Assert.True(histogram.Sum(row => row.Count(c => c == 0)) >= 30, "too few (client, class) cells empty");
    }

    [Fact]
    public void Dirichlet_skew_decreases_with_alpha()
    {
        double MeanMaxShare(double alpha) =>
            Enumerable.Range(1, 5).Average(seed => Histogram(new DirichletPartition(alpha), 10, seed).Average(MaxShare));
        var (strong, medium, weak) = (MeanMaxShare(0.1), MeanMaxShare(1.0), MeanMaxShare(100.0));
        Assert.True(strong > medium && medium > weak, $"α 0.1: {strong:F3}, α 1: {medium:F3}, α 100: {weak:F3}");
    }

    [Fact]
    public void Dirichlet_gives_every_client_the_minimum()
    {
        // Without the minimum the first draw leaves a client below 50 samples; with it, a later draw is taken.
        var first = new DirichletPartition(0.1, minSamplesPerClient: 1).Split(Balanced, 10, 20, seed: 3);
        Assert.True(first.Min(part => part.Length) < 50, $"first draw's smallest client: {first.Min(part => part.Length)}");
        var parts = new DirichletPartition(0.1, minSamplesPerClient: 50).Split(Balanced, 10, 20, seed: 3);
        Assert.All(parts, part => Assert.True(part.Length >= 50, $"{part.Length} samples"));
    }

    [Fact]
    public void Minimum_of_zero_takes_the_first_draw()
    {
        var dirichlet = new DirichletPartition(0.01, minSamplesPerClient: 0, maxAttempts: 1).Split(Balanced.AsSpan(0, 100), 10, 10, 1);
        var quantity = new QuantitySkewPartition(0.01, minSamplesPerClient: 0, maxAttempts: 1).Split(Balanced.AsSpan(0, 100), 10, 10, 1);
        Assert.Equal(Enumerable.Range(0, 100), dirichlet.SelectMany(p => p).Order());
        Assert.Equal(Enumerable.Range(0, 100), quantity.SelectMany(p => p).Order());
        Assert.Contains(quantity, p => p.Length == 0); // β = 0.01 puts nearly everything on one client
    }

    [Fact]
    public void Dirichlet_gives_up_on_an_unreachable_minimum()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DirichletPartition(0.5, minSamplesPerClient: 11).Split(Balanced.AsSpan(0, 100), 10, 10, 1));
        var e = Assert.Throws<InvalidOperationException>(() =>
            new DirichletPartition(0.01, minSamplesPerClient: 90, maxAttempts: 3).Split(Balanced.AsSpan(0, 1000), 10, 10, 1));
        Assert.Contains("no split in 3 draws gave each of 10 clients at least 90", e.Message);
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(2, 7)]
    [InlineData(3, 7)]
    [InlineData(5, 100)]
    [InlineData(10, 4)]
    public void Shards_give_exactly_k_classes_per_client(int k, int clients)
    {
        var histogram = Histogram(new ShardPartition(k), clients);
        Assert.All(histogram, row => Assert.Equal(k, row.Count(count => count > 0)));
        Assert.Equal(10_000, histogram.Sum(row => row.Sum()));
        // Shards are nearly equal: a class's 1,000 samples are cut into ⌊S/C⌋ or ⌈S/C⌉ shards.
        var shardsPerClass = (double)clients * k / 10;
        var smallest = 1000 / (int)Math.Ceiling(shardsPerClass);
        Assert.All(histogram, row => Assert.All(row.Where(c => c > 0), count => Assert.True(count >= smallest, $"shard of {count}")));
    }

    [Fact]
    public void Shards_reject_impossible_splits()
    {
        Assert.Contains("only 10 classes occur in the labels, fewer than the 11",
            Assert.Throws<ArgumentOutOfRangeException>(() => new ShardPartition(11).Split(Balanced, 10, 10, 1)).Message);
        Assert.Contains("4 clients·2 = 8 shards cannot cover the 10 classes",
            Assert.Throws<ArgumentOutOfRangeException>(() => new ShardPartition(2).Split(Balanced, 10, 4, 1)).Message);
        // Only classes that occur count: labels 0..4 with k = 5 is fine, k = 6 is not.
        byte[] fiveClasses = [.. Enumerable.Range(0, 100).Select(i => (byte)(i % 5))];
        Assert.All(ClassHistogram.Of(new ShardPartition(5).Split(fiveClasses, 10, 3, 1), fiveClasses, 10),
            row => Assert.Equal(5, row.Count(c => c > 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ShardPartition(6).Split(fiveClasses, 10, 3, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ShardPartition(0));
    }

    [Fact]
    public void Quantity_skew_has_unequal_sizes_but_iid_labels()
    {
        var parts = new QuantitySkewPartition(0.5).Split(Balanced, 10, 10, seed: 2);
        var sizes = parts.Select(p => p.Length).ToArray();
        Assert.All(sizes, size => Assert.True(size >= 10));
        Assert.True(sizes.Max() >= 3 * sizes.Min(), $"sizes {string.Join(", ", sizes)}");

        var histogram = ClassHistogram.Of(parts, Balanced, 10);
        foreach (var row in histogram.Where(row => row.Sum() >= 1000))
        {
            // Class shares of a uniform sample of ≥ 1,000: 0.1 with σ ≤ 0.0095.
            Assert.All(row, count => Assert.InRange((double)count / row.Sum(), 0.06, 0.14));
        }

        // Pooled over clients, the labels of every client together match the global 10 % per class, and a
        // chi-square over all (client, class) cells stays near its degrees of freedom (81), far from the
        // hundreds a label-skewed split gives.
        var chiSquare = 0.0;
        foreach (var row in histogram)
        {
            foreach (var count in row)
            {
                var expected = row.Sum() / 10.0;
                chiSquare += (count - expected) * (count - expected) / expected;
            }
        }

        Assert.InRange(chiSquare, 30, 150);
    }

    [Fact]
    public void Quantity_skew_with_huge_beta_is_nearly_equal()
    {
        var sizes = new QuantitySkewPartition(1e6).Split(Balanced, 10, 10, seed: 2).Select(p => p.Length);
        Assert.All(sizes, size => Assert.InRange(size, 990, 1010));
    }
}
