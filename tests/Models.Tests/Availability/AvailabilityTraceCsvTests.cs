using FgsActors.Models.Availability;
using FgsActors.Models.Fleet;

namespace FgsActors.Models.Tests.Availability;

public class AvailabilityTraceCsvTests
{
    private const string File = "trace.csv";

    private static AvailabilityTrace Parse(string text) => AvailabilityTraceCsv.Parse(new StringReader(text), File);

    private static FleetInputException Fails(string text, int line)
    {
        var e = Assert.Throws<FleetInputException>(() => Parse(text));
        Assert.Equal(File, e.FileName);
        Assert.Equal(line, e.Line);
        Assert.StartsWith($"{File}:{line}: ", e.Message);
        return e;
    }

    [Fact]
    public void Good_file_with_comments_blank_lines_and_touching_intervals()
    {
        var trace = Parse("""
            # measured on the 2024 testbed
            device_id,online_from_s,online_to_s

            d2, 0, 100
            d1,50.5,60
            # d1 reconnects immediately: merged
            d1,60,1e3
            d2,200,300
            """);
        Assert.Equal(["d1", "d2"], trace.DeviceIds);
        Assert.Equal([new OnlineInterval(50.5, 1000)], trace.ForDevice("d1").Intervals);
        Assert.True(trace.ForDevice("d2").IsOnline(0));
        Assert.False(trace.ForDevice("d2").IsOnline(100));
        Assert.False(trace.Contains("d9"));
        Assert.False(trace.ForDevice("d9").IsOnline(50));
    }

    [Fact]
    public void Header_columns_may_come_in_any_order()
    {
        var trace = Parse("online_to_s,device_id,online_from_s\n20,a,10\n");
        Assert.Equal([new OnlineInterval(10, 20)], trace.ForDevice("a").Intervals);
    }

    [Fact]
    public void Missing_header()
    {
        var e = Fails("# no header\nd1,0,10\n", 2);
        Assert.Contains("expected header line 'device_id,online_from_s,online_to_s'", e.Message);
        Assert.Contains("found 'd1,0,10'", e.Message);
    }

    [Fact]
    public void Empty_file()
    {
        Assert.Contains("found end of file", Fails("", 1).Message);
    }

    [Fact]
    public void Header_with_a_missing_column()
    {
        Assert.Contains("'online_to_s' is missing", Fails("device_id,online_from_s\n", 1).Message);
    }

    [Fact]
    public void Wrong_column_count()
    {
        var e = Fails("device_id,online_from_s,online_to_s\nd1,0,10\nd1,20,30,40\n", 3);
        Assert.Contains("expected 3 fields", e.Message);
        Assert.Contains("found 4", e.Message);
    }

    [Fact]
    public void Not_a_number()
    {
        var e = Fails("device_id,online_from_s,online_to_s\nd1,zero,10\n", 2);
        Assert.Contains("column 'online_from_s'", e.Message);
        Assert.Contains("expected a non-negative number of seconds, found 'zero'", e.Message);
    }

    [Fact]
    public void Negative_start()
    {
        Assert.Contains("found '-5'", Fails("device_id,online_from_s,online_to_s\n\nd1,-5,10\n", 3).Message);
    }

    [Theory]
    [InlineData("10")]
    [InlineData("3")]
    public void From_not_before_to(string to)
    {
        var e = Fails($"device_id,online_from_s,online_to_s\nd1,10,{to}\n", 2);
        Assert.Contains("column 'online_to_s'", e.Message);
        Assert.Contains("greater than online_from_s (10)", e.Message);
    }

    [Fact]
    public void Empty_device_id()
    {
        Assert.Contains("column 'device_id'", Fails("device_id,online_from_s,online_to_s\n,0,10\n", 2).Message);
    }

    [Fact]
    public void Overlap_names_both_lines()
    {
        var e = Fails("""
            device_id,online_from_s,online_to_s
            d1,0,100
            d2,0,100
            d1,200,300
            d1,250,260
            """, 5);
        Assert.Contains("device 'd1'", e.Message);
        Assert.Contains("[250, 260) overlaps [200, 300) on line 4", e.Message);
    }

    [Fact]
    public void Overlap_with_an_earlier_long_interval_listed_later_in_the_file()
    {
        // Sorted by start the long interval (line 3) comes first and still reaches past the one on line 2.
        var e = Fails("device_id,online_from_s,online_to_s\nd1,500,600\nd1,0,1000\n", 3);
        Assert.Contains("on line 2", e.Message);
    }

    [Fact]
    public void Load_reports_the_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fgs-trace-{Guid.NewGuid():N}.csv");
        System.IO.File.WriteAllText(path, "device_id,online_from_s,online_to_s\nd1,abc,3\n");
        try
        {
            var e = Assert.Throws<FleetInputException>(() => AvailabilityTraceCsv.Load(path));
            Assert.StartsWith($"{path}:2: ", e.Message);
        }
        finally { System.IO.File.Delete(path); }
    }
}
