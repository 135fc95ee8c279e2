using System.Globalization;

namespace FgsActors.Models.Hardware;

/// <summary>Binary byte units. RAM is sold in binary sizes, so "4 GB" on a datasheet means 4 GiB.</summary>
public static class ByteSize
{
    /// <summary>1 KiB = 2^10 bytes (IEC 80000-13).</summary>
    public const long KiB = 1L << 10;

    /// <summary>1 MiB = 2^20 bytes (IEC 80000-13).</summary>
    public const long MiB = 1L << 20;

    /// <summary>1 GiB = 2^30 bytes (IEC 80000-13).</summary>
    public const long GiB = 1L << 30;

    /// <summary>Bytes → MiB.</summary>
    public static double ToMiB(double bytes) => bytes / MiB;

    /// <summary>
    /// A size in MiB for messages: two decimals below 10 MiB so a microcontroller's 0.44 MiB does not print as 0.4,
    /// one decimal above (the user compares magnitudes, not bytes).
    /// </summary>
    public static string FormatMiB(double bytes)
    {
        var mib = ToMiB(bytes);
        return mib.ToString(mib < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " MiB";
    }
}
