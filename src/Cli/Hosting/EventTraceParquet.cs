using FgsActors.Simulation.Time;
using Parquet;
using Parquet.Schema;

namespace FgsActors.Cli.Hosting;

/// <summary>
/// Writes a run's event trace as events.parquet: one row per processed event, in the kernel's total order (time,
/// target, source, sequence), so the file is identical whatever the number of partitions and workers. Columns
/// (docs/results.md): time_s, time_ns, target, target_type, device (null where the target is no device's), source
/// (−1: an initial event), sequence, kind, kind_name, data. Rows go out in row groups, so only one group's columns
/// are in memory besides the trace itself.
/// </summary>
public static class EventTraceParquet
{
    public const string FileName = "events.parquet";

    /// <summary>Rows per row group: a group's columns take about 70 MB while it is written.</summary>
    internal const int RowGroupRows = 1_000_000;

    public static readonly ParquetSchema Schema = new(
        new DataField<double>("time_s", false),
        new DataField<long>("time_ns", false),
        new DataField<int>("target", false),
        new DataField<string>("target_type", false),
        new DataField<int?>("device", true),
        new DataField<int>("source", false),
        new DataField<long>("sequence", false),
        new DataField<int>("kind", false),
        new DataField<string>("kind_name", false),
        new DataField<long>("data", false));

    /// <summary>Writes the trace to <paramref name="path"/> (replacing any file there); returns the rows written.</summary>
    public static long Write(EventTraceRecorder trace, EventTraceLabels labels, string path) =>
        WriteAsync(trace, labels, path, RowGroupRows).GetAwaiter().GetResult();

    /// <summary>As <see cref="Write"/>, with row groups of at most <paramref name="rowGroupRows"/> rows.</summary>
    internal static async Task<long> WriteAsync(EventTraceRecorder trace, EventTraceLabels labels, string path, int rowGroupRows,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowGroupRows, 1);
        var merge = trace.Ordered();
        var columns = new Columns((int)Math.Min(rowGroupRows, Math.Max(1, merge.Remaining)));
        var fields = Schema.GetDataFields();
        // Written beside the target and moved over it, so a failed write leaves no half file under the final name.
        var temporary = path + ".tmp";
        long rows = 0;
        await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite, FileShare.None))
        await using (var writer = await ParquetWriter.CreateAsync(Schema, stream, cancellationToken: cancellation).ConfigureAwait(false))
        {
            // An empty trace still gets one (empty) row group, so that readers see the schema and zero rows.
            do
            {
                var n = columns.Fill(merge, labels);
                using var group = writer.CreateRowGroup();
                await columns.WriteAsync(group, fields, n, cancellation).ConfigureAwait(false);
                group.CompleteValidate();
                rows += n;
            }
            while (merge.Remaining > 0);
        }
        File.Move(temporary, path, overwrite: true);
        return rows;
    }

    /// <summary>One row group's columns, reused from group to group.</summary>
    private sealed class Columns(int capacity)
    {
        private readonly TracedEvent[] _events = new TracedEvent[capacity];
        private readonly double[] _timeS = new double[capacity];
        private readonly long[] _timeNs = new long[capacity];
        private readonly int[] _target = new int[capacity];
        private readonly string[] _targetType = new string[capacity];
        private readonly int?[] _device = new int?[capacity];
        private readonly int[] _source = new int[capacity];
        private readonly long[] _sequence = new long[capacity];
        private readonly int[] _kind = new int[capacity];
        private readonly string[] _kindName = new string[capacity];
        private readonly long[] _data = new long[capacity];

        public int Fill(SortedRunMerge merge, EventTraceLabels labels)
        {
            var n = merge.Read(_events);
            for (var i = 0; i < n; i++)
            {
                var e = _events[i];
                _timeS[i] = VirtualTime.ToSeconds(e.Time);
                _timeNs[i] = e.Time;
                _target[i] = e.Target;
                _targetType[i] = labels.TargetType(e.Target);
                _device[i] = labels.Device(e.Target);
                _source[i] = e.Source;
                _sequence[i] = e.Sequence;
                _kind[i] = e.Kind;
                _kindName[i] = labels.KindName(e.Kind);
                _data[i] = e.Data;
            }
            return n;
        }

        public async Task WriteAsync(ParquetRowGroupWriter group, DataField[] f, int n, CancellationToken ct)
        {
            var c = 0;
            await group.WriteAsync<double>(f[c++], _timeS.AsMemory(0, n), cancellationToken: ct).ConfigureAwait(false);
            await group.WriteAsync<long>(f[c++], _timeNs.AsMemory(0, n), cancellationToken: ct).ConfigureAwait(false);
            await group.WriteAsync<int>(f[c++], _target.AsMemory(0, n), cancellationToken: ct).ConfigureAwait(false);
            await group.WriteAsync(f[c++], new ArraySegment<string>(_targetType, 0, n)).ConfigureAwait(false);
            await group.WriteAsync<int>(f[c++], _device.AsMemory(0, n), cancellationToken: ct).ConfigureAwait(false);
            await group.WriteAsync<int>(f[c++], _source.AsMemory(0, n), cancellationToken: ct).ConfigureAwait(false);
            await group.WriteAsync<long>(f[c++], _sequence.AsMemory(0, n), cancellationToken: ct).ConfigureAwait(false);
            await group.WriteAsync<int>(f[c++], _kind.AsMemory(0, n), cancellationToken: ct).ConfigureAwait(false);
            await group.WriteAsync(f[c++], new ArraySegment<string>(_kindName, 0, n)).ConfigureAwait(false);
            await group.WriteAsync<long>(f[c++], _data.AsMemory(0, n), cancellationToken: ct).ConfigureAwait(false);
        }
    }
}
