using System.Text.Json;
using FgsActors.Cli.Tests.Support;

namespace FgsActors.Cli.Tests.Bench;

/// <summary>
/// <c>fgs bench sparse</c> prints JSON with events, windows and events per window; with 1 ms lookahead and
/// events seconds apart, output promises must keep many events in each window (not one barrier per event).
/// </summary>
public sealed class BenchSparseRunsLongWindows
{
    [Fact]
    public void Small_sparse_fleet_runs_many_events_per_window()
    {
        var result = Fgs.RunOk("bench", "sparse", "--leaves", "2000", "--end", "86400", "--partitions", "3", "--workers", "2");

        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        var events = root.GetProperty("events").GetInt64();
        var windows = root.GetProperty("windows").GetInt64();
        Assert.True(events > 2000 * 20, $"2,000 leaves waking hourly for a day should make ~48,000 events, got {events}");
        Assert.True(windows > 0);
        var perWindow = root.GetProperty("events_per_window").GetDouble();
        Assert.True(perWindow > 10, $"events_per_window {perWindow}: windows are not kept long");
        Assert.Equal(Math.Round(events / (double)windows, 2), perWindow, precision: 2);
    }

    [Fact]
    public void Same_seed_same_checksum_across_partitionings()
    {
        string Checksum(string partitions)
        {
            var result = Fgs.RunOk("bench", "sparse", "--leaves", "500", "--end", "36000", "--partitions", partitions, "--workers", "2");
            using var json = JsonDocument.Parse(result.Out);
            return json.RootElement.GetProperty("checksum").GetString()!;
        }

        Assert.Equal(Checksum("1"), Checksum("5"));
    }
}
