using FgsActors.Simulation.Workloads.Sparse;

namespace FgsActors.Simulation.Tests.Workloads;

public class SparseSettingsTests
{
    [Fact]
    public void DefaultsMatchTheIssue()
    {
        var s = new SparseSettings();
        Assert.Null(s.Validate());
        Assert.Equal(100_000, s.Leaves);
        Assert.Equal(3_600_000_000_000L, s.MeanGapTicks);    // 1 h in ns
        Assert.Equal(0.01, s.SendFraction);
        Assert.Equal(1_000_000L, s.LatencyMinTicks);         // 1 ms in ns
        Assert.Equal(1_000_000L, s.JitterMeanTicks);
        Assert.Equal(86_400_000_000_000L, s.EndTicks);       // 24 h in ns
        var model = new SparseModel(s);
        Assert.Equal(100_001, model.EntityCount);
        Assert.Equal(s.LatencyMinTicks, model.Lookahead);
    }

    public static TheoryData<SparseSettings, string> Invalid => new()
    {
        { new SparseSettings(Leaves: 0), "leaves" },
        { new SparseSettings(MeanGapTicks: 0), "mean-gap" },
        { new SparseSettings(SendFraction: 1.5), "send-fraction" },
        { new SparseSettings(SendFraction: double.NaN), "send-fraction" },
        { new SparseSettings(LatencyMinTicks: 0), "latency-min" },
        { new SparseSettings(JitterMeanTicks: -1), "jitter-mean" },
        { new SparseSettings(EndTicks: 0), "end" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void ValidateNamesTheBadKey(SparseSettings settings, string key)
    {
        Assert.Equal(key, settings.Validate()?.Key);
        var error = Assert.Throws<ArgumentException>(() => new SparseModel(settings));
        Assert.Contains("sparse." + key, error.Message, StringComparison.Ordinal);
    }
}
