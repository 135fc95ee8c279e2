using System.Diagnostics.CodeAnalysis;

namespace FgsActors.Models.Hardware;

/// <summary>
/// Default hardware tiers. Every figure carries its unit and source; where no source was at hand the comment says
/// "assumption". f_min..f_max is the spread of sustained training clocks across devices of a tier (power modes,
/// board revisions, big/little clusters), which fleet generation samples per device — not the full DVFS table,
/// whose lowest steps (e.g. 102 MHz on a Jetson Nano) no one trains at. κ is ComputeModel's literature default for
/// all tiers; <see cref="HardwareTier.CalibratedSwitchedCapacitance"/> gives the measured-power alternative.
/// </summary>
public static class TierCatalog
{
    /// <summary>
    /// Jetson-class edge gateway: NVIDIA Jetson Nano Developer Kit (4 GB), mains, Gigabit Ethernet.
    /// </summary>
    public static HardwareTier Gateway { get; } = new(
        name: "gateway",
        // 0.918 GHz: CPU cap of the 5 W nvpmodel mode (NVIDIA Jetson Linux Developer Guide, "Power Management for
        // Jetson Nano"); 1.43 GHz: quad Cortex-A57 maximum (NVIDIA Jetson Nano module data sheet, DA-09366). Hz.
        minCpuHz: 0.918e9,
        maxCpuHz: 1.43e9,
        // Assumption: 4 FLOP/cycle for the whole quad-core CPU (≈ 1 sustained FLOP/cycle/core in a framework
        // training loop, far below the NEON peak). Only used for FLOP workloads when no accelerator figure applies.
        flopsPerCycle: 4,
        // 4 GB 64-bit LPDDR4 (Jetson Nano data sheet), read as 4 GiB. bytes.
        ramBytes: 4 * ByteSize.GiB,
        // Assumption: 1 GiB for Ubuntu/L4T, the CUDA context and the training framework. bytes.
        reservedRamBytes: 1 * ByteSize.GiB,
        batteryWh: null, // mains: the developer kit is powered from a 5 V barrel/micro-USB supply.
                         // Assumption: ≈ 2 W idle headless; the data sheet gives only power budgets, not an idle figure. W.
        idlePowerW: 2.0,
        // 10 W: the MAXN power budget (Jetson Nano data sheet: 5 W and 10 W modes). W.
        activePowerW: 10.0,
        radio: "ethernet", // Gigabit Ethernet port on the developer kit (Jetson Nano Developer Kit user guide).
                           // 472 GFLOP/s is the FP16 peak of the 128-core Maxwell GPU (Jetson Nano data sheet); FP32 peak is half,
                           // 236 GFLOP/s. Assumption: 25 % of FP32 peak sustained in training → 59 GFLOP/s.
        acceleratorFlopsPerSecond: 0.25 * 236e9);

    /// <summary>Mid-range smartphone (Snapdragon 695-class SoC), battery, LTE.</summary>
    public static HardwareTier Smartphone { get; } = new(
        name: "smartphone",
        // Qualcomm Snapdragon 695 5G product brief: Kryo 660, 2× Cortex-A78 up to 2.2 GHz and 6× Cortex-A55 up to
        // 1.7 GHz; a phone training on its little cluster runs at f_min, on the big cores at f_max. Hz.
        minCpuHz: 1.7e9,
        maxCpuHz: 2.2e9,
        // Assumption: 8 FLOP/cycle for the whole 8-core CPU (≈ 1 sustained FLOP/cycle/core).
        flopsPerCycle: 8,
        // Assumption: 6 GiB, the middle of the 4–8 GB sold in mid-range phones (e.g. Samsung Galaxy A54: 6 or 8 GB). bytes.
        ramBytes: 6 * ByteSize.GiB,
        // Assumption: 3 GiB held by Android, resident apps and low-memory-killer headroom. bytes.
        reservedRamBytes: 3 * ByteSize.GiB,
        // 4000 mAh × 3.85 V = 15.4 Wh: the nominal rating of e.g. Samsung EB-BA505ABU (Galaxy A50); 3.85 V is the
        // nominal voltage of high-voltage Li-ion phone cells. Wh.
        batteryWh: 4.0 * 3.85,
        // Assumption: 0.3 W awake with the screen off — the order of the ≈ 0.27 W idle that Carroll and Heiser
        // measured ("An Analysis of Power Consumption in a Smartphone", USENIX ATC 2010) on an older phone. W.
        idlePowerW: 0.3,
        // Assumption: 3 W sustained all-core load, the passive-cooling envelope of a phone (2–4 W). W.
        activePowerW: 3.0,
        radio: "lte");

    /// <summary>Single-board computer: Raspberry Pi 4 Model B (4 GB), mains, Wi-Fi.</summary>
    public static HardwareTier SingleBoardComputer { get; } = PiFour("sbc", batteryWh: null);

    /// <summary>
    /// The same Raspberry Pi 4 on a USB power bank. 10,000 mAh × 3.7 V = 37 Wh — assumption: a common power-bank size
    /// rated at its 3.7 V cell voltage; the 5 V converter's loss (typically 10–15 %) is not modelled. Wh.
    /// </summary>
    public static HardwareTier SingleBoardComputerOnBattery { get; } = PiFour("sbc-battery", batteryWh: 10.0 * 3.7);

    /// <summary>Microcontroller: Cortex-M4/M7 class (STM32F4/F7), 2×AA alkaline, LoRa.</summary>
    public static HardwareTier Microcontroller { get; } = new(
        name: "microcontroller",
        // 168 MHz: STM32F407 Cortex-M4 (ST datasheet DS8626); 216 MHz: STM32F767 Cortex-M7 (ST datasheet DS11532). Hz.
        minCpuHz: 168e6,
        maxCpuHz: 216e6,
        // Assumption: 0.25 FLOP/cycle sustained for float32 training on a single-issue FPU with loads/stores
        // (the FPU's FMA peak is 2 FLOP/cycle).
        flopsPerCycle: 0.25,
        // 512 KB SRAM of the STM32F767 (DS11532), read as 512 KiB. bytes.
        ramBytes: 512 * ByteSize.KiB,
        // Assumption: 64 KiB for firmware state, RTOS stacks and the LoRa stack's buffers. bytes.
        reservedRamBytes: 64 * ByteSize.KiB,
        // 2 × AA alkaline: 2 × 2.6 Ah × 1.5 V = 7.8 Wh. Assumption: 2.6 Ah per cell, a mid value of the 2.5–3 Ah an
        // alkaline AA delivers depending on drain (e.g. Energizer E91 data sheet). Wh.
        batteryWh: 2 * 2.6 * 1.5,
        // Assumption: ≈ 0.15 mA × 3.3 V ≈ 0.5 mW, the order of an STM32F7's Stop-mode current between rounds. W.
        idlePowerW: 0.15e-3 * 3.3,
        // Assumption: ≈ 100 mA × 3.3 V = 0.33 W, the order of the STM32F767 run-mode supply current at 216 MHz
        // (DS11532, peripherals off); not re-verified against the table. W.
        activePowerW: 0.100 * 3.3,
        radio: "lora");

    /// <summary>Every default tier, in a fixed order.</summary>
    public static IReadOnlyList<HardwareTier> All { get; } =
        [Gateway, Smartphone, SingleBoardComputer, SingleBoardComputerOnBattery, Microcontroller];

    /// <summary>The default tier of a name (case-insensitive), or false when there is none.</summary>
    public static bool TryGet(string name, [NotNullWhen(true)] out HardwareTier? tier)
    {
        tier = All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
        return tier is not null;
    }

    private static HardwareTier PiFour(string name, double? batteryWh) => new(
        name: name,
        // 1.5 GHz quad Cortex-A72 (Raspberry Pi 4 Model B product brief); 1.8 GHz is the default clock of boards
        // with the BCM2711 C0 stepping (Raspberry Pi documentation, config.txt "Overclocking": arm_freq). Hz.
        minCpuHz: 1.5e9,
        maxCpuHz: 1.8e9,
        // Assumption: 4 FLOP/cycle for the quad-core CPU (≈ 1 sustained FLOP/cycle/core).
        flopsPerCycle: 4,
        // 4 GB LPDDR4 variant (product brief), read as 4 GiB. bytes.
        ramBytes: 4 * ByteSize.GiB,
        // Assumption: 0.5 GiB for Raspberry Pi OS Lite and the Python training runtime. bytes.
        reservedRamBytes: ByteSize.GiB / 2,
        batteryWh: batteryWh,
        // 2.7 W idle and 6.4 W under `stress --cpu 4`: 540 mA and 1280 mA at 5 V, Jeff Geerling's Raspberry Pi
        // Dramble power-consumption benchmarks (pidramble.com) for the Pi 4 Model B. Later firmware lowered idle by
        // about 0.5 W (The MagPi / raspberrypi.org, "Thermal testing Raspberry Pi 4", 2019). W.
        idlePowerW: 0.540 * 5.0,
        activePowerW: 1.280 * 5.0,
        // The Pi 4's radio is 1×1 802.11ac (433 Mbit/s PHY), between the catalog's "wifi" (802.11n, 72.2 Mbit/s)
        // and "wifi-ac" (2×2, 866.7 Mbit/s); the conservative class is chosen.
        radio: "wifi");
}
