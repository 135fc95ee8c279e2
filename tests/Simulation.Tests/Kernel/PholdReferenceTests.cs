using FgsActors.Simulation.Kernel;
using FgsActors.Simulation.Workloads.Phold;

namespace FgsActors.Simulation.Tests.Kernel;

/// <summary>PHOLD on the partitioned kernel gives the sequential reference's event count and digest across settings.</summary>
public class PholdReferenceTests
{
    [Theory]
    [InlineData(0.0, 1, 1)]   // no remote traffic: partitions never talk
    [InlineData(0.0, 1, 4)]
    [InlineData(1.0, 1, 1)]   // every event is remote (self included as a random target)
    [InlineData(1.0, 1, 5)]
    [InlineData(0.5, 3, 2)]   // three events per LP
    [InlineData(0.5, 3, 7)]
    [InlineData(0.9, 3, 60)]  // more partitions than LPs: capped
    public void DigestAndCountMatchTheSequentialReference(double remote, int eventsPerLp, int partitions)
    {
        var settings = new PholdSettings(Lps: 40, EventsPerLp: eventsPerLp, Remote: remote, LookaheadSeconds: 0.1, MeanSeconds: 0.5, EndSeconds: 10, Seed: 11);
        Assert.Null(settings.Validate());
        var reference = SequentialPhold.Run(settings);
        var result = LocalKernel.Run(new PholdModel(settings), partitions);
        Assert.True(reference.Events > 40 * eventsPerLp * 10, $"only {reference.Events} events");
        Assert.Equal(reference.Events, result.Events);
        Assert.Equal(reference.Digest, result.EventDigest);
        Assert.True(result.LastEventTime < settings.EndTicks);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void DelaysOfExactlyTheLookaheadMakeEveryEventATieAndStillMatch(int partitions)
    {
        // Mean = lookahead: Exp(0) = 0, so every delay is exactly 0.1 s and all events fall on a 0.1 s grid.
        var settings = new PholdSettings(Lps: 30, EventsPerLp: 2, Remote: 0.8, LookaheadSeconds: 0.1, MeanSeconds: 0.1, EndSeconds: 3, Seed: 4);
        var reference = SequentialPhold.Run(settings);
        var result = LocalKernel.Run(new PholdModel(settings), partitions);
        Assert.Equal(30L * 2 * 29, reference.Events); // events at 0.1, 0.2, ..., 2.9 s: 29 per initial event
        Assert.Equal(reference.Events, result.Events);
        Assert.Equal(reference.Digest, result.EventDigest);
    }

    [Fact]
    public void DifferentSeedsGiveDifferentDigests()
    {
        var a = SequentialPhold.Run(new PholdSettings(Lps: 20, EndSeconds: 5, Seed: 1));
        var b = SequentialPhold.Run(new PholdSettings(Lps: 20, EndSeconds: 5, Seed: 2));
        Assert.NotEqual(a.Digest, b.Digest);
    }
}
