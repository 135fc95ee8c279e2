using FgsActors.Models.Energy;

namespace FgsActors.Models.Tests.Energy;

public class CommunicationAndIdleTests
{
    [Fact]
    public void Transfer_time_and_energy()
    {
        // 1 MB = 1e6 B = 8e6 bit at 2 Mbit/s: t = 4 s; at 0.2 W: E = 0.2 · 4 = 0.8 J.
        var bits = CommunicationEnergy.BitsFromBytes(1_000_000);
        Assert.Equal(8e6, bits);
        Assert.Equal(4.0, CommunicationEnergy.TransferSeconds(bits, 2e6));
        Approx.Equal(0.8, CommunicationEnergy.TransferJoules(0.2, bits, 2e6));
    }

    [Fact]
    public void LoRa_sized_transfer()
    {
        // 250 B = 2,000 bit at 5,470 bit/s (LoRa SF7/125 kHz) with 0.1 W:
        // t = 2000/5470 = 0.365630712... s; E = 0.0365630712... J.
        var t = CommunicationEnergy.TransferSeconds(2_000, 5_470);
        Approx.Equal(2_000.0 / 5_470.0, t);
        Approx.Equal(0.1 * 2_000.0 / 5_470.0, CommunicationEnergy.TransferJoules(0.1, 2_000, 5_470));
    }

    [Fact]
    public void Empty_payload_costs_nothing()
    {
        Assert.Equal(0, CommunicationEnergy.TransferSeconds(0, 1e6));
        Assert.Equal(0, CommunicationEnergy.TransferJoules(1.0, 0, 1e6));
    }

    [Fact]
    public void Communication_validates_arguments()
    {
        Assert.Equal("rateBitsPerSecond",
            Assert.Throws<ArgumentOutOfRangeException>(() => CommunicationEnergy.TransferSeconds(1, 0)).ParamName);
        Assert.Equal("bits",
            Assert.Throws<ArgumentOutOfRangeException>(() => CommunicationEnergy.TransferSeconds(-1, 1)).ParamName);
        Assert.Equal("transmitPowerWatts",
            Assert.Throws<ArgumentOutOfRangeException>(() => CommunicationEnergy.TransferJoules(-0.1, 1, 1)).ParamName);
        Assert.Equal("bytes",
            Assert.Throws<ArgumentOutOfRangeException>(() => CommunicationEnergy.BitsFromBytes(-1)).ParamName);
    }

    [Fact]
    public void Idle_energy_is_power_times_time()
    {
        // 0.05 W for one hour: 0.05 · 3600 = 180 J.
        Approx.Equal(180, IdlePower.Joules(0.05, 3_600));
        Assert.Equal(0, IdlePower.Joules(0.05, 0));
    }

    [Fact]
    public void Idle_validates_arguments()
    {
        Assert.Equal("idlePowerWatts",
            Assert.Throws<ArgumentOutOfRangeException>(() => IdlePower.Joules(-1, 1)).ParamName);
        Assert.Equal("seconds",
            Assert.Throws<ArgumentOutOfRangeException>(() => IdlePower.Joules(1, -1)).ParamName);
    }
}
