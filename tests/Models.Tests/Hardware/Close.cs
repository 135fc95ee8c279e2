namespace FgsActors.Models.Tests.Hardware;

/// <summary>Relative comparison: hand-computed products such as 1e-28·1e9·2.25e18 are not exact in binary.</summary>
internal static class Close
{
    public static void Equal(double expected, double actual, double relativeTolerance = 1e-12)
    {
        var scale = Math.Max(Math.Abs(expected), Math.Abs(actual));
        Assert.True(Math.Abs(expected - actual) <= relativeTolerance * scale, $"expected {expected:R}, actual {actual:R}");
    }
}
