using FgsActors.Simulation.Kernel;

namespace FgsActors.Simulation.Tests.Kernel;

public class PlacementTests
{
    [Fact]
    public void BlocksAreContiguousCoverEveryIdOnceAndDifferInSizeByAtMostOne()
    {
        for (var n = 1; n <= 60; n++)
        {
            for (var p = 1; p <= 70; p++)
            {
                var placement = new Placement(n, p);
                Assert.Equal(Math.Min(n, p), placement.Partitions);
                Assert.Equal(n, placement.EntityCount);
                Assert.Equal(0, placement.FirstEntity(0));
                Assert.Equal(n, placement.EndEntity(placement.Partitions - 1));
                var sizes = new List<int>();
                for (var q = 0; q < placement.Partitions; q++)
                {
                    if (q > 0) Assert.Equal(placement.EndEntity(q - 1), placement.FirstEntity(q));
                    var size = placement.EndEntity(q) - placement.FirstEntity(q);
                    Assert.True(size >= 1, $"n={n} p={p}: partition {q} is empty");
                    sizes.Add(size);
                }
                Assert.True(sizes.Max() - sizes.Min() <= 1, $"n={n} p={p}: sizes {string.Join(",", sizes)}");
                for (var id = 0; id < n; id++)
                {
                    var owner = placement.PartitionOf(id);
                    Assert.InRange(id, placement.FirstEntity(owner), placement.EndEntity(owner) - 1);
                }
            }
        }
    }

    [Fact]
    public void HandComputedBlocksForTenEntitiesOnThreePartitions()
    {
        // p·10/3 rounded down: 0, 3, 6, 10.
        var placement = new Placement(10, 3);
        Assert.Equal(new[] { (0, 3), (3, 6), (6, 10) }, Enumerable.Range(0, 3).Select(q => (placement.FirstEntity(q), placement.EndEntity(q))));
        Assert.Equal(new[] { 0, 0, 0, 1, 1, 1, 2, 2, 2, 2 }, Enumerable.Range(0, 10).Select(placement.PartitionOf));
    }

    [Fact]
    public void MorePartitionsThanEntitiesIsCappedToOneEntityEach()
    {
        var placement = new Placement(3, 8);
        Assert.Equal(3, placement.Partitions);
        Assert.Equal(new[] { 0, 1, 2 }, Enumerable.Range(0, 3).Select(placement.PartitionOf));
    }

    [Fact]
    public void LargeCountsDoNotOverflow()
    {
        var placement = new Placement(int.MaxValue, 7);
        Assert.Equal(int.MaxValue, placement.EndEntity(6));
        Assert.Equal(6, placement.PartitionOf(int.MaxValue - 1));
        Assert.Equal(0, placement.PartitionOf(0));
        var boundary = placement.FirstEntity(3);
        Assert.Equal(3, placement.PartitionOf(boundary));
        Assert.Equal(2, placement.PartitionOf(boundary - 1));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-1, 1)]
    [InlineData(1, 0)]
    [InlineData(5, -2)]
    public void RejectsEmptyModelsAndNonPositivePartitionCounts(int entities, int partitions)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Placement(entities, partitions));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10)]
    [InlineData(int.MinValue)]
    public void PartitionOfRejectsUnknownIds(int id)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Placement(10, 3).PartitionOf(id));
    }
}
