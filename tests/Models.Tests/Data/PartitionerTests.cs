using FgsActors.Models.Data;

namespace FgsActors.Models.Tests.Data;

/// <summary>Properties every partitioner must have: coverage, determinism, argument checks.</summary>
public class PartitionerTests
{
    /// <summary>10,000 samples, 1,000 of each of 10 classes, in the order 0, 1, …, 9, 0, 1, ….</summary>
    internal static readonly byte[] Balanced = [.. Enumerable.Range(0, 10_000).Select(i => (byte)(i % 10))];

    public static TheoryData<string> Names => ["iid", "dirichlet-0.1", "dirichlet-1e6", "shards-2", "quantity-0.5"];

    internal static IPartitioner Create(string name) => name switch
    {
        "iid" => new IidPartition(),
        "dirichlet-0.1" => new DirichletPartition(0.1),
        "dirichlet-1e6" => new DirichletPartition(1e6),
        "shards-2" => new ShardPartition(2),
        "quantity-0.5" => new QuantitySkewPartition(0.5),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_sample_goes_to_exactly_one_client(string name)
    {
        var parts = Create(name).Split(Balanced, 10, 20, seed: 1);
        Assert.Equal(20, parts.Length);
        Assert.All(parts, part =>
        {
            Assert.NotEmpty(part);
            Assert.Equal(part.Order(), part); // ascending
        });
        Assert.Equal(Enumerable.Range(0, Balanced.Length), parts.SelectMany(p => p).Order());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Same_seed_same_split_other_seed_other_split(string name)
    {
        var partitioner = Create(name);
        var a = partitioner.Split(Balanced, 10, 10, seed: 5);
        var b = Create(name).Split(Balanced, 10, 10, seed: 5);
        var c = partitioner.Split(Balanced, 10, 10, seed: 6);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Rejects_bad_arguments(string name)
    {
        var partitioner = Create(name);
        Assert.Throws<ArgumentOutOfRangeException>(() => partitioner.Split(Balanced, 10, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => partitioner.Split(Balanced.AsSpan(0, 5), 10, 6, 1));
        Assert.Contains("label 9 of sample 9 is outside [0, 9)",
            Assert.Throws<ArgumentException>(() => partitioner.Split(Balanced, 9, 10, 1)).Message);
    }

    [Fact]
    public void Names_carry_the_parameters()
    {
        Assert.Equal("iid", new IidPartition().Name);
        Assert.Equal("dirichlet(alpha=0.5)", new DirichletPartition(0.5).Name);
        Assert.Equal("dirichlet(alpha=1000000)", new DirichletPartition(1e6).Name);
        Assert.Equal("shards(k=2)", new ShardPartition(2).Name);
        Assert.Equal("quantity(beta=0.3)", new QuantitySkewPartition(0.3).Name);
    }

    [Fact]
    public void Cuts_at_floor_of_cumulative_shares()
    {
        // Shares ¼, ½, ¼ of 10 items: cuts at ⌊2.5⌋ = 2 and ⌊7.5⌋ = 7.
        var pieces = new[] { new List<int>(), new List<int>(), new List<int>() };
        PartitionInput.AppendSplit([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [0.25, 0.5, 0.25], pieces);
        Assert.Equal(new[] { 0, 1 }, pieces[0]);
        Assert.Equal(new[] { 2, 3, 4, 5, 6 }, pieces[1]);
        Assert.Equal(new[] { 7, 8, 9 }, pieces[2]);
    }

    [Fact]
    public void Histogram_of_a_partition()
    {
        byte[] labels = [0, 1, 1, 2, 0, 2, 2];
        int[][] partition = [[0, 1, 2], [3, 5, 6], [4]];
        var histogram = ClassHistogram.Of(partition, labels, 3);
        Assert.Equal(new[] { new[] { 1, 2, 0 }, new[] { 0, 0, 3 }, new[] { 1, 0, 0 } }, histogram);

        var csv = new StringWriter();
        ClassHistogram.WriteCsv(csv, histogram);
        Assert.Equal("client,class_0,class_1,class_2,total\n0,1,2,0,3\n1,0,0,3,3\n2,1,0,0,1\n", csv.ToString());
    }
}
