using FgsActors.Models.Fleet;

namespace FgsActors.Models.Tests.Fleet;

public class DeviceTableCsvTests
{
    private const string File = "devices.csv";
    private const string Header = "id,tier,cpu_hz,ram_mb,battery_wh,up_bps,down_bps";
    private static readonly string[] Tiers = ["gateway", "smartphone", "sbc", "mcu"];

    private static IReadOnlyList<DeviceRecord> Parse(string text) =>
        DeviceTableCsv.Parse(new StringReader(text), File, Tiers);

    private static FleetInputException Fails(string text, int line)
    {
        var e = Assert.Throws<FleetInputException>(() => Parse(text));
        Assert.Equal(File, e.FileName);
        Assert.Equal(line, e.Line);
        Assert.StartsWith($"{File}:{line}: ", e.Message);
        return e;
    }

    [Fact]
    public void Good_file()
    {
        var devices = Parse($"""
            # two devices exported from the lab inventory
            {Header}
            jetson-1,gateway,1.9e9,8192,mains,1e9,1e9

            phone-7, smartphone, 2.4e9, 6144, 15.4, 2e7, 1e8
            mote-3,mcu,6.4e7,0.25,MAINS,5470,5470
            """);
        Assert.Equal(3, devices.Count);
        Assert.Equal(new DeviceRecord("jetson-1", "gateway", 1.9e9, 8192, null, 1e9, 1e9, 3), devices[0]);
        Assert.True(devices[0].IsMains);
        Assert.Equal(new DeviceRecord("phone-7", "smartphone", 2.4e9, 6144, 15.4, 2e7, 1e8, 5), devices[1]);
        Assert.False(devices[1].IsMains);
        Assert.True(devices[2].IsMains);
        Assert.Equal(0.25, devices[2].RamMb);
    }

    [Fact]
    public void Missing_header()
    {
        var e = Fails("jetson-1,gateway,1.9e9,8192,mains,1e9,1e9\n", 1);
        Assert.Contains($"expected header line '{Header}'", e.Message);
    }

    [Fact]
    public void Unknown_header_column()
    {
        Assert.Contains("unknown column 'ram_gb'",
            Fails("id,tier,cpu_hz,ram_gb,battery_wh,up_bps,down_bps\n", 1).Message);
    }

    [Fact]
    public void Wrong_column_count()
    {
        var e = Fails($"{Header}\na,sbc,1e9,1024,mains,1e6\n", 2);
        Assert.Contains("expected 7 fields", e.Message);
        Assert.Contains("found 6", e.Message);
    }

    [Fact]
    public void Not_a_number()
    {
        var e = Fails($"{Header}\na,sbc,fast,1024,mains,1e6,1e6\n", 2);
        Assert.Contains("column 'cpu_hz': expected a positive CPU frequency in Hz, found 'fast'", e.Message);
    }

    [Theory]
    [InlineData("a,sbc,1e9,-1024,mains,1e6,1e6", "ram_mb")]
    [InlineData("a,sbc,1e9,1024,-3,1e6,1e6", "battery_wh")]
    [InlineData("a,sbc,1e9,1024,mains,0,1e6", "up_bps")]
    [InlineData("a,sbc,1e9,1024,mains,1e6,NaN", "down_bps")]
    [InlineData("a,sbc,1e9,1024,,1e6,1e6", "battery_wh")]
    public void Negative_zero_or_missing_values(string row, string column)
    {
        Assert.Contains($"column '{column}'", Fails($"{Header}\n# comment\n{row}\n", 3).Message);
    }

    [Fact]
    public void Battery_accepts_mains_or_a_number_and_says_so()
    {
        Assert.Contains("in Wh or 'mains'", Fails($"{Header}\na,sbc,1e9,1024,wall,1e6,1e6\n", 2).Message);
    }

    [Fact]
    public void Duplicate_id_names_both_lines()
    {
        var e = Fails($"{Header}\na,sbc,1e9,1024,mains,1e6,1e6\nb,sbc,1e9,1024,mains,1e6,1e6\na,mcu,1e8,1,2,1e3,1e3\n", 4);
        Assert.Contains("column 'id'", e.Message);
        Assert.Contains("'a', already defined on line 2", e.Message);
    }

    [Fact]
    public void Unknown_tier_with_suggestion()
    {
        var e = Fails($"{Header}\na,smartphon,1e9,1024,mains,1e6,1e6\n", 2);
        Assert.Contains("column 'tier': expected one of the tiers gateway, mcu, sbc, smartphone, found 'smartphon'", e.Message);
        Assert.Contains("(did you mean 'smartphone'?)", e.Message);
    }

    [Fact]
    public void Tier_in_the_wrong_case_suggests_the_exact_name()
    {
        Assert.Contains("did you mean 'sbc'?", Fails($"{Header}\na,SBC,1e9,1024,mains,1e6,1e6\n", 2).Message);
    }

    [Fact]
    public void Unknown_tier_far_from_every_name_has_no_suggestion()
    {
        Assert.DoesNotContain("did you mean", Fails($"{Header}\na,satellite,1e9,1024,mains,1e6,1e6\n", 2).Message);
    }
}
