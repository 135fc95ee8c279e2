using FgsActors.Models.Network;

namespace FgsActors.Models.Tests.Network;

public class LoRaRateTests
{
    [Theory]
    // Rb = SF · 125000 / 2^SF · 4/5.
    [InlineData(7, 5468.75)]     // 7 · 976.5625 · 0.8
    [InlineData(9, 1757.8125)]   // 9 · 244.140625 · 0.8
    [InlineData(12, 292.96875)]  // 12 · 30.517578125 · 0.8
    public void Semtech_formula_at_125_khz_cr_4_5(int sf, double bps) => Assert.Equal(bps, LoRaRate.BitsPerSecond(sf), 9);

    [Fact]
    public void Stronger_coding_is_slower() =>
        // CR 4 (4/8): 7 · 976.5625 · 0.5 = 3417.96875.
        Assert.Equal(3417.96875, LoRaRate.BitsPerSecond(7, 125e3, 4), 9);

    [Theory]
    [InlineData(5)]
    [InlineData(13)]
    public void Spreading_factor_outside_6_to_12_is_rejected(int sf) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LoRaRate.BitsPerSecond(sf));
}
