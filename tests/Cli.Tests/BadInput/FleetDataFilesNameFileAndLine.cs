using FgsActors.Cli.Tests.Support;

namespace FgsActors.Cli.Tests.BadInput;

/// <summary>
/// A malformed availability trace (<c>fgs.churn.trace</c>) or device table (<c>fgs.fleet.device-table</c>) is
/// bad input: exit 2, a message <c>file:line: ...</c> naming the column, what was expected and what was found
/// (physical line numbers, counting comments and blank lines), and no run. A missing file names the key.
/// </summary>
public sealed class FleetDataFilesNameFileAndLine
{
    private const string TraceHeader = "device_id,online_from_s,online_to_s\n";
    private const string TableHeader = "id,tier,cpu_hz,ram_mb,battery_wh,up_bps,down_bps\n";

    // (file content, line of the error, fragments the message must hold)
    public static TheoryData<string, int, string[]> TraceCases => new()
    {
        { TraceHeader + "d0,0,100\nd1,abc,200\n", 3, ["column 'online_from_s'", "expected a non-negative number of seconds", "found 'abc'"] },
        { TraceHeader + "d0,0,100\nd1,-4,200\n", 3, ["column 'online_from_s'", "expected a non-negative number of seconds", "found '-4'"] },
        { TraceHeader + "d0,0,100\nd1,10,1e999\n", 3, ["column 'online_to_s'", "found '1e999'"] },
        { TraceHeader + "d0,0,100\nd1,300,200\n", 3, ["column 'online_to_s'", "expected a number of seconds greater than online_from_s (300)", "found '200'"] },
        { TraceHeader + "d0,0,100\nd1,300,300\n", 3, ["column 'online_to_s'", "expected a number of seconds greater than online_from_s (300)", "found '300'"] },
        { TraceHeader + "d0,0,100\nd1,0,50\nd0,50,200\n", 4, ["device 'd0'", "[50, 200) overlaps [0, 100) on line 2"] },
        { TraceHeader + "d0,50,200\nd0,0,100\n", 3, ["device 'd0'", "overlaps", "on line 2"] },
        { TraceHeader + "d0,0,100\n,0,100\n", 3, ["column 'device_id'", "expected a non-empty device id without spaces", "found an empty field"] },
        { TraceHeader + "d0,0,100\nd1,0\n", 3, ["expected 3 fields (device_id,online_from_s,online_to_s)", "found 2"] },
        { "device,from,to\nd0,0,100\n", 1, ["expected header line 'device_id,online_from_s,online_to_s'", "found 'device,from,to'"] },
        { "d0,0,100\n", 1, ["expected header line 'device_id,online_from_s,online_to_s' (the header is required)", "found 'd0,0,100'"] },
        { "device_id,online_from_s\nd0,0\n", 1, ["expected columns device_id,online_from_s,online_to_s", "column 'online_to_s' is missing"] },
        { "device_id,online_from_s,online_to_s,extra\nd0,0,100,1\n", 1, ["expected columns device_id,online_from_s,online_to_s", "found unknown column 'extra'"] },
        { "device_id,online_from_s,online_from_s\n", 1, ["column 'online_from_s' appears twice"] },
        { "", 1, ["expected header line 'device_id,online_from_s,online_to_s'", "found end of file"] },
        // Comment and blank lines count: the bad row is the fifth line of the file.
        { "# availability of two devices\n\n" + TraceHeader + "d0,0,100\nd1,x,5\n", 5, ["column 'online_from_s'", "found 'x'"] },
    };

    public static TheoryData<string, int, string[]> TableCases => new()
    {
        { TableHeader + "d0,sbc,1.5e9,4096,mains,1e6,1e7\nd1,sbc,fast,4096,mains,1e6,1e7\n", 3, ["column 'cpu_hz'", "expected a positive CPU frequency in Hz", "found 'fast'"] },
        { TableHeader + "d0,sbc,1.5e9,4096,mains,1e6,1e7\nd1,sbc,1e9,0,mains,1e6,1e7\n", 3, ["column 'ram_mb'", "expected a positive RAM size in MiB", "found '0'"] },
        { TableHeader + "d0,sbc,1.5e9,4096,mains,1e6,1e7\nd1,smartphone,2e9,6144,-1,1e6,1e7\n", 3, ["column 'battery_wh'", "expected a positive battery capacity in Wh or 'mains'", "found '-1'"] },
        { TableHeader + "d0,sbc,1.5e9,4096,mains,1e6,1e7\nd1,sbc,1e9,4096,mains,-1e6,1e7\n", 3, ["column 'up_bps'", "expected a positive uplink rate in bit/s", "found '-1e6'"] },
        { TableHeader + "d0,sbc,1.5e9,4096,mains,1e6,1e7\nd1,sbc,1e9,4096,mains,1e6,\n", 3, ["column 'down_bps'", "expected a positive downlink rate in bit/s", "found an empty field"] },
        { TableHeader + "d0,sbc,1.5e9,4096,mains,1e6,1e7\nd1,tablet,1e9,4096,mains,1e6,1e7\n", 3, ["column 'tier'", "expected one of the tiers gateway, microcontroller, sbc, sbc-battery, smartphone", "found 'tablet'"] },
        { TableHeader + "d0,SBC,1e9,4096,mains,1e6,1e7\n", 2, ["column 'tier'", "found 'SBC'", "did you mean 'sbc'"] },
        { "# fleet\n" + TableHeader + "d0,sbc,1.5e9,4096,mains,1e6,1e7\nd0,sbc,1e9,4096,mains,1e6,1e7\n", 4, ["column 'id'", "expected a unique device id", "found 'd0', already defined on line 3"] },
        { TableHeader + "d0,sbc,1.5e9,4096,mains,1e6,1e7\nd1,sbc,1e9,4096,mains,1e6\n", 3, ["expected 7 fields (id,tier,cpu_hz,ram_mb,battery_wh,up_bps,down_bps)", "found 6"] },
        { "id,tier,cpu,ram_mb,battery_wh,up_bps,down_bps\n", 1, ["expected columns id,tier,cpu_hz,ram_mb,battery_wh,up_bps,down_bps", "found unknown column 'cpu'"] },
        { "id,tier,ram_mb,battery_wh,up_bps,down_bps\n", 1, ["expected columns id,tier,cpu_hz,ram_mb,battery_wh,up_bps,down_bps", "column 'cpu_hz' is missing"] },
        { "d0,sbc,1.5e9,4096,mains,1e6,1e7\n", 1, ["expected header line 'id,tier,cpu_hz,ram_mb,battery_wh,up_bps,down_bps' (the header is required)", "found 'd0,sbc,1.5e9,4096,mains,1e6,1e7'"] },
        { "\n\n", 2, ["expected header line 'id,tier,cpu_hz,ram_mb,battery_wh,up_bps,down_bps'", "found end of file"] },
    };

    private static string[] TraceSets(string path) => ["fgs.churn.model=trace", $"fgs.churn.trace={path}"];

    private static string[] TableSets(string path) => [$"fgs.fleet.device-table={path}"];

    [Theory]
    [MemberData(nameof(TraceCases))]
    public void Malformed_trace_row_is_named_by_file_and_line(string content, int line, string[] mentions)
    {
        using var temp = new TempDir();
        var trace = temp.Write("trace.csv", content);

        FleetRunRejections.AssertRunRejected(temp, Repo.Quickstart, TraceSets(trace), [$"{trace}:{line}: ", .. mentions]);
    }

    [Theory]
    [MemberData(nameof(TableCases))]
    public void Malformed_device_table_row_is_named_by_file_and_line(string content, int line, string[] mentions)
    {
        using var temp = new TempDir();
        var table = temp.Write("devices.csv", content);

        FleetRunRejections.AssertRunRejected(temp, Repo.Quickstart, TableSets(table), [$"{table}:{line}: ", .. mentions]);
    }

    [Fact]
    public void Missing_trace_names_the_key_and_the_file()
    {
        using var temp = new TempDir();
        var missing = temp.At("nothere.csv");

        FleetRunRejections.AssertRunRejected(temp, Repo.Quickstart, TraceSets(missing),
            "'fgs.churn.trace'", $"cannot read '{missing}'", "file not found");
    }

    [Fact]
    public void Missing_device_table_names_the_key_and_the_file()
    {
        using var temp = new TempDir();
        var missing = temp.At("nothere.csv");

        FleetRunRejections.AssertRunRejected(temp, Repo.Quickstart, TableSets(missing),
            "'fgs.fleet.device-table'", $"cannot read '{missing}'", "file not found");
    }

    [Fact]
    public void Trace_model_without_a_trace_names_the_key()
    {
        using var temp = new TempDir();

        FleetRunRejections.AssertRunRejected(temp, Repo.Quickstart, ["fgs.churn.model=trace"],
            "'fgs.churn.trace'", "expected the path of an availability trace CSV", "found \"\"");
    }

    [Fact]
    public void Trace_path_in_a_scenario_is_relative_to_the_scenario_and_named_with_its_line()
    {
        using var temp = new TempDir();
        var dir = temp.At("scenarios");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "rel-trace.csv"), TraceHeader + "d0,0,100\nd1,-4,200\n");
        var scenario = Path.Combine(dir, "trace.conf");
        File.WriteAllText(scenario,
            $"include \"{Repo.ReferenceConf.Replace('\\', '/')}\"\nfgs.run.model = fleet\nfgs.churn.model = trace\nfgs.churn.trace = \"rel-trace.csv\"\n");

        FleetRunRejections.AssertRunRejected(temp, scenario, [], "rel-trace.csv:3: ", "column 'online_from_s'", "found '-4'");
    }

    [Fact]
    public void Missing_device_table_set_in_a_scenario_names_the_key_and_where_it_looked()
    {
        using var temp = new TempDir();
        var scenario = temp.Scenario("table.conf", "fgs.run.model = fleet\nfgs.fleet.device-table = \"gone.csv\"");

        FleetRunRejections.AssertRunRejected(temp, scenario, [],
            "'fgs.fleet.device-table'", "gone.csv", "file not found", $"looked for {temp.At("gone.csv")}");
    }
}
