using FgsActors.Simulation.Kernel;
using FgsActors.Simulation.Workloads.Phold;

namespace FgsActors.Simulation.Tests.Kernel;

public class PholdEquivalenceTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(64)]
    public void PartitionedRunMatchesSequentialReference(int partitions)
    {
        var settings = new PholdSettings(Lps: 500, EventsPerLp: 2, Remote: 0.9, LookaheadSeconds: 0.1, MeanSeconds: 1.0, EndSeconds: 20, Seed: 7);
        var reference = SequentialPhold.Run(settings);
        var result = LocalKernel.Run(new PholdModel(settings), partitions);
        Assert.True(reference.Events > 10_000);
        Assert.Equal(reference.Events, result.Events);
        Assert.Equal(reference.Digest, result.EventDigest);
    }
}
