using System.Globalization;
using FgsActors.Actors.Cluster;
using FgsActors.Actors.Kernel;
using FgsActors.Actors.Kernel.Protocol;
using FgsActors.Simulation.Kernel;
using FgsActors.Simulation.Workloads.Phold;

namespace FgsActors.Actors.Tests.Kernel;

/// <summary>
/// One simulation with its partitions spread over two actor systems joined as an Akka cluster on loopback
/// gives the same result as in one system and as the sequential reference.
/// </summary>
public class ClusterLayoutTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    // The model travels as text and each node builds it: here a tiny "lps;end;seed" form.
    private static ModelSpec Spec(PholdSettings s) =>
        new(string.Join(';', s.Lps, s.EndSeconds.ToString(CultureInfo.InvariantCulture), s.Seed));

    private static ISimulationModel Resolve(ModelSpec spec)
    {
        var parts = spec.Text.Split(';');
        return new PholdModel(new PholdSettings(
            Lps: int.Parse(parts[0], CultureInfo.InvariantCulture),
            EndSeconds: double.Parse(parts[1], CultureInfo.InvariantCulture),
            Seed: ulong.Parse(parts[2], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task TwoNodeClusterMatchesSingleSystemAndReference()
    {
        var settings = new PholdSettings(Lps: 10_000, EndSeconds: 5, Seed: 42);
        var reference = SequentialPhold.Run(settings);
        var single = await KernelRunner.RunLocalAsync(Resolve(Spec(settings)), partitions: 4, workers: 2);

        await using var nodeA = ClusterNode.Start("127.0.0.1", 0, workers: 1, Resolve);
        await using var nodeB = ClusterNode.Start("127.0.0.1", 0, workers: 1, Resolve);
        await nodeA.JoinAsync(nodeA.Address, Timeout);
        await nodeB.JoinAsync(nodeA.Address, Timeout);
        await nodeA.WaitForMembersAsync(2, Timeout);
        var remoteHost = await nodeA.ResolveHostAsync(nodeB.Address, Timeout);
        Assert.Equal(nodeB.Address, remoteHost.Path.Address);

        var clustered = await KernelRunner.RunAsync(nodeA.System, [nodeA.Host, remoteHost], Spec(settings), Resolve(Spec(settings)), partitions: 4);

        Assert.Equal(2, clustered.Nodes);
        Assert.Equal(reference.Events, clustered.Result.Events);
        Assert.Equal(reference.Digest, clustered.Result.EventDigest);
        Assert.Equal(single.Result.Events, clustered.Result.Events);
        Assert.Equal(single.Result.EventDigest, clustered.Result.EventDigest);
    }
}
