namespace FgsActors.Models.Network;

/// <summary>
/// LoRa bit rate from its modulation parameters: Rb = SF · (BW / 2^SF) · 4 / (4 + CR) bit/s (Semtech SX1276/77/78/79
/// datasheet, §4.1.1 "Link design using the LoRa modem"). With BW = 125 kHz and CR = 1 (coding rate 4/5): SF7 ≈ 5.47 kbit/s,
/// SF12 ≈ 0.29 kbit/s, matching the LoRaWAN EU868 data rates DR5 (5470 bit/s) … DR0 (250 bit/s; low-data-rate
/// optimisation at SF11–12 lowers the formula value there — LoRaWAN Regional Parameters RP002).
/// </summary>
public static class LoRaRate
{
    /// <summary>Channel bandwidth of the EU868 LoRaWAN data rates DR0–DR5, Hz (LoRaWAN Regional Parameters RP002).</summary>
    public const double DefaultBandwidthHz = 125_000.0;

    /// <summary>Bit rate in bit/s for spreading factor 6–12, bandwidth in Hz and coding rate CR ∈ 1..4 (meaning 4/(4+CR)).</summary>
    public static double BitsPerSecond(int spreadingFactor, double bandwidthHz = DefaultBandwidthHz, int codingRate = 1)
    {
        if (spreadingFactor is < 6 or > 12)
            throw new ArgumentOutOfRangeException(nameof(spreadingFactor), spreadingFactor, "LoRa spreading factor must be 6–12");
        if (!(bandwidthHz > 0.0) || double.IsInfinity(bandwidthHz))
            throw new ArgumentOutOfRangeException(nameof(bandwidthHz), bandwidthHz, "bandwidth must be a finite number of Hz > 0");
        if (codingRate is < 1 or > 4)
            throw new ArgumentOutOfRangeException(nameof(codingRate), codingRate, "LoRa coding rate CR must be 1–4 (4/5 … 4/8)");
        return spreadingFactor * (bandwidthHz / Math.Pow(2.0, spreadingFactor)) * 4.0 / (4.0 + codingRate);
    }
}
