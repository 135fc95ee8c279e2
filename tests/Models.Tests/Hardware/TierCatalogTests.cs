using FgsActors.Models.Hardware;
using FgsActors.Models.Network;

namespace FgsActors.Models.Tests.Hardware;

public class TierCatalogTests
{
    public static TheoryData<string> TierNames()
    {
        var data = new TheoryData<string>();
        foreach (var t in TierCatalog.All) data.Add(t.Name);
        return data;
    }

    private static HardwareTier Get(string name) =>
        TierCatalog.TryGet(name, out var tier) ? tier : throw new InvalidOperationException(name);

    [Theory]
    [MemberData(nameof(TierNames))]
    public void Every_tier_is_physically_sane(string name)
    {
        var tier = Get(name);
        Assert.True(RadioCatalog.TryGet(tier.Radio, out _), $"radio {tier.Radio}");
        Assert.True(tier.MinCpuHz > 0 && tier.MinCpuHz <= tier.MaxCpuHz);
        Assert.True(tier.RamBytes > 0);
        Assert.True(tier.UsableRamBytes > 0 && tier.UsableRamBytes < tier.RamBytes);
        Assert.True(tier.IdlePowerW >= 0 && tier.ActivePowerW >= tier.IdlePowerW);
        Assert.True(tier.BatteryWh is null or > 0);
        Assert.True(tier.FlopsPerCycle > 0);
    }

    [Fact]
    public void Names_are_unique_and_lookup_ignores_case()
    {
        Assert.Equal(TierCatalog.All.Count, TierCatalog.All.Select(t => t.Name).Distinct().Count());
        Assert.True(TierCatalog.TryGet("SmartPhone", out var phone));
        Assert.Same(TierCatalog.Smartphone, phone);
        Assert.False(TierCatalog.TryGet("mainframe", out _));
    }

    [Fact]
    public void Sourced_figures_are_as_documented()
    {
        // Raspberry Pi 4: 540 mA / 1280 mA at 5 V (Pi Dramble); 1.5–1.8 GHz; 4 GiB.
        Close.Equal(2.7, TierCatalog.SingleBoardComputer.IdlePowerW);
        Close.Equal(6.4, TierCatalog.SingleBoardComputer.ActivePowerW);
        Assert.Equal(1.5e9, TierCatalog.SingleBoardComputer.MinCpuHz);
        Assert.Equal(4L << 30, TierCatalog.SingleBoardComputer.RamBytes);
        Assert.True(TierCatalog.SingleBoardComputer.IsMains);
        Close.Equal(37.0, TierCatalog.SingleBoardComputerOnBattery.BatteryWh!.Value);
        // Phone: 4000 mAh × 3.85 V; MCU: 2 × 2.6 Ah × 1.5 V; STM32F767 216 MHz, 512 KiB.
        Close.Equal(15.4, TierCatalog.Smartphone.BatteryWh!.Value);
        Close.Equal(7.8, TierCatalog.Microcontroller.BatteryWh!.Value);
        Assert.Equal(216e6, TierCatalog.Microcontroller.MaxCpuHz);
        Assert.Equal(512 * 1024, TierCatalog.Microcontroller.RamBytes);
        // Jetson Nano: 1.43 GHz, mains, 10 W, GPU 25 % of 236 GFLOP/s FP32.
        Assert.Equal(1.43e9, TierCatalog.Gateway.MaxCpuHz);
        Assert.True(TierCatalog.Gateway.IsMains);
        Close.Equal(59e9, TierCatalog.Gateway.AcceleratorFlopsPerSecond!.Value);
    }

    [Fact]
    public void Kappa_defaults_to_the_compute_model_value()
    {
        Assert.All(TierCatalog.All, t => Assert.Equal(FgsActors.Models.Energy.ComputeModel.DefaultSwitchedCapacitance, t.SwitchedCapacitance));
    }
}
