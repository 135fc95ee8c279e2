using FgsActors.Models.Network;

namespace FgsActors.Models.Tests.Network;

public class DecibelsTests
{
    [Theory]
    [InlineData(30.0, 1.0)]     // 30 dBm = 1 W
    [InlineData(0.0, 1e-3)]     // 0 dBm = 1 mW
    [InlineData(23.0, 0.19952623149688797)] // 10^(−0.7) W, UE power class 3
    [InlineData(46.0, 39.810717055349734)]  // 10^(1.6) W, TR 36.814 macro eNB
    public void Dbm_to_watts(double dbm, double watts) => Assert.Equal(watts, Decibels.DbmToWatts(dbm), 12);

    [Theory]
    [InlineData(1.0, 30.0)]
    [InlineData(1e-3, 0.0)]
    [InlineData(0.1, 20.0)]
    public void Watts_to_dbm(double watts, double dbm) => Assert.Equal(dbm, Decibels.WattsToDbm(watts), 12);

    [Fact]
    public void Round_trip_is_identity()
    {
        foreach (var dbm in new[] { -174.0, -30.0, 14.0, 23.0, 46.0 })
            Assert.Equal(dbm, Decibels.WattsToDbm(Decibels.DbmToWatts(dbm)), 9);
    }

    [Fact]
    public void Ratios()
    {
        Assert.Equal(10.0, Decibels.ToLinear(10.0), 12);
        Assert.Equal(3.1622776601683795, Decibels.ToLinear(5.0), 12);
        Assert.Equal(20.0, Decibels.FromLinear(100.0), 12);
    }

    [Fact]
    public void Zero_watts_has_no_dbm_level() => Assert.Throws<ArgumentOutOfRangeException>(() => Decibels.WattsToDbm(0.0));
}
