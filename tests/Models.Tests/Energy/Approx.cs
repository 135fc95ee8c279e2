namespace FgsActors.Models.Tests.Energy;

/// <summary>Relative comparison: products like 1e-28·1e8·1e18 are not exact in binary floating point.</summary>
internal static class Approx
{
    public static void Equal(double expected, double actual, double relativeTolerance = 1e-12)
    {
        var scale = Math.Max(Math.Abs(expected), Math.Abs(actual));
        Assert.True(
            Math.Abs(expected - actual) <= relativeTolerance * scale,
            $"expected {expected:R}, actual {actual:R}");
    }
}
