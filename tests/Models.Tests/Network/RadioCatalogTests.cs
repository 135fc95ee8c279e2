using FgsActors.Models.Network;

namespace FgsActors.Models.Tests.Network;

public class RadioCatalogTests
{
    [Fact]
    public void Names_are_unique_and_found_case_insensitively()
    {
        Assert.Equal(RadioCatalog.All.Count, RadioCatalog.All.Select(r => r.Name).Distinct().Count());
        Assert.True(RadioCatalog.TryGet("LTE", out var lte));
        Assert.Same(RadioCatalog.Lte, lte);
        Assert.True(RadioCatalog.TryGet("nb-iot", out _));
        Assert.False(RadioCatalog.TryGet("zigbee", out var none));
        Assert.Null(none);
    }

    [Fact]
    public void Every_class_has_positive_rates_and_a_lookahead_worthy_latency()
    {
        foreach (var radio in RadioCatalog.All)
        {
            Assert.True(radio.Uplink.BitsPerSecond > 0, radio.Name);
            Assert.True(radio.Downlink.BitsPerSecond > 0, radio.Name);
            Assert.True(radio.BaseLatencyS > 0, radio.Name);
        }
    }

    [Fact]
    public void Lte_at_the_default_distance_matches_the_hand_computation()
    {
        // Up: see ShannonRateTests (21.129 Mbit/s). Down: 39.81 W · 2.0983e-12 = 8.3535e-11 W over
        // 3.981e-21 · 1e7 · 10^0.9 = 3.1623e-13 W → SNR 264.16 → 1e7 · log2(265.16) = 80.507 Mbit/s.
        Assert.Equal(21.129e6, RadioCatalog.Lte.Uplink.BitsPerSecond, tolerance: 1e3);
        Assert.Equal(80.507e6, RadioCatalog.Lte.Downlink.BitsPerSecond, tolerance: 1e3);
    }

    [Fact]
    public void Lte_near_the_mast_is_capped_at_cat4_peaks()
    {
        var near = RadioCatalog.Lte.AtDistance(0.035);
        Assert.Equal(51.024e6, near.Uplink.BitsPerSecond);
        Assert.Equal(150.752e6, near.Downlink.BitsPerSecond);
        // Fixed-rate classes ignore distance.
        Assert.Equal(RadioCatalog.LoRa.Uplink.BitsPerSecond, RadioCatalog.LoRa.AtDistance(5.0).Uplink.BitsPerSecond);
    }

    [Fact]
    public void Lora_duty_cycle_limits_the_long_run_rate()
    {
        // SF9: 1757.8125 bit/s on air, 1% duty → 17.578125 bit/s up; 10% → 175.78125 bit/s down.
        Assert.Equal(17.578125, RadioCatalog.LoRa.EffectiveUplinkBitsPerSecond, 9);
        Assert.Equal(175.78125, RadioCatalog.LoRa.EffectiveDownlinkBitsPerSecond, 9);
        Assert.Equal(1e9, RadioCatalog.Ethernet.EffectiveUplinkBitsPerSecond);
    }

    [Fact]
    public void Electrical_powers_follow_the_cited_figures()
    {
        // SX1276 at 3.3 V: 29 mA → 95.7 mW TX, 10.8 mA → 35.64 mW RX.
        Assert.Equal(0.0957, RadioCatalog.LoRa.TransmitPowerW, 9);
        Assert.Equal(0.03564, RadioCatalog.LoRa.ReceivePowerW, 9);
        // Huang et al.: 1288.04 + 438.39 · 6 = 3918.38 mW; 1288.04 + 51.97 · 13 = 1963.65 mW.
        Assert.Equal(3.91838, RadioCatalog.Lte.TransmitPowerW, 9);
        Assert.Equal(1.96365, RadioCatalog.Lte.ReceivePowerW, 9);
    }

    [Fact]
    public void Invalid_classes_are_rejected()
    {
        var rate = new FixedRate(1e6);
        Assert.Throws<ArgumentOutOfRangeException>(() => new RadioClass("x", rate, rate, -1, 0, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RadioClass("x", rate, rate, 0, 0, 0, 0, uplinkDutyCycle: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RadioClass("x", rate, rate, 0, 0, 0, 0, downlinkDutyCycle: 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FixedRate(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FixedRate(-5));
    }
}
