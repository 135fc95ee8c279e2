using FgsActors.Models.Availability;
using FgsActors.Models.Checkpoints;
using FgsActors.Simulation.Federation;
using FgsActors.Simulation.Fleet;
using FgsActors.Simulation.Time;

namespace FgsActors.Simulation.Tests.Federation;

/// <summary>
/// The aggregator's count of devices reported available: one point per instant at which it changed, reports at one
/// instant coalesced, the first point at (0, 0); a checkpoint round trip; and, in a fleet run with trace churn, the
/// points computed by hand from the check-in grid.
/// </summary>
public sealed class AvailabilityTimelineTests
{
    private static AvailabilityPoint P(long ticks, int devices) => new(ticks, devices);

    [Fact]
    public void Starts_with_the_point_before_any_report()
    {
        var timeline = new AvailabilityTimeline();
        Assert.Equal([P(0, 0)], timeline.Points);
        Assert.Equal(0, timeline.Count);
    }

    [Fact]
    public void Reports_at_one_instant_make_one_point_and_changes_make_new_ones()
    {
        var timeline = new AvailabilityTimeline();
        timeline.Report(5, false, true);
        timeline.Report(5, false, true);
        timeline.Report(5, false, true);
        Assert.Equal([P(0, 0), P(5, 3)], timeline.Points);

        timeline.Report(9, true, false); // 3 → 2
        timeline.Report(9, false, true); // → 3 again: no change at t = 9
        Assert.Equal([P(0, 0), P(5, 3)], timeline.Points);

        timeline.Report(9, false, true); // → 4: a change at t = 9 after all
        timeline.Report(12, true, true); // repeats its last report: nothing changes
        timeline.Report(12, false, false);
        timeline.Report(20, true, false); // → 3
        timeline.Report(20, true, false); // → 2
        Assert.Equal([P(0, 0), P(5, 3), P(9, 4), P(20, 2)], timeline.Points);
        Assert.Equal(2, timeline.Count);
    }

    [Fact]
    public void Reports_at_zero_replace_the_first_point_and_never_remove_it()
    {
        var timeline = new AvailabilityTimeline();
        timeline.Report(0, false, true);
        Assert.Equal([P(0, 1)], timeline.Points);
        timeline.Report(0, true, false);
        Assert.Equal([P(0, 0)], timeline.Points);
    }

    [Fact]
    public void A_report_from_the_past_is_refused()
    {
        var timeline = new AvailabilityTimeline();
        timeline.Report(10, false, true);
        Assert.Throws<ArgumentOutOfRangeException>(() => timeline.Report(9, true, false));
        Assert.Equal([P(0, 0), P(10, 1)], timeline.Points);
    }

    [Fact]
    public void Saved_state_loads_into_a_fresh_timeline_which_then_goes_on_alike()
    {
        var original = new AvailabilityTimeline();
        original.Report(3, false, true);
        original.Report(3, false, true);
        original.Report(8, true, false);
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true)) original.SaveState(writer);

        buffer.Position = 0;
        var restored = new AvailabilityTimeline();
        using (var reader = new BinaryReader(buffer, System.Text.Encoding.UTF8, leaveOpen: true)) restored.LoadState(reader);

        Assert.Equal(buffer.Length, buffer.Position);
        Assert.Equal(original.Points, restored.Points);
        Assert.Equal(1, restored.Count);
        original.Report(8, false, true);
        restored.Report(8, false, true);
        Assert.Equal([P(0, 0), P(3, 2)], restored.Points);
        Assert.Equal(original.Points, restored.Points);
    }

    [Theory]
    [InlineData(0, 0, 0)] // no points at all: there is always the first one
    [InlineData(2, 1, 1)] // a count of 2 but the last point says 1
    public void Bad_saved_state_is_a_checkpoint_format_error(int count, int points, int lastDevices)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(count);
            writer.Write(points);
            for (var i = 0; i < points; i++)
            {
                writer.Write((long)i);
                writer.Write(lastDevices);
            }
        }
        buffer.Position = 0;
        using var reader = new BinaryReader(buffer);
        Assert.Throws<CheckpointFormatException>(() => new AvailabilityTimeline().LoadState(reader));
    }

    [Fact]
    public void A_truncated_save_is_a_checkpoint_format_error()
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(0);
            writer.Write(1_000_000); // claims a million points, holds none
        }
        buffer.Position = 0;
        using var reader = new BinaryReader(buffer);
        var error = Assert.Throws<CheckpointFormatException>(() => new AvailabilityTimeline().LoadState(reader));
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Four Wi-Fi Raspberry Pis (1 ms radio, 10 ms backhaul, check-ins every 60 s) on an availability trace. A report
    /// is sent at the change and arrives at the next check-in instant (at or after it) + 11 ms:
    /// a, b, d online from 0 → 3 at 0.011 s; c online at 45 s → 4 at 60.011 s; d offline at 70 s and back at 100 s:
    /// both reports arrive at 120.011 s and cancel out; a, b offline at 130 s → 2 at 180.011 s; c offline at 200 s →
    /// 1 at 240.011 s.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void A_fleet_run_records_the_hand_computed_points(int partitions)
    {
        static DeviceProfile Pi(int index, string name) =>
            new(index, name, "sbc", 1.5e9, 4L << 30, null, "wifi", null, 72.2e6, 72.2e6, 2.7, 6.4);
        var churn = new ChurnSettings(ChurnModel.Trace, Trace: new AvailabilityTrace(new Dictionary<string, TraceAvailability>
        {
            ["a"] = new([new OnlineInterval(0, 130)]),
            ["b"] = new([new OnlineInterval(0, 130)]),
            ["c"] = new([new OnlineInterval(45, 200)]),
            ["d"] = new([new OnlineInterval(0, 70), new OnlineInterval(100, 300)]),
        }));
        var scenario = FleetScenarios.Build(devices: [Pi(0, "a"), Pi(1, "b"), Pi(2, "c"), Pi(3, "d")], churn: churn,
            aggregator: FleetScenarios.Sync(k: 1, overCommit: 1), endS: 300);

        var (model, _, results) = FleetRunner.Run(scenario, partitions);

        static long T(double seconds) => VirtualTime.FromSeconds(seconds);
        AvailabilityPoint[] expected = [P(0, 0), P(T(0.011), 3), P(T(60.011), 4), P(T(180.011), 2), P(T(240.011), 1)];
        Assert.Equal(expected, model.Aggregator!.Online.Points);
        Assert.Equal(1, model.Aggregator.Online.Count);
        Assert.Equal(expected, results.Online);
    }
}
