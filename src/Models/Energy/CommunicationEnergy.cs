namespace FgsActors.Models.Energy;

/// <summary>
/// Radio transmit time and energy at a given link rate: t = s/r and E = p·s/r (Tran et al.,
/// INFOCOM 2019; Yang et al., TWC 2021). The rate r comes from the link model (Shannon or a fixed
/// class rate); this class only turns it into seconds and joules.
/// </summary>
public static class CommunicationEnergy
{
    /// <summary>Bits per byte; payload sizes are counted in bytes, rates in bit/s.</summary>
    public const double BitsPerByte = 8.0;

    /// <summary>Size in bits of a payload of <paramref name="bytes"/> bytes.</summary>
    public static double BitsFromBytes(double bytes) => Require.NonNegative(bytes, nameof(bytes)) * BitsPerByte;

    /// <summary>Transfer time s/r (s).</summary>
    /// <param name="bits">s, payload (bit, ≥ 0)</param>
    /// <param name="rateBitsPerSecond">r, link rate (bit/s, &gt; 0)</param>
    public static double TransferSeconds(double bits, double rateBitsPerSecond) =>
        Require.NonNegative(bits, nameof(bits)) / Require.Positive(rateBitsPerSecond, nameof(rateBitsPerSecond));

    /// <summary>Transmit energy E = p·s/r (J).</summary>
    /// <param name="transmitPowerWatts">p, radio power while transmitting (W, ≥ 0)</param>
    /// <param name="bits">s, payload (bit, ≥ 0)</param>
    /// <param name="rateBitsPerSecond">r, link rate (bit/s, &gt; 0)</param>
    public static double TransferJoules(double transmitPowerWatts, double bits, double rateBitsPerSecond) =>
        Require.NonNegative(transmitPowerWatts, nameof(transmitPowerWatts)) * TransferSeconds(bits, rateBitsPerSecond);
}
