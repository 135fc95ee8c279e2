using FgsActors.Cli.Hosting;
using FgsActors.Cli.Tests.Support;
using FgsActors.Simulation.Events;

namespace FgsActors.Cli.Tests.Hosting;

/// <summary>
/// The trace recorder: partitions' logs, each in its own processing order and spread over several chunks, come back
/// as one stream in the kernel's total order (time, target, source, sequence); the large-trace warning fires once;
/// events.parquet holds the merged rows across row groups.
/// </summary>
public sealed class EventTraceRecorderTests
{
    /// <summary>
    /// Events of three partitions, each fed in an order of its own (time descending within blocks, so no chunk is
    /// sorted), with ties on time, target and source so every key of the order matters.
    /// </summary>
    private static List<SimEvent>[] ScrambledPartitions(int perPartition)
    {
        var partitions = new List<SimEvent>[3];
        for (var p = 0; p < 3; p++)
        {
            partitions[p] = [];
            for (var i = 0; i < perPartition; i++)
            {
                var j = perPartition - 1 - i;
                partitions[p].Add(new SimEvent(time: j / 7 * 10, target: p + 3 * (j % 2), source: j % 3 - 1, sequence: j % 5, kind: p + 1, data: j, payload: null));
            }
        }
        return partitions;
    }

    private static EventTraceRecorder Record(List<SimEvent>[] partitions, Action<long>? onLarge = null, long largeAt = EventTraceRecorder.LargeTraceEvents)
    {
        var recorder = new EventTraceRecorder(onLarge, largeAt);
        for (var p = 0; p < partitions.Length; p++)
        {
            var observer = recorder.ObserverFor(p);
            foreach (var ev in partitions[p]) observer.Processed(ev);
        }
        return recorder;
    }

    private static List<TracedEvent> Expected(List<SimEvent>[] partitions) =>
        [.. partitions.SelectMany(p => p).Select(e => TracedEvent.Of(e))
            .OrderBy(e => e.Time).ThenBy(e => e.Target).ThenBy(e => e.Source).ThenBy(e => e.Sequence).ThenBy(e => e.Kind).ThenBy(e => e.Data)];

    [Theory]
    [InlineData(1)]
    [InlineData(1000)]
    [InlineData(4096)]
    public void Partitions_logs_come_back_merged_in_total_order(int batch)
    {
        var partitions = ScrambledPartitions(5_000); // 1,024 + 2,048 + 1,928: three chunks per partition
        var recorder = Record(partitions);
        Assert.Equal(15_000, recorder.Count);

        var merge = recorder.Ordered();
        var read = new List<TracedEvent>();
        var buffer = new TracedEvent[batch];
        int n;
        while ((n = merge.Read(buffer)) > 0) read.AddRange(buffer.Take(n));

        Assert.Equal(0, merge.Remaining);
        Assert.Equal(Expected(partitions), read);
    }

    [Fact]
    public void The_merge_skips_empty_runs_and_reads_nothing_from_nothing()
    {
        var a = new TracedEvent(5, 0, 0, 1, 0, 1);
        var b = new TracedEvent(5, 0, 0, 1, 1, 1);
        var merge = new SortedRunMerge([[], new ArraySegment<TracedEvent>([b]), [], new ArraySegment<TracedEvent>([a])]);
        var into = new TracedEvent[4];
        Assert.Equal(2, merge.Read(into));
        Assert.Equal([a, b], into[..2]); // same time and target: the source decides
        Assert.Equal(0, merge.Read(into));
        Assert.Equal(0, new SortedRunMerge([]).Read(into));
    }

    [Fact]
    public void The_large_trace_warning_fires_once_when_full_chunks_pass_the_threshold()
    {
        var calls = new List<long>();
        // 5,000 events per partition fill chunks of 1,024 and 2,048: the first partition passes 3,000 at its second.
        Record(ScrambledPartitions(5_000), calls.Add, largeAt: 3_000);
        Assert.Equal([3_072L], calls);

        calls.Clear();
        Record(ScrambledPartitions(1_000), calls.Add, largeAt: 3_000); // no chunk ever fills
        Assert.Empty(calls);
    }

    [Fact]
    public async Task Parquet_rows_are_the_merged_events_over_several_row_groups()
    {
        using var temp = new TempDir();
        var partitions = ScrambledPartitions(700);
        var path = temp.At(EventTraceParquet.FileName);

        var written = await EventTraceParquet.WriteAsync(Record(partitions), EventTraceLabels.Fleet, path, rowGroupRows: 500);

        var (rows, groups) = await TraceFile.ReadAsync(path);
        Assert.Equal(2_100, written);
        Assert.Equal(5, groups); // 500 × 4 + 100
        var expected = Expected(partitions);
        Assert.Equal(expected.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var (e, r) = (expected[i], rows[i]);
            Assert.Equal((e.Time, e.Target, e.Source, e.Sequence, e.Kind, e.Data), (r.TimeNs, r.Target, r.Source, r.Sequence, r.Kind, r.Data));
            Assert.Equal(e.Time / 1e9, r.TimeS);
            // Fleet layout: 0 aggregator, odd ids devices (index (id − 1) / 2), even ids links (index (id − 2) / 2).
            var (type, device) = e.Target switch { 0 => ("aggregator", (int?)null), 1 => ("device", 0), 2 => ("link", 0), 3 => ("device", 1), 4 => ("link", 1), _ => ("device", 2) };
            Assert.Equal((type, device), (r.TargetType, r.Device));
            Assert.Equal(e.Kind switch { 1 => "CheckIn", 2 => "Accept", _ => "Upload" }, r.KindName);
        }
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Fact]
    public async Task An_empty_trace_is_a_file_with_the_columns_and_no_rows()
    {
        using var temp = new TempDir();
        var path = temp.At(EventTraceParquet.FileName);
        var written = await EventTraceParquet.WriteAsync(new EventTraceRecorder(), EventTraceLabels.Fleet, path, rowGroupRows: 10);
        var (rows, groups) = await TraceFile.ReadAsync(path);
        Assert.Equal(0, written);
        Assert.Empty(rows);
        Assert.Equal(1, groups);
    }
}
