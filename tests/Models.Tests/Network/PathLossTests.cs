using FgsActors.Models.Network;

namespace FgsActors.Models.Tests.Network;

public class PathLossTests
{
    [Fact]
    public void At_one_km_the_loss_is_the_intercept() => Assert.Equal(128.1, PathLoss.LossDb(1.0), 10);

    [Fact]
    public void At_100_m_the_loss_drops_by_one_slope() =>
        // log10(0.1) = −1, so 128.1 − 37.6 = 90.5 dB.
        Assert.Equal(90.5, PathLoss.LossDb(0.1), 10);

    [Fact]
    public void At_500_m_the_loss_is_116_78_dB() =>
        // 37.6 · log10(0.5) = 37.6 · (−0.30103) = −11.3187 → 116.7813 dB.
        Assert.Equal(116.7813, PathLoss.LossDb(0.5), 4);

    [Fact]
    public void Gain_is_ten_to_minus_loss_over_ten()
    {
        Assert.Equal(1e-10, PathLoss.GainOfLoss(100.0), tolerance: 1e-22);
        // 10^(−12.81) = 1.5488e-13.
        Assert.Equal(1.5488166e-13, PathLoss.Gain(1.0), tolerance: 1e-19);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Non_positive_or_non_finite_distances_are_rejected(double km) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PathLoss.LossDb(km));
}
