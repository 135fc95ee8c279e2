using FgsActors.Models.Network;

namespace FgsActors.Models.Tests.Network;

public class ShannonRateTests
{
    [Fact]
    public void Thermal_noise_is_minus_174_dbm_per_hz_in_watts() =>
        // 10^((−174 − 30)/10) = 10^(−20.4) = 3.981e-21 W/Hz.
        Assert.Equal(3.981071705534986e-21, ShannonRate.ThermalNoiseWattsPerHz, tolerance: 1e-33);

    [Fact]
    public void Snr_of_three_gives_two_bits_per_hertz()
    {
        // g·p = 3e-13 · 0.1 = 3e-14 W; N0·B = 1e-20 W/Hz · 1e6 Hz = 1e-14 W → SNR 3; r = 1e6 · log2(4) = 2e6 bit/s.
        Assert.Equal(3.0, ShannonRate.Snr(1e6, 3e-13, 0.1, 1e-20), 9);
        Assert.Equal(2e6, ShannonRate.BitsPerSecond(1e6, 3e-13, 0.1, 1e-20), tolerance: 1e-3);
    }

    [Fact]
    public void Snr_of_fifteen_gives_four_bits_per_hertz() =>
        // g·p = 1.5e-12 · 0.2 = 3e-13 W; N0·B = 1e-21 · 2e7 = 2e-14 W → SNR 15; r = 2e7 · log2(16) = 8e7 bit/s.
        Assert.Equal(8e7, ShannonRate.BitsPerSecond(2e7, 1.5e-12, 0.2, 1e-21), tolerance: 1e-3);

    [Fact]
    public void Default_noise_is_thermal()
    {
        // 1 MHz, 100 dB loss, 0.1 W: SNR = 1e-11 / (3.981e-21 · 1e6) = 2.512e3 → r = 1e6 · log2(2513) = 11.2952e6 bit/s.
        Assert.Equal(11.2952e6, ShannonRate.BitsPerSecond(1e6, 1e-10, 0.1), tolerance: 100);
    }

    [Fact]
    public void Zero_power_gives_zero_rate() => Assert.Equal(0.0, ShannonRate.BitsPerSecond(1e6, 1e-10, 0.0));

    [Fact]
    public void Bad_bandwidth_or_noise_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ShannonRate.BitsPerSecond(0.0, 1e-10, 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ShannonRate.BitsPerSecond(1e6, 1e-10, 0.1, 0.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ShannonRate.BitsPerSecond(1e6, -1.0, 0.1));
    }

    [Fact]
    public void Shannon_link_combines_path_loss_noise_figure_and_peak()
    {
        // 10 MHz, 23 dBm = 0.19953 W, 0.5 km: g = 10^(−11.67813) = 2.0983e-12, received 4.1867e-13 W.
        // Noise 3.981e-21 · 1e7 · 10^(0.5) = 1.2589e-13 W → SNR 3.3257 → 1e7 · log2(4.3257) = 21.129 Mbit/s.
        var link = new ShannonLink(10e6, Decibels.DbmToWatts(23), 0.5, noiseFigureDb: 5);
        Assert.Equal(21.129e6, link.BitsPerSecond, tolerance: 1e3);
        // At 50 m the SNR is huge; the cap wins.
        var capped = new ShannonLink(10e6, Decibels.DbmToWatts(23), 0.05, noiseFigureDb: 5, peakBitsPerSecond: 51.024e6);
        Assert.Equal(51.024e6, capped.BitsPerSecond);
    }

    [Fact]
    public void Rate_falls_with_distance()
    {
        var near = new ShannonLink(1e6, 0.2, 0.1);
        Assert.True(near.BitsPerSecond > near.AtDistance(0.5).BitsPerSecond);
        Assert.True(near.AtDistance(0.5).BitsPerSecond > near.AtDistance(2.0).BitsPerSecond);
    }
}
