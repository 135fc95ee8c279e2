using FgsActors.Cli.Tests.Support;

namespace FgsActors.Cli.Tests.Run;

/// <summary>
/// Determinism invariant through the CLI: result_hash depends only on (config, seed): not on the number of
/// partitions or worker threads; a different seed gives a different hash.
/// </summary>
public sealed class ResultHashIsIndependentOfLayout
{
    public static TheoryData<string, string[]> Workloads => new()
    {
        { "fleet", [] }, // quickstart: 1,000 devices with churn, jitter and packet loss, 2 h
        { "sparse", ["fgs.run.model=sparse", "fgs.sparse.leaves=1000", "fgs.run.end=2h"] },
        { "phold", ["fgs.run.model=phold", "fgs.phold.lps=2000", "fgs.run.end=5s"] },
    };

    [Theory]
    [MemberData(nameof(Workloads))]
    public void Same_hash_for_1x1_4x2_and_7x2_and_another_for_seed_2(string model, string[] workload)
    {
        using var temp = new TempDir();
        string Hash(params string[] more)
        {
            var summary = Summary.RunAndRead(temp, Repo.Quickstart, [.. workload, .. more]);
            Assert.Equal(model, summary.GetProperty("model").GetString());
            return summary.GetProperty("result_hash").GetString()!;
        }

        var one = Hash("fgs.kernel.partitions=1", "fgs.kernel.workers=1");
        var four = Hash("fgs.kernel.partitions=4", "fgs.kernel.workers=2");
        var seven = Hash("fgs.kernel.partitions=7", "fgs.kernel.workers=2");
        var otherSeed = Hash("fgs.kernel.partitions=4", "fgs.kernel.workers=2", "fgs.run.seed=2");

        Assert.Equal(one, four);
        Assert.Equal(one, seven);
        Assert.NotEqual(one, otherSeed);
    }
}

/// <summary>The fleet issue's determinism grid: partitions {1, 4, 16} × workers {1, 2} give one result_hash.</summary>
public sealed class FleetHashIsIndependentOfLayout
{
    [Fact]
    public void Quickstart_hash_is_the_same_for_partitions_1_4_16_and_workers_1_2()
    {
        using var temp = new TempDir();
        var hashes = new List<string>();
        foreach (var partitions in new[] { 1, 4, 16 })
        {
            foreach (var workers in new[] { 1, 2 })
            {
                var summary = Summary.RunAndRead(temp, Repo.Quickstart, $"fgs.kernel.partitions={partitions}", $"fgs.kernel.workers={workers}");
                hashes.Add(summary.GetProperty("result_hash").GetString()!);
            }
        }
        Assert.Single(hashes.Distinct());
    }
}
