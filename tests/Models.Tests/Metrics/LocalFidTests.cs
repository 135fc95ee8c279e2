using FgsActors.Models.Metrics;
using Xunit;

namespace FgsActors.Models.Tests.Metrics;

public sealed class LocalFidTests
{
    [Fact]
    public void Mean_and_max_with_the_worst_device()
    {
        var summary = LocalFid.Summarize([1.0, 6.0, 2.0, 6.0, 0.0]);

        Assert.Equal(new LocalFidSummary(5, 3.0, 6.0, 1), summary);
    }

    [Fact]
    public void Bad_inputs_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => LocalFid.Summarize([]));
        Assert.Throws<ArgumentOutOfRangeException>(() => LocalFid.Summarize([1.0, -0.5]));
        Assert.Throws<ArgumentOutOfRangeException>(() => LocalFid.Summarize([double.NaN]));
        Assert.Throws<ArgumentOutOfRangeException>(() => LocalFid.Summarize([double.PositiveInfinity]));
    }
}
