using System.Globalization;
using FgsActors.Cli.Hosting;
using FgsActors.Cli.Tests.Support;
using Parquet;
using Parquet.Schema;
using Meta = Parquet.Meta;

namespace FgsActors.Cli.Tests.Hosting;

/// <summary>
/// rounds.parquet and devices.parquet hold what rounds.csv and devices.csv of the same results hold: the same columns
/// in the same order, counts as INT32, figures as DOUBLE (optional exactly where the CSV may leave a field empty), and
/// every value equal, compared through the CSV's own round-trip text. Also across several row groups.
/// </summary>
public sealed class ParquetTablesMatchTheCsvTables(SmallFleetRun run) : IClassFixture<SmallFleetRun>
{
    private static readonly string[] OptionalRoundColumns = ["end_s", "mean_staleness", "test_accuracy", "test_loss"];

    [Theory]
    [InlineData(0)]
    [InlineData(64)]
    public async Task Every_value_of_both_tables_equals_the_csv(int rowGroupRows)
    {
        using var temp = new TempDir();
        FleetOutputs.WriteTables(run.Results, temp.Path);
        if (rowGroupRows == 0) ParquetTables.Write(run.Results, temp.Path);
        else await ParquetTables.WriteAsync(run.Results, temp.Path, rowGroupRows);

        var (roundsHeader, rounds) = ReadCsv(temp.At(FleetOutputs.RoundsFile));
        var (roundsNames, roundsFromParquet, roundGroups) = await ReadParquet(temp.At(ParquetTables.RoundsFile));
        Assert.Equal(roundsHeader, roundsNames);
        Assert.Equal(run.Results.Rounds.Count, rounds.Count);
        AssertSameRows(rounds, roundsFromParquet, "rounds");

        var (devicesHeader, devices) = ReadCsv(temp.At(FleetOutputs.DevicesFile));
        var (devicesNames, devicesFromParquet, deviceGroups) = await ReadParquet(temp.At(ParquetTables.DevicesFile));
        Assert.Equal(devicesHeader, devicesNames);
        Assert.Equal(200, devices.Count);
        AssertSameRows(devices, devicesFromParquet, "devices");

        // The run covers the optional fields both ways: mains devices (no battery) and battery ones, a last round
        // still open at the end (no end_s) and closed ones; no training, so no accuracy.
        Assert.Contains(devices, d => d[5].Length == 0);
        Assert.Contains(devices, d => d[5].Length > 0);
        Assert.Contains(rounds, r => r[2].Length > 0);
        if (rowGroupRows > 0)
        {
            Assert.Equal((200 + rowGroupRows - 1) / rowGroupRows, deviceGroups);
            Assert.Equal(Math.Max(1, (rounds.Count + rowGroupRows - 1) / rowGroupRows), roundGroups);
        }
    }

    [Fact]
    public async Task Column_types_are_int32_double_and_utf8_required_except_where_the_csv_may_be_empty()
    {
        using var temp = new TempDir();
        ParquetTables.Write(run.Results, temp.Path);

        foreach (var (element, _) in await Columns(temp.At(ParquetTables.RoundsFile)))
        {
            var name = element.Name;
            var counts = name is "round" or "selected" or "completed" or "aggregated" || name.StartsWith("dropped_", StringComparison.Ordinal);
            Assert.True(element.Type == (counts ? Meta.Type.INT32 : Meta.Type.DOUBLE), $"rounds.{name}: {element.Type}");
            var optional = OptionalRoundColumns.Contains(name);
            Assert.True(element.RepetitionType == (optional ? Meta.FieldRepetitionType.OPTIONAL : Meta.FieldRepetitionType.REQUIRED),
                $"rounds.{name}: {element.RepetitionType}");
        }

        foreach (var (element, _) in await Columns(temp.At(ParquetTables.DevicesFile)))
        {
            var name = element.Name;
            var expected = name switch
            {
                "id" or "tier" => Meta.Type.BYTE_ARRAY,
                "rounds_selected" or "rounds_completed" or "deaths" => Meta.Type.INT32,
                _ => Meta.Type.DOUBLE,
            };
            Assert.True(element.Type == expected, $"devices.{name}: {element.Type}");
            if (expected == Meta.Type.BYTE_ARRAY)
                Assert.True(element.ConvertedType == Meta.ConvertedType.UTF8 || element.LogicalType?.STRING is not null, $"devices.{name} is not UTF-8");
            var optional = name == "battery_end_wh";
            Assert.True(element.RepetitionType == (optional ? Meta.FieldRepetitionType.OPTIONAL : Meta.FieldRepetitionType.REQUIRED),
                $"devices.{name}: {element.RepetitionType}");
        }
    }

    /// <summary>The file's leaf schema elements (the root, which holds them, left out), in file order.</summary>
    private static async Task<List<(Meta.SchemaElement Element, int Index)>> Columns(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        var schema = reader.Metadata!.Schema;
        return schema.Skip(1).Select((e, i) => (e, i)).ToList();
    }

    private static void AssertSameRows(List<string[]> csv, List<string[]> parquet, string table)
    {
        Assert.Equal(csv.Count, parquet.Count);
        for (var i = 0; i < csv.Count; i++)
        {
            Assert.True(csv[i].SequenceEqual(parquet[i]),
                $"{table} row {i}: csv [{string.Join(',', csv[i])}] parquet [{string.Join(',', parquet[i])}]");
        }
    }

    private static (string[] Header, List<string[]> Rows) ReadCsv(string path)
    {
        var text = File.ReadAllText(path);
        Assert.DoesNotContain("\"", text, StringComparison.Ordinal); // plain fields only, so splitting on commas is exact
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return (lines[0].Split(','), lines.Skip(1).Select(l => l.Split(',')).ToList());
    }

    /// <summary>Column names and every row as the CSV writes it (invariant round-trip numbers, empty for null).</summary>
    private static async Task<(string[] Names, List<string[]> Rows, int RowGroups)> ReadParquet(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        var fields = reader.Schema.GetDataFields();
        var rows = new List<string[]>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            var group = reader.OpenRowGroupReader(g);
            var count = checked((int)group.RowCount);
            var columns = new string[fields.Length][];
            for (var c = 0; c < fields.Length; c++) columns[c] = await ReadColumn(group, fields[c], count);
            for (var r = 0; r < count; r++) rows.Add(columns.Select(column => column[r]).ToArray());
        }
        return (fields.Select(f => f.Name).ToArray(), rows, reader.RowGroupCount);
    }

    private static async Task<string[]> ReadColumn(ParquetRowGroupReader group, DataField field, int count)
    {
        if (field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>))
        {
            var values = new string?[count];
            await group.ReadAsync(field, values.AsMemory());
            return values.Select(v => v ?? "<null>").ToArray();
        }
        if (field.ClrType == typeof(int))
        {
            var values = new int[count];
            await group.ReadAsync<int>(field, values.AsMemory());
            return values.Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray();
        }
        Assert.Equal(typeof(double), field.ClrType);
        if (field.IsNullable)
        {
            var values = new double?[count];
            await group.ReadAsync<double>(field, values.AsMemory());
            return values.Select(v => v is { } x ? x.ToString("R", CultureInfo.InvariantCulture) : "").ToArray();
        }
        var plain = new double[count];
        await group.ReadAsync<double>(field, plain.AsMemory());
        return plain.Select(v => v.ToString("R", CultureInfo.InvariantCulture)).ToArray();
    }
}
