using FgsActors.Simulation.Kernel;
using FgsActors.Simulation.Tests.Kernel.Support;

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

    /// <summary>Pairs 1-2, 3-4, …: every even id above 0 keeps with the odd id before it (entity 0 is alone).</summary>
    private static bool SecondOfPair(int id) => id > 0 && id % 2 == 0;

    /// <summary>
    /// The invariants of any placement: at least one and at most min(N, P) partitions, each non-empty, blocks
    /// contiguous and covering 0..N-1, PartitionOf agreeing with the block bounds, no block starting on an id
    /// that keeps with the previous one (so no kept group is split).
    /// </summary>
    private static void AssertValidPlacement(Placement placement, int n, int p, Func<int, bool> keeps)
    {
        var label = $"n={n} p={p}";
        Assert.Equal(n, placement.EntityCount);
        Assert.InRange(placement.Partitions, 1, Math.Min(n, p));
        Assert.Equal(0, placement.FirstEntity(0));
        Assert.Equal(n, placement.EndEntity(placement.Partitions - 1));
        for (var q = 0; q < placement.Partitions; q++)
        {
            if (q > 0) Assert.True(placement.EndEntity(q - 1) == placement.FirstEntity(q), $"{label}: partition {q} does not start where {q - 1} ends");
            Assert.True(placement.EndEntity(q) > placement.FirstEntity(q), $"{label}: partition {q} is empty");
            if (q > 0) Assert.False(keeps(placement.FirstEntity(q)), $"{label}: partition {q} starts at {placement.FirstEntity(q)}, which keeps with the previous id");
        }
        var expectedOwner = 0;
        for (var id = 0; id < n; id++)
        {
            if (id == placement.EndEntity(expectedOwner)) expectedOwner++;
            var owner = placement.PartitionOf(id);
            Assert.True(owner == expectedOwner, $"{label}: PartitionOf({id}) = {owner}, its block is {expectedOwner}");
            Assert.InRange(id, placement.FirstEntity(owner), placement.EndEntity(owner) - 1);
            if (id > 0 && keeps(id))
                Assert.True(placement.PartitionOf(id - 1) == owner, $"{label}: {id} keeps with {id - 1} but they are on partitions {owner} and {placement.PartitionOf(id - 1)}");
        }
    }

    [Fact]
    public void PairsAreNeverSplitForManyEntityAndPartitionCounts()
    {
        for (var n = 1; n <= 81; n++)
        {
            for (var p = 1; p <= 90; p++)
            {
                var placement = new Placement(n, p, SecondOfPair);
                AssertValidPlacement(placement, n, p, SecondOfPair);
                // Proportional blocks of two or more ids: starts, moved by at most one, never meet, so none is lost.
                if (2 * p <= n) Assert.True(placement.Partitions == p, $"n={n} p={p}: only {placement.Partitions} partitions");
            }
        }
    }

    [Theory]
    [InlineData(2_000_001, 7)]
    [InlineData(2_000_001, 64)]
    [InlineData(1_000_000, 3)]
    [InlineData(int.MaxValue, 13)]
    public void PairsAreNeverSplitInLargeFleets(int n, int p)
    {
        var placement = new Placement(n, p, SecondOfPair);
        Assert.Equal(p, placement.Partitions);
        Assert.Equal(n, placement.EndEntity(p - 1));
        for (var q = 0; q < p; q++)
        {
            var first = placement.FirstEntity(q);
            Assert.False(SecondOfPair(first), $"partition {q} starts inside a pair at {first}");
            Assert.True(placement.EndEntity(q) > first);
            Assert.Equal(q, placement.PartitionOf(first));
            Assert.Equal(q, placement.PartitionOf(placement.EndEntity(q) - 1));
            if (q > 0)
            {
                Assert.Equal(placement.EndEntity(q - 1), first);
                Assert.Equal(q - 1, placement.PartitionOf(first - 1));
                // A start moves by at most one id past the proportional one.
                Assert.InRange(first - (int)((long)q * n / p), 0, 1);
            }
        }
    }

    [Fact]
    public void HandComputedBlocksForAHubAndThreePairsOnThreePartitions()
    {
        // Proportional starts 0, 2, 4; 2 and 4 are second of their pairs and move to 3 and 5.
        var placement = new Placement(7, 3, SecondOfPair);
        Assert.Equal(new[] { (0, 3), (3, 5), (5, 7) }, Enumerable.Range(0, 3).Select(q => (placement.FirstEntity(q), placement.EndEntity(q))));
        Assert.Equal(new[] { 0, 0, 0, 1, 1, 2, 2 }, Enumerable.Range(0, 7).Select(placement.PartitionOf));
    }

    [Fact]
    public void StartsThatMeetAreMergedSoNoPartitionIsEmpty()
    {
        // 5 entities (hub, 1-2, 3-4) on 5 partitions: starts 1, 2, 3, 4 move to 1, 3, 3, 5; the repeated 3 and the
        // start at the end are dropped, leaving 0, 1, 3.
        var placement = new Placement(5, 5, SecondOfPair);
        Assert.Equal(3, placement.Partitions);
        Assert.Equal(new[] { (0, 1), (1, 3), (3, 5) }, Enumerable.Range(0, 3).Select(q => (placement.FirstEntity(q), placement.EndEntity(q))));
    }

    [Fact]
    public void EveryEntityKeepingWithThePreviousGivesOnePartition()
    {
        var placement = new Placement(10, 4, id => true);
        Assert.Equal(1, placement.Partitions);
        Assert.Equal(10, placement.EndEntity(0));
        Assert.All(Enumerable.Range(0, 10), id => Assert.Equal(0, placement.PartitionOf(id)));
    }

    [Fact]
    public void ANeverTrueRuleGivesThePlainProportionalBlocks()
    {
        for (var n = 1; n <= 40; n++)
        {
            for (var p = 1; p <= 45; p++)
            {
                var plain = new Placement(n, p);
                var ruled = new Placement(n, p, _ => false);
                Assert.Equal(plain.Partitions, ruled.Partitions);
                for (var q = 0; q < plain.Partitions; q++)
                {
                    Assert.Equal(plain.FirstEntity(q), ruled.FirstEntity(q));
                    Assert.Equal(plain.EndEntity(q), ruled.EndEntity(q));
                }
            }
        }
    }

    [Fact]
    public void RandomGroupsAreNeverSplit()
    {
        var random = new Random(20240611);
        for (var trial = 0; trial < 400; trial++)
        {
            var n = random.Next(1, 120);
            var p = random.Next(1, 40);
            var keepProbability = random.NextDouble();
            var kept = Enumerable.Range(0, n).Select(id => id > 0 && random.NextDouble() < keepProbability).ToArray();
            bool Keeps(int id) => kept[id];
            AssertValidPlacement(new Placement(n, p, Keeps), n, p, Keeps);
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 3)]
    [InlineData(25, 7)]
    [InlineData(101, 16)]
    public void PlacementForAModelUsesItsKeepRule(int entities, int partitions)
    {
        var model = new PairedModel(new PairedModelSettings((entities - 1) / 2, Lookahead: 1, RemoteLookahead: 10, EndTime: 100, Seed: 1, DeclaredRemoteLookahead: 10));
        Assert.Equal(entities, model.EntityCount);

        var placement = Placement.For(model, partitions);
        var direct = new Placement(entities, partitions, PairedModel.IsSecondOfPair);

        Assert.Equal(direct.Partitions, placement.Partitions);
        for (var q = 0; q < placement.Partitions; q++) Assert.Equal(direct.FirstEntity(q), placement.FirstEntity(q));
        AssertValidPlacement(placement, entities, partitions, PairedModel.IsSecondOfPair);
    }

    [Fact]
    public void PlacementForAModelWithoutARuleIsProportional()
    {
        var placement = Placement.For(new ScriptedModel(10, 1, 100), 3);
        Assert.Equal(new[] { 0, 3, 6 }, Enumerable.Range(0, 3).Select(placement.FirstEntity));
    }

    [Fact]
    public void PlacementForRejectsANullModel()
    {
        Assert.Throws<ArgumentNullException>(() => Placement.For(null!, 2));
    }

    [Fact]
    public void KeepRuleDoesNotChangeTheArgumentChecks()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Placement(0, 2, SecondOfPair));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Placement(5, 0, SecondOfPair));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Placement(5, 2, SecondOfPair).PartitionOf(5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Placement(5, 2, SecondOfPair).PartitionOf(-1));
    }
}
