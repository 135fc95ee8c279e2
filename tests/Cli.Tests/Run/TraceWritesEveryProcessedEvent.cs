using FgsActors.Cli.Hosting;
using FgsActors.Cli.Tests.Support;

namespace FgsActors.Cli.Tests.Run;

/// <summary>
/// <c>fgs run --trace</c> on the quick-start fleet cut to 100 devices and 30 minutes: events.parquet has one row per
/// processed event (summary.json's <c>events</c>), in the kernel's total order, byte for byte the same for 1 and 3
/// partitions; the trace leaves result_hash alone; without --trace there is no file and no trace field.
/// </summary>
public sealed class TraceWritesEveryProcessedEvent
{
    private static readonly string[] Small = ["fgs.fleet.devices=100", "fgs.run.end=30m"];

    private static string Run(TempDir temp, string name, bool trace, params string[] sets)
    {
        var dir = temp.At(name);
        string[] args = ["run", Repo.Quickstart, "--out", dir, "--quiet", .. Small.Concat(sets).SelectMany(s => new[] { "--set", s })];
        Fgs.RunOk(trace ? [.. args, "--trace"] : args);
        return dir;
    }

    [Fact]
    public async Task The_trace_holds_every_event_in_total_order_and_is_the_same_for_any_layout()
    {
        using var temp = new TempDir();
        var one = Run(temp, "one", trace: true, "fgs.kernel.partitions=1", "fgs.kernel.workers=1");
        var three = Run(temp, "three", trace: true, "fgs.kernel.partitions=3", "fgs.kernel.workers=2");
        var plain = Run(temp, "plain", trace: false, "fgs.kernel.partitions=3", "fgs.kernel.workers=2");

        var path = Path.Combine(one, EventTraceParquet.FileName);
        Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(Path.Combine(three, EventTraceParquet.FileName)));

        var summary = Summary.Read(one);
        var events = summary.GetProperty("events").GetInt64();
        Assert.Equal(EventTraceParquet.FileName, summary.GetProperty("trace").GetString());
        Assert.Equal(events, summary.GetProperty("trace_events").GetInt64());
        var (rows, _) = await TraceFile.ReadAsync(path);
        Assert.Equal(events, rows.Count);
        for (var i = 1; i < rows.Count; i++)
        {
            var (a, b) = (rows[i - 1], rows[i]);
            var ordered = a.TimeNs != b.TimeNs ? a.TimeNs < b.TimeNs
                : a.Target != b.Target ? a.Target < b.Target
                : a.Source != b.Source ? a.Source < b.Source
                : a.Sequence < b.Sequence;
            Assert.True(ordered, $"rows {i - 1} and {i} are out of the kernel's order: {a} then {b}");
        }
        Assert.All(rows, r => Assert.Equal(r.TimeNs / 1e9, r.TimeS));
        Assert.All(rows, r => Assert.Equal(r.Target == 0 ? "aggregator" : r.Target % 2 == 1 ? "device" : "link", r.TargetType));
        Assert.All(rows, r => Assert.Equal(r.Target == 0 ? null : (r.Target - 1) / 2, r.Device));
        // Every device checks in with the aggregator (kind 1) when it comes online; the aggregator starts rounds (30).
        Assert.Contains(rows, r => r is { Kind: 1, KindName: "CheckIn", Target: 0 });
        Assert.Contains(rows, r => r is { Kind: 30, KindName: "RoundStart", Target: 0, Source: 0 });
        Assert.DoesNotContain(rows, r => int.TryParse(r.KindName, out _)); // every fleet kind has a name

        Assert.Equal(summary.GetProperty("result_hash").GetString(), Summary.Read(plain).GetProperty("result_hash").GetString());
        Assert.False(File.Exists(Path.Combine(plain, EventTraceParquet.FileName)));
        Assert.False(Summary.Read(plain).TryGetProperty("trace", out _));
    }

    [Fact]
    public void Run_help_describes_the_trace_option()
    {
        var help = Fgs.Run("run", "--help");
        Assert.Contains("--trace", help.Out, StringComparison.Ordinal);
        Assert.Contains("events.parquet", help.Out, StringComparison.Ordinal);
    }
}
