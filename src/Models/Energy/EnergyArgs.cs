namespace FgsActors.Models.Energy;

/// <summary>
/// Argument checks shared by the energy models. NaN and infinities are rejected as well as
/// negatives: a NaN joule count would otherwise flow silently into rounds.csv and the result hash.
/// </summary>
internal static class EnergyArgs
{
    /// <summary>Requires a finite value ≥ 0.</summary>
    public static double NonNegative(double value, string paramName)
    {
        if (!double.IsFinite(value) || value < 0)
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be finite and ≥ 0.");
        return value;
    }

    /// <summary>Requires a finite value &gt; 0 (used for divisors such as frequency and rate).</summary>
    public static double Positive(double value, string paramName)
    {
        if (!double.IsFinite(value) || value <= 0)
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be finite and > 0.");
        return value;
    }

    /// <summary>Requires a finite value of either sign (e.g. a time-zone offset).</summary>
    public static double Finite(double value, string paramName)
    {
        if (!double.IsFinite(value))
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be finite.");
        return value;
    }
}
