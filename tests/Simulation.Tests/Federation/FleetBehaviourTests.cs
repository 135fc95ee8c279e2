using FgsActors.Simulation.Federation;

namespace FgsActors.Simulation.Tests.Federation;

public sealed class FleetBehaviourTests
{
    [Fact]
    public void Workload_too_large_for_a_device_is_a_memory_dropout()
    {
        // Microcontrollers have 448 KiB usable; 1M float32 parameters with momentum need 12 MB.
        var big = FleetScenarios.Mlp with { Parameters = 1_000_000 };
        var (_, _, results) = FleetRunner.Run(FleetScenarios.Build(devices: FleetScenarios.MixedFleet(300), workload: big, endS: 3_600));
        var mcus = results.Devices.Where(d => d.Tier == "microcontroller").ToArray();
        Assert.All(mcus, d => Assert.Equal(0, d.RoundsCompleted));
        Assert.True(results.Rounds.Sum(r => r.DroppedMemory) > 0);
        // Every microcontroller invitation that found its device online and charged was refused for memory.
        Assert.True(results.Rounds.Sum(r => r.DroppedMemory) <= mcus.Sum(d => d.RoundsSelected));
        Assert.True(results.Rounds.Sum(r => r.DroppedMemory) >= mcus.Sum(d => d.RoundsSelected) / 2);
    }

    [Fact]
    public void Every_invitation_ends_in_exactly_one_outcome()
    {
        // Lossy links with retransmission waits, jitter and churn: the cases where a device can vanish between the
        // aggregator taking its update and the acknowledgement reaching it.
        var network = FleetScenarios.Network(new Models.Network.PacketLoss(0.05, 12_000, 2, 0.2)) with
        {
            Jitter = Models.Network.LogNormalJitter.FromMedian(0.02, 1.0),
        };
        var (_, _, results) = FleetRunner.Run(FleetScenarios.Build(devices: FleetScenarios.MixedFleet(3_000), network: network,
            churn: FleetScenarios.Renewal(onS: 600, offS: 300), aggregator: FleetScenarios.Sync(k: 50), endS: 7_200));
        // Rounds that closed a minute before the end: their cancellations have all arrived.
        var settled = results.Rounds.Where(r => r.EndS < 7_140).ToArray();
        Assert.True(settled.Length >= 20);
        foreach (var r in settled)
            Assert.Equal(r.Selected, r.Completed + r.Dropped);
        Assert.Equal(results.Devices.Sum(d => d.RoundsCompleted), results.Rounds.Sum(r => r.Completed));
    }

    [Fact]
    public void First_k_policy_closes_rounds_as_soon_as_k_updates_are_in()
    {
        var scenario = FleetScenarios.Build(devices: FleetScenarios.MixedFleet(500), endS: 7_200,
            aggregator: FleetScenarios.Sync(k: 10, overCommit: 1.5, policy: StragglerPolicy.FirstK, target: 5));
        var (_, _, results) = FleetRunner.Run(scenario);
        var closed = results.Rounds.Where(r => r.EndS is not null).ToArray();
        Assert.Contains(closed, r => r.EndS - r.StartS < 300);
        Assert.All(closed.Where(r => r.EndS - r.StartS < 300), r => Assert.Equal(5, r.Completed));
    }

    [Fact]
    public void Async_mode_aggregates_every_M_updates_and_records_staleness()
    {
        var scenario = FleetScenarios.Build(devices: FleetScenarios.MixedFleet(500), endS: 7_200,
            aggregator: FleetScenarios.Async(concurrency: 20, buffer: 5));
        var (_, _, results) = FleetRunner.Run(scenario);
        var closed = results.Rounds.Where(r => r.EndS is not null).ToArray();
        Assert.True(closed.Length > 10);
        Assert.All(closed, r => Assert.Equal(5, r.Aggregated));
        Assert.Contains(closed, r => r.MeanStaleness > 0);
    }

    [Fact]
    public void Max_rounds_stops_inviting_after_the_last_round()
    {
        var sync = FleetRunner.Run(FleetScenarios.Build(devices: FleetScenarios.MixedFleet(300), endS: 7_200,
            aggregator: FleetScenarios.Sync() with { MaxRounds = 5 })).Results;
        Assert.Equal(5, sync.Rounds.Count);
        Assert.All(sync.Rounds, r => Assert.NotNull(r.EndS));
        var async = FleetRunner.Run(FleetScenarios.Build(devices: FleetScenarios.MixedFleet(300), endS: 7_200,
            aggregator: FleetScenarios.Async(concurrency: 10, buffer: 3) with { MaxRounds = 4 })).Results;
        Assert.Equal(4, async.Rounds.Count);
        Assert.All(async.Rounds, r => Assert.Equal(3, r.Aggregated));
    }

    [Fact]
    public void Packet_loss_past_the_retry_limit_is_a_link_dropout()
    {
        var lossy = FleetScenarios.Network(new Models.Network.PacketLoss(0.3, 1500 * 8, 2, 0.05));
        var (_, _, results) = FleetRunner.Run(FleetScenarios.Build(devices: FleetScenarios.MixedFleet(300), network: lossy, endS: 3_600));
        Assert.True(results.Rounds.Sum(r => r.DroppedLink) > 0);
    }

    [Fact]
    public void Totals_are_the_sums_of_the_tables()
    {
        var (_, _, results) = FleetRunner.Run(FleetScenarios.Build(devices: FleetScenarios.MixedFleet(300), endS: 3_600));
        Assert.Equal(results.Devices.Sum(d => d.EnergyJ), results.EnergyTotalJ, 6);
        Assert.Equal(results.EnergyTotalJ, results.EnergyByTierJ.Sum(kv => kv.Value), 3);
        Assert.Equal(results.Rounds.Sum(r => (long)r.Dropped), results.DropoutsTotal);
        // Idle draw dominates: every device idles the whole run (≈ Σ idle W × 3600 s), training and radio add little.
        Assert.True(results.Devices.Sum(d => d.EnergyIdleJ) > 0.99 * results.EnergyTotalJ);
    }
}
