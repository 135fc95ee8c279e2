using FgsActors.Models.Energy;

namespace FgsActors.Models.Hardware;

/// <summary>
/// One class of device hardware. Units are in the names: Hz, bytes, Wh, W. Defaults with sources are in
/// <see cref="TierCatalog"/>; the figures are per device, and a fleet varies them per device (FleetSpec).
/// </summary>
public sealed record HardwareTier
{
    /// <param name="name">Tier name used in configuration and device tables (e.g. "smartphone").</param>
    /// <param name="minCpuHz">Lowest sustained training clock across devices of the tier, Hz (&gt; 0).</param>
    /// <param name="maxCpuHz">Highest sustained training clock, Hz (≥ <paramref name="minCpuHz"/>).</param>
    /// <param name="flopsPerCycle">Sustained training FLOP per clock cycle of the whole CPU (all cores), used to turn a
    /// workload's FLOPs per sample into cycles per sample (&gt; 0).</param>
    /// <param name="ramBytes">Physical RAM, bytes (&gt; 0).</param>
    /// <param name="reservedRamBytes">RAM the OS and training runtime hold before the workload allocates, bytes
    /// (0 ≤ reserved &lt; RAM).</param>
    /// <param name="batteryWh">Battery capacity, Wh (&gt; 0), or null for mains power.</param>
    /// <param name="idlePowerW">Whole-device draw when on and not training, W (≥ 0).</param>
    /// <param name="activePowerW">Whole-device draw while training, W (≥ idle).</param>
    /// <param name="radio">Radio class name, one of <c>RadioCatalog</c>'s (ethernet, wifi, wifi-ac, lte, 5g, lora, nb-iot).</param>
    /// <param name="switchedCapacitance">κ for E = κ·c·D·f², J/(cycle·Hz²) (≥ 0).</param>
    /// <param name="acceleratorFlopsPerSecond">Measured sustained training FLOP/s of an accelerator (GPU, NPU) that
    /// replaces the CPU cycle model for FLOP-described workloads; null for CPU-only tiers.</param>
    public HardwareTier(
        string name,
        double minCpuHz,
        double maxCpuHz,
        double flopsPerCycle,
        long ramBytes,
        long reservedRamBytes,
        double? batteryWh,
        double idlePowerW,
        double activePowerW,
        string radio,
        double switchedCapacitance = ComputeModel.DefaultSwitchedCapacitance,
        double? acceleratorFlopsPerSecond = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(radio);
        Require.Positive(minCpuHz, nameof(minCpuHz), $"tier {name}: minimum CPU frequency (Hz)");
        Require.Positive(maxCpuHz, nameof(maxCpuHz), $"tier {name}: maximum CPU frequency (Hz)");
        if (minCpuHz > maxCpuHz)
            throw new ArgumentException($"tier {name}: minimum CPU frequency {minCpuHz} Hz exceeds the maximum {maxCpuHz} Hz", nameof(minCpuHz));
        Require.Positive(flopsPerCycle, nameof(flopsPerCycle), $"tier {name}: FLOP per cycle");
        if (ramBytes <= 0)
            throw new ArgumentOutOfRangeException(nameof(ramBytes), ramBytes, $"tier {name}: RAM (bytes) must be > 0");
        if (reservedRamBytes < 0 || reservedRamBytes >= ramBytes)
            throw new ArgumentOutOfRangeException(nameof(reservedRamBytes), reservedRamBytes,
                $"tier {name}: reserved RAM (bytes) must lie in [0, RAM = {ramBytes})");
        if (batteryWh is { } wh) Require.Positive(wh, nameof(batteryWh), $"tier {name}: battery capacity (Wh)");
        Require.NonNegative(idlePowerW, nameof(idlePowerW), $"tier {name}: idle power (W)");
        Require.NonNegative(activePowerW, nameof(activePowerW), $"tier {name}: active power (W)");
        if (activePowerW < idlePowerW)
            throw new ArgumentException($"tier {name}: active power {activePowerW} W is below idle power {idlePowerW} W", nameof(activePowerW));
        Require.NonNegative(switchedCapacitance, nameof(switchedCapacitance), $"tier {name}: switched capacitance κ");
        if (acceleratorFlopsPerSecond is { } acc)
            Require.Positive(acc, nameof(acceleratorFlopsPerSecond), $"tier {name}: accelerator FLOP/s");

        Name = name;
        MinCpuHz = minCpuHz;
        MaxCpuHz = maxCpuHz;
        FlopsPerCycle = flopsPerCycle;
        RamBytes = ramBytes;
        ReservedRamBytes = reservedRamBytes;
        BatteryWh = batteryWh;
        IdlePowerW = idlePowerW;
        ActivePowerW = activePowerW;
        Radio = radio;
        SwitchedCapacitance = switchedCapacitance;
        AcceleratorFlopsPerSecond = acceleratorFlopsPerSecond;
    }

    /// <summary>Tier name.</summary>
    public string Name { get; }

    /// <summary>f_min, Hz.</summary>
    public double MinCpuHz { get; }

    /// <summary>f_max, Hz.</summary>
    public double MaxCpuHz { get; }

    /// <summary>Sustained training FLOP per cycle (whole CPU).</summary>
    public double FlopsPerCycle { get; }

    /// <summary>Physical RAM, bytes.</summary>
    public long RamBytes { get; }

    /// <summary>RAM held by OS and runtime, bytes.</summary>
    public long ReservedRamBytes { get; }

    /// <summary>RAM a workload may use, bytes: physical − reserved.</summary>
    public long UsableRamBytes => RamBytes - ReservedRamBytes;

    /// <summary>Battery capacity, Wh; null on mains.</summary>
    public double? BatteryWh { get; }

    /// <summary>True for mains-powered tiers.</summary>
    public bool IsMains => BatteryWh is null;

    /// <summary>Idle draw, W.</summary>
    public double IdlePowerW { get; }

    /// <summary>Draw while training, W.</summary>
    public double ActivePowerW { get; }

    /// <summary>Radio class name.</summary>
    public string Radio { get; }

    /// <summary>κ, J/(cycle·Hz²).</summary>
    public double SwitchedCapacitance { get; }

    /// <summary>Accelerator sustained FLOP/s, or null.</summary>
    public double? AcceleratorFlopsPerSecond { get; }

    /// <summary>Effective CPU training throughput at <paramref name="cpuHz"/>, FLOP/s = FLOP per cycle × f.</summary>
    public double CpuFlopsPerSecond(double cpuHz) =>
        FlopsPerCycle * Require.Positive(cpuHz, nameof(cpuHz), "CPU frequency (Hz)");

    /// <summary>
    /// κ that makes the DVFS dynamic power κ·f³ equal the measured load increase (active − idle) at f_max,
    /// J/(cycle·Hz²). The literature default κ = 1e-28 is a phone-CPU figure; this is the calibrated alternative
    /// for a tier whose power was measured (see docs/model-hardware.md).
    /// </summary>
    public double CalibratedSwitchedCapacitance() =>
        (ActivePowerW - IdlePowerW) / (MaxCpuHz * MaxCpuHz * MaxCpuHz);
}
