namespace FgsActors.Models;

/// <summary>
/// Argument checks shared by the numeric models: each throws <see cref="ArgumentOutOfRangeException"/> naming
/// the parameter (and, where given, what it means) and returns the value so it can be used inline.
/// </summary>
internal static class Require
{
    public static double Finite(double value, string paramName, string? what = null) =>
        double.IsFinite(value) ? value : throw Fail(paramName, value, what, "must be finite");

    public static double NonNegative(double value, string paramName, string? what = null) =>
        double.IsFinite(value) && value >= 0 ? value : throw Fail(paramName, value, what, "must be finite and ≥ 0");

    public static double Positive(double value, string paramName, string? what = null) =>
        double.IsFinite(value) && value > 0 ? value : throw Fail(paramName, value, what, "must be finite and > 0");

    /// <summary>A uniform draw for an inverse-CDF sampler: in [0, 1).</summary>
    public static double Uniform(double u, string paramName) =>
        u >= 0.0 && u < 1.0 ? u : throw Fail(paramName, u, null, "must be a uniform draw in [0, 1)");

    private static ArgumentOutOfRangeException Fail(string paramName, double value, string? what, string rule) =>
        new(paramName, value, $"{what ?? paramName} {rule}");
}
