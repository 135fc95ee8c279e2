using FgsActors.Models.Hardware;

namespace FgsActors.Models.Tests.Hardware;

public class WorkloadCostTests
{
    private static readonly HardwareTier Pi = TierCatalog.SingleBoardComputer;

    [Fact]
    public void Cycles_give_DVFS_time_and_energy()
    {
        // c = 1e6 cycles, D = 1000, f = 1.5 GHz: T = 1e9/1.5e9 = 0.6667 s; E = 1e-28 · 1e9 · (1.5e9)² = 0.225 J;
        // P = κ·f³ = 1e-28 · 3.375e27 = 0.3375 W.
        var e = WorkloadCost.FromCycles(1e6).Estimate(Pi, 1.5e9, 1000);
        Close.Equal(2.0 / 3.0, e.Seconds);
        Close.Equal(0.225, e.Joules);
        Close.Equal(0.3375, e.PowerWatts);
        Close.Equal(e.Joules / e.Seconds, e.PowerWatts);
        Assert.False(e.UsesAccelerator);
    }

    [Fact]
    public void FLOPs_on_a_CPU_tier_go_through_flops_per_cycle()
    {
        // 4e6 FLOP / 4 FLOP per cycle = 1e6 cycles: the same numbers as above.
        var cost = WorkloadCost.FromFlops(4e6);
        Close.Equal(1e6, cost.CpuCyclesPerSample(Pi));
        var e = cost.Estimate(Pi, 1.5e9, 1000);
        Close.Equal(2.0 / 3.0, e.Seconds);
        Close.Equal(0.225, e.Joules);
    }

    [Fact]
    public void FLOPs_on_an_accelerator_tier_use_measured_throughput_and_active_power()
    {
        // 5.9e6 FLOP × 1e4 samples = 5.9e10 FLOP at 59 GFLOP/s = 1 s; × 10 W = 10 J.
        var e = WorkloadCost.FromFlops(5.9e6).Estimate(TierCatalog.Gateway, 1.43e9, 1e4);
        Assert.True(e.UsesAccelerator);
        Close.Equal(1.0, e.Seconds);
        Close.Equal(10.0, e.Joules);
        Close.Equal(10.0, e.PowerWatts);
    }

    [Fact]
    public void Cycles_on_an_accelerator_tier_still_use_the_CPU()
    {
        var e = WorkloadCost.FromCycles(1.43e6).Estimate(TierCatalog.Gateway, 1.43e9, 1000);
        Assert.False(e.UsesAccelerator);
        Close.Equal(1.0, e.Seconds); // 1.43e9 cycles / 1.43 GHz
    }

    [Fact]
    public void Zero_work_takes_no_time_and_draws_no_power()
    {
        var e = WorkloadCost.FromCycles(1e6).Estimate(Pi, 1.5e9, 0);
        Assert.Equal(new TrainingEstimate(0, 0, 0, false), e);
    }

    [Fact]
    public void Bad_inputs_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkloadCost.FromCycles(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkloadCost.FromFlops(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkloadCost.FromCycles(1).Estimate(Pi, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkloadCost.FromFlops(1).Estimate(TierCatalog.Gateway, 1e9, -1));
    }
}
