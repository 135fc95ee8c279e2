using FgsActors.Actors.Kernel;
using FgsActors.Simulation.Workloads.Phold;

namespace FgsActors.Actors.Tests.Kernel;

/// <summary>The actor kernel gives the sequential reference's events and checksum for every layout.</summary>
public class PholdDeterminismTests
{
    private static readonly PholdSettings Settings = new(Lps: 10_000, EventsPerLp: 1, Remote: 0.9, LookaheadSeconds: 0.1, MeanSeconds: 1.0, EndSeconds: 5, Seed: 42);
    private static readonly Lazy<SequentialPhold.Result> Reference = new(() => SequentialPhold.Run(Settings));

    public static TheoryData<int, int> Layouts()
    {
        var data = new TheoryData<int, int>();
        foreach (var partitions in new[] { 1, 2, 7, 64 })
        {
            foreach (var workers in new[] { 1, 2 }) data.Add(partitions, workers);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public async Task ChecksumEqualsSequentialReference(int partitions, int workers)
    {
        var report = await KernelRunner.RunLocalAsync(new PholdModel(Settings), partitions, workers);
        Assert.True(Reference.Value.Events > 40_000, $"the run is too small to mean anything: {Reference.Value.Events} events");
        Assert.Equal(Reference.Value.Events, report.Result.Events);
        Assert.Equal(Reference.Value.Digest, report.Result.EventDigest);
        Assert.Equal(partitions, report.Partitions);
    }
}
