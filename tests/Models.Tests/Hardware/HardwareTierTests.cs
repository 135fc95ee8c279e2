using FgsActors.Models.Hardware;

namespace FgsActors.Models.Tests.Hardware;

public class HardwareTierTests
{
    private static HardwareTier Make(double minHz = 1e9, double maxHz = 2e9, long ram = 1 << 20, long reserved = 0,
        double? battery = 10, double idle = 1, double active = 2, double flopsPerCycle = 1) =>
        new("t", minHz, maxHz, flopsPerCycle, ram, reserved, battery, idle, active, "wifi");

    [Fact]
    public void Minimum_clock_above_maximum_is_refused_with_both_figures()
    {
        var e = Assert.Throws<ArgumentException>(() => Make(minHz: 3e9, maxHz: 2e9));
        Assert.Contains("3000000000 Hz", e.Message);
        Assert.Contains("2000000000 Hz", e.Message);
    }

    [Fact]
    public void Bad_figures_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Make(minHz: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Make(maxHz: double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => Make(ram: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Make(reserved: 1 << 20));
        Assert.Throws<ArgumentOutOfRangeException>(() => Make(battery: 0));
        Assert.Throws<ArgumentException>(() => Make(idle: 3, active: 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Make(flopsPerCycle: 0));
    }

    [Fact]
    public void Mains_is_a_null_battery()
    {
        Assert.True(Make(battery: null).IsMains);
        Assert.False(Make().IsMains);
    }

    [Fact]
    public void Calibrated_kappa_reproduces_the_measured_load_power_at_f_max()
    {
        // Raspberry Pi 4: (6.4 − 2.7) W / (1.8e9 Hz)³ = 3.7 / 5.832e27 ≈ 6.344e-28 J/(cycle·Hz²).
        var pi = TierCatalog.SingleBoardComputer;
        var kappa = pi.CalibratedSwitchedCapacitance();
        Close.Equal(3.7 / 5.832e27, kappa, 1e-9);
        Close.Equal(3.7, FgsActors.Models.Energy.ComputeModel.TrainingPowerWatts(pi.MaxCpuHz, kappa), 1e-9);
    }

    [Fact]
    public void CPU_throughput_is_flops_per_cycle_times_clock()
    {
        Close.Equal(6e9, TierCatalog.SingleBoardComputer.CpuFlopsPerSecond(1.5e9)); // 4 FLOP/cycle × 1.5 GHz
    }
}
