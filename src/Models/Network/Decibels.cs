namespace FgsActors.Models.Network;

/// <summary>
/// Conversions between logarithmic (dB, dBm) and linear (ratio, W) power figures. Radio datasheets and standards
/// quote dB; the rate and energy formulas need linear values.
/// </summary>
public static class Decibels
{
    /// <summary>Power in W of a level in dBm: P = 10^(dBm/10) mW = 10^((dBm − 30)/10) W (definition of dBm, 0 dBm = 1 mW).</summary>
    public static double DbmToWatts(double dbm) => Math.Pow(10.0, (dbm - 30.0) / 10.0);

    /// <summary>Level in dBm of a power in W; the inverse of <see cref="DbmToWatts"/>. Requires watts &gt; 0.</summary>
    public static double WattsToDbm(double watts)
    {
        if (!(watts > 0.0)) throw new ArgumentOutOfRangeException(nameof(watts), watts, "power must be > 0 W to have a dBm level");
        return 10.0 * Math.Log10(watts) + 30.0;
    }

    /// <summary>Linear power ratio of a figure in dB: 10^(dB/10).</summary>
    public static double ToLinear(double db) => Math.Pow(10.0, db / 10.0);

    /// <summary>Figure in dB of a linear power ratio (&gt; 0): 10·log10(ratio).</summary>
    public static double FromLinear(double ratio)
    {
        if (!(ratio > 0.0)) throw new ArgumentOutOfRangeException(nameof(ratio), ratio, "a power ratio must be > 0 to have a dB figure");
        return 10.0 * Math.Log10(ratio);
    }
}
