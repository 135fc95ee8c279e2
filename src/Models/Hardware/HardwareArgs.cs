namespace FgsActors.Models.Hardware;

/// <summary>
/// Argument checks for the hardware model. NaN and infinities are refused with the negatives: a NaN clock or RAM size
/// would otherwise turn into NaN seconds and joules far from the tier definition that caused it.
/// </summary>
internal static class HardwareArgs
{
    public static double Positive(double value, string paramName, string what)
    {
        if (!double.IsFinite(value) || value <= 0)
            throw new ArgumentOutOfRangeException(paramName, value, $"{what} must be finite and > 0");
        return value;
    }

    public static double NonNegative(double value, string paramName, string what)
    {
        if (!double.IsFinite(value) || value < 0)
            throw new ArgumentOutOfRangeException(paramName, value, $"{what} must be finite and ≥ 0");
        return value;
    }
}
