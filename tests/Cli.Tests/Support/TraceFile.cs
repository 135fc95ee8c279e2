using FgsActors.Cli.Hosting;
using Parquet;

namespace FgsActors.Cli.Tests.Support;

/// <summary>One row of events.parquet.</summary>
internal sealed record TraceRow(double TimeS, long TimeNs, int Target, string TargetType, int? Device, int Source, long Sequence, int Kind,
    string KindName, long Data);

/// <summary>Reads events.parquet back, every column of every row group, checking the column names on the way.</summary>
internal static class TraceFile
{
    public static async Task<(List<TraceRow> Rows, int RowGroups)> ReadAsync(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        var fields = reader.Schema.GetDataFields();
        Assert.Equal(EventTraceParquet.Schema.GetDataFields().Select(f => f.Name), fields.Select(f => f.Name));
        var rows = new List<TraceRow>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            var group = reader.OpenRowGroupReader(g);
            var n = checked((int)group.RowCount);
            var timeS = new double[n];
            var timeNs = new long[n];
            var target = new int[n];
            var targetType = new string?[n];
            var device = new int?[n];
            var source = new int[n];
            var sequence = new long[n];
            var kind = new int[n];
            var kindName = new string?[n];
            var data = new long[n];
            await group.ReadAsync<double>(fields[0], timeS.AsMemory());
            await group.ReadAsync<long>(fields[1], timeNs.AsMemory());
            await group.ReadAsync<int>(fields[2], target.AsMemory());
            await group.ReadAsync(fields[3], targetType.AsMemory());
            await group.ReadAsync<int>(fields[4], device.AsMemory());
            await group.ReadAsync<int>(fields[5], source.AsMemory());
            await group.ReadAsync<long>(fields[6], sequence.AsMemory());
            await group.ReadAsync<int>(fields[7], kind.AsMemory());
            await group.ReadAsync(fields[8], kindName.AsMemory());
            await group.ReadAsync<long>(fields[9], data.AsMemory());
            for (var i = 0; i < n; i++)
                rows.Add(new TraceRow(timeS[i], timeNs[i], target[i], targetType[i]!, device[i], source[i], sequence[i], kind[i], kindName[i]!, data[i]));
        }
        return (rows, reader.RowGroupCount);
    }
}
