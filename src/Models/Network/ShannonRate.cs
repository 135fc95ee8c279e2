namespace FgsActors.Models.Network;

/// <summary>
/// Shannon capacity of an AWGN link, r = B·log2(1 + g·p / (N0·B)) bit/s (Shannon 1948; the uplink model of Yang et al.,
/// IEEE TWC 2021). An upper bound: real modulation and coding reach a fraction of it, which is why the radio classes
/// also carry a peak-rate cap.
/// </summary>
public static class ShannonRate
{
    /// <summary>
    /// Thermal noise power spectral density at 290 K, dBm/Hz: k·T = 1.380649e-23 J/K × 290 K = 4.0e-21 W/Hz = −174 dBm/Hz
    /// (Johnson–Nyquist; the figure used by 3GPP TR 36.814 and Yang et al.).
    /// </summary>
    public const double ThermalNoiseDbmPerHz = -174.0;

    /// <summary>−174 dBm/Hz in W/Hz: 10^((−174 − 30)/10) = 3.98e-21 W/Hz.</summary>
    public static readonly double ThermalNoiseWattsPerHz = Decibels.DbmToWatts(ThermalNoiseDbmPerHz);

    /// <summary>Signal-to-noise ratio (linear) g·p / (N0·B).</summary>
    public static double Snr(double bandwidthHz, double gain, double transmitPowerW, double noiseWattsPerHz)
    {
        if (!(bandwidthHz > 0.0) || double.IsInfinity(bandwidthHz))
            throw new ArgumentOutOfRangeException(nameof(bandwidthHz), bandwidthHz, "bandwidth must be a finite number of Hz > 0");
        if (!(gain >= 0.0)) throw new ArgumentOutOfRangeException(nameof(gain), gain, "channel gain must be ≥ 0");
        if (!(transmitPowerW >= 0.0)) throw new ArgumentOutOfRangeException(nameof(transmitPowerW), transmitPowerW, "transmit power must be ≥ 0 W");
        if (!(noiseWattsPerHz > 0.0)) throw new ArgumentOutOfRangeException(nameof(noiseWattsPerHz), noiseWattsPerHz, "noise density must be > 0 W/Hz");
        return gain * transmitPowerW / (noiseWattsPerHz * bandwidthHz);
    }

    /// <summary>Rate in bit/s: B·log2(1 + g·p/(N0·B)), with N0 in W/Hz (default thermal noise, −174 dBm/Hz).</summary>
    public static double BitsPerSecond(double bandwidthHz, double gain, double transmitPowerW, double noiseWattsPerHz)
        => bandwidthHz * Math.Log2(1.0 + Snr(bandwidthHz, gain, transmitPowerW, noiseWattsPerHz));

    /// <summary>Rate in bit/s against thermal noise only (−174 dBm/Hz).</summary>
    public static double BitsPerSecond(double bandwidthHz, double gain, double transmitPowerW)
        => BitsPerSecond(bandwidthHz, gain, transmitPowerW, ThermalNoiseWattsPerHz);
}
