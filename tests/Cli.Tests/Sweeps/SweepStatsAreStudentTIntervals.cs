using FgsActors.Cli.Sweeps;

namespace FgsActors.Cli.Tests.Sweeps;

public class SweepStatsAreStudentTIntervals
{
    [Fact]
    public void ThreeValuesGiveMeanStdAndTInterval()
    {
        // 1, 2, 3: mean 2, sample std 1, t(0.975, 2) = 4.302652729749464, half-width 4.302652729749464 / sqrt(3).
        var s = SweepStats.Of([1, 2, 3]);
        Assert.Equal(3, s.N);
        Assert.Equal(2.0, s.Mean, 12);
        Assert.Equal(1.0, s.Std, 12);
        Assert.Equal(4.302652729749464, SweepStats.TQuantile975(2), 9);
        const double half = 2.4841377118;
        Assert.Equal(2 - half, s.Ci95Low, 8);
        Assert.Equal(2 + half, s.Ci95High, 8);
    }

    [Fact]
    public void TwoValuesUseOneDegreeOfFreedom()
    {
        // 1, 3: mean 2, std sqrt(2), t(0.975, 1) = 12.706204736174707, half-width t * sqrt(2) / sqrt(2) = t.
        var s = SweepStats.Of([1, 3]);
        Assert.Equal(2, s.N);
        Assert.Equal(2.0, s.Mean, 12);
        Assert.Equal(Math.Sqrt(2), s.Std, 12);
        Assert.Equal(2 - 12.706204736174707, s.Ci95Low, 8);
        Assert.Equal(2 + 12.706204736174707, s.Ci95High, 8);
    }

    [Fact]
    public void OneValueHasNoSpreadNorInterval()
    {
        var s = SweepStats.Of([5]);
        Assert.Equal(1, s.N);
        Assert.Equal(5.0, s.Mean);
        Assert.True(double.IsNaN(s.Std) && double.IsNaN(s.Ci95Low) && double.IsNaN(s.Ci95High));
    }

    [Fact]
    public void EqualValuesGiveAZeroWidthInterval()
    {
        var s = SweepStats.Of([300, 300, 300]);
        Assert.Equal(0.0, s.Std);
        Assert.Equal(300.0, s.Ci95Low);
        Assert.Equal(300.0, s.Ci95High);
    }

    [Fact]
    public void CsvLeavesTheIntervalEmptyForOneSeed()
    {
        var axis = new SweepAxis("fgs.churn.mean-offline", ["30m"]);
        var table = new SweepTable([axis], [new SweepRow(new SweepPoint(0, ["30m"]), "updates_total", SweepStats.Of([7]))]);
        var lines = SweepOutputs.Csv(table).TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal("fgs.churn.mean-offline,metric,mean,std,ci95_low,ci95_high,n", lines[0]);
        Assert.Equal("30m,updates_total,7,,,,1", lines[1]);
    }
}
