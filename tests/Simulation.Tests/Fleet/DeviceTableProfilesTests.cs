using FgsActors.Models.Fleet;
using FgsActors.Models.Hardware;
using FgsActors.Simulation.Fleet;

namespace FgsActors.Simulation.Tests.Fleet;

public class DeviceTableProfilesTests
{
    private const string Table = """
        id,tier,cpu_hz,ram_mb,battery_wh,up_bps,down_bps
        gw-1,gateway,1.43e9,3072,mains,1e9,1e9
        mcu-7,microcontroller,216e6,0.4375,7.8,1760,1760
        """;

    private static IReadOnlyList<DeviceRecord> Records() =>
        DeviceTableCsv.Parse(new StringReader(Table), "devices.csv", TierCatalog.All.Select(t => t.Name).ToArray());

    [Fact]
    public void Table_values_are_kept_and_the_tier_supplies_radio_and_power()
    {
        var devices = FleetGenerator.FromDeviceTable(Records(), TierCatalog.All);
        Assert.Equal(2, devices.Count);

        var gw = devices[0];
        Assert.Equal(new DeviceProfile(0, "gw-1", "gateway", 1.43e9, 3072L << 20, null, "ethernet", null, 1e9, 1e9, 2.0, 10.0), gw);

        var mcu = devices[1];
        Assert.Equal(1, mcu.Id);
        Assert.Equal("mcu-7", mcu.Name);
        Assert.Equal(458_752, mcu.RamBytes); // 0.4375 MiB
        Assert.Equal(7.8, mcu.BatteryWh);
        Assert.Equal("lora", mcu.Radio);
        Assert.Equal(TierCatalog.Microcontroller.IdlePowerW, mcu.IdlePowerW);
    }

    [Fact]
    public void A_record_naming_an_unknown_tier_is_refused_with_its_line()
    {
        var records = new[] { new DeviceRecord("x", "mainframe", 1e9, 1, null, 1, 1, Line: 5) };
        var e = Assert.Throws<ArgumentException>(() => FleetGenerator.FromDeviceTable(records, TierCatalog.All));
        Assert.Contains("line 5", e.Message);
        Assert.Contains("'mainframe'", e.Message);
    }
}
