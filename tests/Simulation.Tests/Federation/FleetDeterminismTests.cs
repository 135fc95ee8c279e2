using FgsActors.Models.Network;
using FgsActors.Simulation.Federation;

namespace FgsActors.Simulation.Tests.Federation;

public sealed class FleetDeterminismTests
{
    private static FleetScenario Busy() => FleetScenarios.Build(
        devices: FleetScenarios.MixedFleet(400),
        network: FleetScenarios.Network(new PacketLoss(0.02, 12_000, 3, 0.1), capacityBps: 50e6) with { Jitter = LogNormalJitter.FromMedian(0.005, 0.5) },
        endS: 7_200);

    [Fact]
    public void Results_do_not_depend_on_the_number_of_partitions()
    {
        var reference = FleetRunner.Run(Busy(), partitions: 1);
        foreach (var partitions in new[] { 2, 4, 16, 64 })
        {
            var run = FleetRunner.Run(Busy(), partitions);
            Assert.Equal(reference.Kernel.Events, run.Kernel.Events);
            Assert.Equal(reference.Kernel.EventDigest, run.Kernel.EventDigest);
            Assert.Equal(reference.Results.Digest(), run.Results.Digest());
        }
    }

    [Fact]
    public void Different_seeds_give_different_results()
    {
        var a = FleetRunner.Run(Busy());
        var b = FleetRunner.Run(Busy() with { Seed = 2 });
        Assert.NotEqual(a.Results.Digest(), b.Results.Digest());
    }
}
