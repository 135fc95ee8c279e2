using System.Diagnostics.CodeAnalysis;

namespace FgsActors.Models.Network;

/// <summary>
/// Default radio classes. Rates are physical-layer figures (MAC overhead is not modelled, see docs/model-network.md);
/// base latencies are the minimum one-way latency, because the kernel uses the minimum as its lookahead and jitter
/// only ever adds. Where a figure is an assumption rather than a sourced value, the comment says so.
/// </summary>
public static class RadioCatalog
{
    // Supply voltage for converting datasheet currents to watts, V: the typical-conditions VDD of the SX1276 and
    // ESP32 datasheets (3.3 V).
    private const double SupplyV = 3.3;

    /// <summary>Distance at which the Shannon classes are evaluated by default, km: the 500 m cell radius of Yang et al. (TWC 2021).</summary>
    public const double DefaultDistanceKm = 0.5;

    /// <summary>
    /// Gigabit Ethernet: 1 Gbit/s each way (IEEE 802.3ab, 1000BASE-T). Base latency 100 µs — assumption: a switched
    /// LAN path of a few hops, each storing a 1500-byte frame for 12 µs at 1 Gbit/s. Powers 0: wired devices are
    /// mains-powered, and the PHY's draw is part of the tier's idle/active power.
    /// </summary>
    public static RadioClass Ethernet { get; } = new("ethernet", new FixedRate(1e9), new FixedRate(1e9),
        baseLatencyS: 100e-6, transmitPowerW: 0.0, receivePowerW: 0.0, idlePowerW: 0.0);

    /// <summary>
    /// Wi-Fi 4 (802.11n), 20 MHz, 1 spatial stream, MCS7, 400 ns guard interval: 72.2 Mbit/s PHY each way (IEEE 802.11-2020,
    /// HT MCS table). Base latency 1 ms — assumption: one contention-free access plus frame exchange. Powers from the
    /// ESP32 datasheet (Espressif, RF power-consumption table): TX 802.11n MCS7 180 mA, RX 100 mA, at 3.3 V.
    /// </summary>
    public static RadioClass WiFi { get; } = new("wifi", new FixedRate(72.2e6), new FixedRate(72.2e6),
        baseLatencyS: 1e-3, transmitPowerW: 0.180 * SupplyV, receivePowerW: 0.100 * SupplyV, idlePowerW: 0.0);

    /// <summary>
    /// Wi-Fi 5 (802.11ac), 80 MHz, 2 spatial streams, MCS9, 400 ns guard interval: 866.7 Mbit/s PHY each way (IEEE 802.11-2020,
    /// VHT MCS table). Latency and powers as <see cref="WiFi"/> (same assumption and source; a 2×2 radio draws more).
    /// </summary>
    public static RadioClass WiFiAc { get; } = new("wifi-ac", new FixedRate(866.7e6), new FixedRate(866.7e6),
        baseLatencyS: 1e-3, transmitPowerW: 0.180 * SupplyV, receivePowerW: 0.100 * SupplyV, idlePowerW: 0.0);

    /// <summary>
    /// LTE: Shannon rates rather than the category peak, because measured rates are far below peak (Huang et al.,
    /// MobiSys 2012: median 13 Mbit/s down, 6 Mbit/s up) and depend on distance. Uplink: 10 MHz carrier (TR 36.814),
    /// 23 dBm UE (power class 3, TS 36.101), eNB noise figure 5 dB (TR 36.814), capped at the Cat-4 peak 51.024 Mbit/s
    /// (TS 36.306); about 21 Mbit/s at 0.5 km. Downlink: 46 dBm eNB over 10 MHz (TR 36.814), UE noise figure 9 dB,
    /// capped at the Cat-4 peak 150.752 Mbit/s; about 81 Mbit/s at 0.5 km. Both assume one active user per carrier
    /// (cell sharing is not modelled): lower the bandwidth to model a share. Base latency 5 ms: the E-UTRA user-plane
    /// one-way target (3GPP TR 25.913). Powers: Huang et al.'s linear model P = β + α·rate (β = 1288.04 mW,
    /// α_up = 438.39 mW per Mbit/s, α_down = 51.97 mW per Mbit/s) at their median rates, 6 up and 13 down.
    /// </summary>
    public static RadioClass Lte { get; } = new("lte",
        new ShannonLink(10e6, Decibels.DbmToWatts(23), DefaultDistanceKm, noiseFigureDb: 5, peakBitsPerSecond: 51.024e6),
        new ShannonLink(10e6, Decibels.DbmToWatts(46), DefaultDistanceKm, noiseFigureDb: 9, peakBitsPerSecond: 150.752e6),
        baseLatencyS: 5e-3, transmitPowerW: 1.28804 + 0.43839 * 6, receivePowerW: 1.28804 + 0.05197 * 13, idlePowerW: 0.0);

    /// <summary>
    /// 5G NR (FR1): Shannon over a 100 MHz carrier (the FR1 maximum, TS 38.101-1), 23 dBm UE (power class 3,
    /// TS 38.101-1), gNB 46 dBm — assumption: the TR 36.814 macro figure reused; NR macros often transmit more — noise
    /// figures as LTE, no peak cap. The 128.1 + 37.6·log10(d) loss is fitted at 2 GHz and understates loss at 3.5 GHz.
    /// About 41 Mbit/s up and 480 Mbit/s down at 0.5 km. Base latency 4 ms: the IMT-2020 eMBB user-plane requirement
    /// (ITU-R M.2410). Powers — assumption: no per-state NR figure at hand, LTE's (Huang et al. 2012) reused.
    /// </summary>
    public static RadioClass Nr5G { get; } = new("5g",
        new ShannonLink(100e6, Decibels.DbmToWatts(23), DefaultDistanceKm, noiseFigureDb: 5),
        new ShannonLink(100e6, Decibels.DbmToWatts(46), DefaultDistanceKm, noiseFigureDb: 9),
        baseLatencyS: 4e-3, transmitPowerW: Lte.TransmitPowerW, receivePowerW: Lte.ReceivePowerW, idlePowerW: 0.0);

    /// <summary>
    /// LoRa (LoRaWAN EU868) at SF9, 125 kHz, CR 4/5: ≈ 1.76 kbit/s each way (<see cref="LoRaRate"/>; DR3), a mid-range choice
    /// between SF7 (5.47 kbit/s, near the gateway) and SF12 (0.29 kbit/s, cell edge). Uplink duty cycle 1% (ETSI EN 300 220,
    /// sub-band 868.0–868.6 MHz); downlink 10% (RX2 at 869.525 MHz, sub-band 869.4–869.65 MHz). Base latency 100 ms —
    /// assumption: gateway backhaul and network server; class-A receive windows (1 s after an uplink) are not modelled.
    /// Powers from the Semtech SX1276 datasheet (power-consumption table) at 3.3 V: TX +13 dBm 29 mA, RX 10.8 mA, sleep 0.2 µA.
    /// </summary>
    public static RadioClass LoRa { get; } = new("lora",
        new FixedRate(LoRaRate.BitsPerSecond(9)), new FixedRate(LoRaRate.BitsPerSecond(9)),
        baseLatencyS: 0.1, transmitPowerW: 0.029 * SupplyV, receivePowerW: 0.0108 * SupplyV, idlePowerW: 0.2e-6 * SupplyV,
        uplinkDutyCycle: 0.01, downlinkDutyCycle: 0.10);

    /// <summary>
    /// NB-IoT, Release-13 Cat-NB1 peaks: 62.5 kbit/s up (multi-tone), 26 kbit/s down (Wang et al., "A primer on 3GPP
    /// narrowband Internet of Things", IEEE Commun. Mag. 55(3), 2017) — the deployed base; Rel-14 Cat-NB2 reaches about
    /// 159/127 kbit/s. Base latency 0.5 s — assumption: 3GPP TR 45.820 only bounds it (≤ 10 s at 164 dB coupling loss);
    /// normal coverage is far faster. Powers from the TR 45.820 battery-life assumptions: TX 543 mW, RX 90 mW, idle light sleep 3 mW.
    /// </summary>
    public static RadioClass NbIot { get; } = new("nb-iot", new FixedRate(62.5e3), new FixedRate(26e3),
        baseLatencyS: 0.5, transmitPowerW: 0.543, receivePowerW: 0.090, idlePowerW: 0.003);

    /// <summary>Every default class, in a fixed order.</summary>
    public static IReadOnlyList<RadioClass> All { get; } = [Ethernet, WiFi, WiFiAc, Lte, Nr5G, LoRa, NbIot];

    /// <summary>The default class of a configuration name (case-insensitive), or false when there is none.</summary>
    public static bool TryGet(string name, [NotNullWhen(true)] out RadioClass? radio)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                radio = candidate;
                return true;
            }
        }
        radio = null;
        return false;
    }
}
