namespace FgsActors.Models.Network;

/// <summary>
/// A rate from <see cref="ShannonRate"/> with the <see cref="PathLoss"/> gain at <see cref="DistanceKm"/>:
/// r = min(peak, B·log2(1 + g(d)·p / (N0·F·B))), where F is the receiver noise figure (linear) — thermal noise alone
/// overstates SNR by the receiver's own noise, which 3GPP evaluations include. The peak cap is the radio category's
/// maximum (modulation and coding cannot reach Shannon at high SNR).
/// </summary>
public sealed record ShannonLink : LinkRate
{
    public ShannonLink(double bandwidthHz, double transmitPowerW, double distanceKm, double noiseFigureDb = 0.0,
        double peakBitsPerSecond = double.PositiveInfinity, double noiseDbmPerHz = ShannonRate.ThermalNoiseDbmPerHz)
    {
        if (!(bandwidthHz > 0.0) || double.IsInfinity(bandwidthHz))
            throw new ArgumentOutOfRangeException(nameof(bandwidthHz), bandwidthHz, "bandwidth must be a finite number of Hz > 0");
        if (!(transmitPowerW > 0.0) || double.IsInfinity(transmitPowerW))
            throw new ArgumentOutOfRangeException(nameof(transmitPowerW), transmitPowerW, "radiated power must be a finite number of W > 0");
        if (!(distanceKm > 0.0) || double.IsInfinity(distanceKm))
            throw new ArgumentOutOfRangeException(nameof(distanceKm), distanceKm, "distance must be a finite number of km > 0");
        if (!(noiseFigureDb >= 0.0) || double.IsInfinity(noiseFigureDb))
            throw new ArgumentOutOfRangeException(nameof(noiseFigureDb), noiseFigureDb, "noise figure must be a finite number of dB ≥ 0");
        if (!(peakBitsPerSecond > 0.0))
            throw new ArgumentOutOfRangeException(nameof(peakBitsPerSecond), peakBitsPerSecond, "peak rate must be > 0 bit/s");
        if (double.IsNaN(noiseDbmPerHz) || double.IsInfinity(noiseDbmPerHz))
            throw new ArgumentOutOfRangeException(nameof(noiseDbmPerHz), noiseDbmPerHz, "noise density must be a finite number of dBm/Hz");
        BandwidthHz = bandwidthHz;
        TransmitPowerW = transmitPowerW;
        DistanceKm = distanceKm;
        NoiseFigureDb = noiseFigureDb;
        PeakBitsPerSecond = peakBitsPerSecond;
        NoiseDbmPerHz = noiseDbmPerHz;
    }

    /// <summary>Bandwidth B the transmitter uses, Hz.</summary>
    public double BandwidthHz { get; }

    /// <summary>Radiated (antenna) power p, W — not the electrical draw, which <see cref="RadioClass"/> carries for energy.</summary>
    public double TransmitPowerW { get; }

    /// <summary>Transmitter–receiver distance, km.</summary>
    public double DistanceKm { get; }

    /// <summary>Receiver noise figure, dB (0 = thermal noise only, as in Yang et al.).</summary>
    public double NoiseFigureDb { get; }

    /// <summary>Cap on the rate, bit/s (+∞ = none).</summary>
    public double PeakBitsPerSecond { get; }

    /// <summary>Noise power spectral density N0, dBm/Hz (default −174, thermal at 290 K).</summary>
    public double NoiseDbmPerHz { get; }

    public override double BitsPerSecond
    {
        get
        {
            var noise = Decibels.DbmToWatts(NoiseDbmPerHz) * Decibels.ToLinear(NoiseFigureDb);
            var shannon = ShannonRate.BitsPerSecond(BandwidthHz, PathLoss.Gain(DistanceKm), TransmitPowerW, noise);
            return Math.Min(PeakBitsPerSecond, shannon);
        }
    }

    public override LinkRate AtDistance(double distanceKm)
        => new ShannonLink(BandwidthHz, TransmitPowerW, distanceKm, NoiseFigureDb, PeakBitsPerSecond, NoiseDbmPerHz);
}
