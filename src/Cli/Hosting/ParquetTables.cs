using FgsActors.Simulation.Federation;
using Parquet;
using Parquet.Schema;

namespace FgsActors.Cli.Hosting;

/// <summary>
/// Writes a fleet run's tables as Parquet (rounds.parquet, devices.parquet) beside the CSV files: the same columns in
/// the same order, counts as INT32, figures as DOUBLE, ids and tiers as UTF-8 strings. A column the CSV may leave empty
/// (end_s of a round still open, mean_staleness, test_accuracy, test_loss, battery_end_wh of a mains device) is an
/// optional DOUBLE holding null there; every other column is required. Doubles are stored as they are, bit for bit.
/// </summary>
public static class ParquetTables
{
    public const string RoundsFile = "rounds.parquet";
    public const string DevicesFile = "devices.parquet";

    /// <summary>Rows per row group: bounds the memory a 10^6-device table needs while it is written.</summary>
    internal const int RowGroupRows = 1 << 18;

    public static readonly ParquetSchema RoundsSchema = new(
        new DataField<int>("round", false),
        new DataField<double>("start_s", false),
        new DataField<double?>("end_s", true),
        new DataField<int>("selected", false),
        new DataField<int>("completed", false),
        new DataField<int>("dropped_churn", false),
        new DataField<int>("dropped_battery", false),
        new DataField<int>("dropped_deadline", false),
        new DataField<int>("dropped_memory", false),
        new DataField<int>("dropped_link", false),
        new DataField<double>("bytes_up", false),
        new DataField<double>("bytes_down", false),
        new DataField<double>("energy_compute_j", false),
        new DataField<double>("energy_comm_j", false),
        new DataField<double>("energy_idle_j", false),
        new DataField<int>("aggregated", false),
        new DataField<double?>("mean_staleness", true),
        new DataField<double?>("test_accuracy", true),
        new DataField<double?>("test_loss", true));

    /// <summary>rounds.parquet of a run that trains a generator: the rounds columns plus the fidelity columns, all optional.</summary>
    public static readonly ParquetSchema RoundsWithFidelitySchema = new(
        [.. RoundsSchema.GetDataFields(), .. FleetOutputs.FidelityColumns.Select(name => new DataField<double?>(name, true))]);

    public static readonly ParquetSchema DevicesSchema = new(
        new DataField<string>("id", false),
        new DataField<string>("tier", false),
        new DataField<int>("rounds_selected", false),
        new DataField<int>("rounds_completed", false),
        new DataField<double>("energy_j", false),
        new DataField<double?>("battery_end_wh", true),
        new DataField<double>("online_fraction", false),
        new DataField<int>("deaths", false),
        new DataField<double>("energy_compute_j", false),
        new DataField<double>("energy_comm_j", false),
        new DataField<double>("energy_idle_j", false));

    /// <summary>Writes rounds.parquet and devices.parquet into <paramref name="directory"/> (replacing any there).</summary>
    public static void Write(FleetResults results, string directory) =>
        WriteAsync(results, directory).GetAwaiter().GetResult();

    public static Task WriteAsync(FleetResults results, string directory, CancellationToken cancellation = default) =>
        WriteAsync(results, directory, RowGroupRows, cancellation);

    /// <summary>As <see cref="WriteAsync(FleetResults, string, CancellationToken)"/>, with row groups of at most <paramref name="rowGroupRows"/> rows.</summary>
    internal static async Task WriteAsync(FleetResults results, string directory, int rowGroupRows, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowGroupRows, 1);
        await WriteTableAsync(Path.Combine(directory, RoundsFile), results.ReportsFidelity ? RoundsWithFidelitySchema : RoundsSchema,
            results.Rounds, WriteRoundsAsync, rowGroupRows, cancellation).ConfigureAwait(false);
        await WriteTableAsync(Path.Combine(directory, DevicesFile), DevicesSchema, results.Devices, WriteDevicesAsync, rowGroupRows, cancellation)
            .ConfigureAwait(false);
    }

    private delegate Task ColumnsWriter<T>(ParquetRowGroupWriter group, DataField[] fields, ArraySegment<T> rows, CancellationToken cancellation);

    private static async Task WriteTableAsync<T>(string path, ParquetSchema schema, IReadOnlyList<T> rows, ColumnsWriter<T> columns,
        int rowGroupRows, CancellationToken cancellation)
    {
        var all = rows as T[] ?? rows.ToArray();
        var fields = schema.GetDataFields();
        await using var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream, cancellationToken: cancellation).ConfigureAwait(false);
        // An empty table still gets one (empty) row group, so that readers see the schema and zero rows.
        var offset = 0;
        do
        {
            var count = Math.Min(rowGroupRows, all.Length - offset);
            using var group = writer.CreateRowGroup();
            await columns(group, fields, new ArraySegment<T>(all, offset, count), cancellation).ConfigureAwait(false);
            group.CompleteValidate();
            offset += count;
        }
        while (offset < all.Length);
    }

    private static async Task WriteRoundsAsync(ParquetRowGroupWriter group, DataField[] f, ArraySegment<RoundRow> rows, CancellationToken ct)
    {
        var c = 0;
        await Ints(group, f[c++], rows, r => r.Round, ct).ConfigureAwait(false);
        await Doubles(group, f[c++], rows, r => r.StartS, ct).ConfigureAwait(false);
        await Optional(group, f[c++], rows, r => r.EndS, ct).ConfigureAwait(false);
        await Ints(group, f[c++], rows, r => r.Selected, ct).ConfigureAwait(false);
        await Ints(group, f[c++], rows, r => r.Completed, ct).ConfigureAwait(false);
        await Ints(group, f[c++], rows, r => r.DroppedChurn, ct).ConfigureAwait(false);
        await Ints(group, f[c++], rows, r => r.DroppedBattery, ct).ConfigureAwait(false);
        await Ints(group, f[c++], rows, r => r.DroppedDeadline, ct).ConfigureAwait(false);
        await Ints(group, f[c++], rows, r => r.DroppedMemory, ct).ConfigureAwait(false);
        await Ints(group, f[c++], rows, r => r.DroppedLink, ct).ConfigureAwait(false);
        await Doubles(group, f[c++], rows, r => r.BytesUp, ct).ConfigureAwait(false);
        await Doubles(group, f[c++], rows, r => r.BytesDown, ct).ConfigureAwait(false);
        await Doubles(group, f[c++], rows, r => r.EnergyComputeJ, ct).ConfigureAwait(false);
        await Doubles(group, f[c++], rows, r => r.EnergyCommJ, ct).ConfigureAwait(false);
        await Doubles(group, f[c++], rows, r => r.EnergyIdleJ, ct).ConfigureAwait(false);
        await Ints(group, f[c++], rows, r => r.Aggregated, ct).ConfigureAwait(false);
        await Optional(group, f[c++], rows, r => r.MeanStaleness, ct).ConfigureAwait(false);
        await Optional(group, f[c++], rows, r => r.TestAccuracy, ct).ConfigureAwait(false);
        await Optional(group, f[c++], rows, r => r.TestLoss, ct).ConfigureAwait(false);
        if (c == f.Length) return;
        await Optional(group, f[c++], rows, r => r.Fidelity?.Fid, ct).ConfigureAwait(false);
        await Optional(group, f[c++], rows, r => r.Fidelity?.InceptionScore, ct).ConfigureAwait(false);
        await Optional(group, f[c++], rows, r => r.Fidelity?.Coverage, ct).ConfigureAwait(false);
        await Optional(group, f[c++], rows, r => r.Fidelity?.ConditionalAccuracy, ct).ConfigureAwait(false);
        await Optional(group, f[c++], rows, r => r.Fidelity?.LocalFidMean, ct).ConfigureAwait(false);
        await Optional(group, f[c++], rows, r => r.Fidelity?.LocalFidMax, ct).ConfigureAwait(false);
    }

    private static async Task WriteDevicesAsync(ParquetRowGroupWriter group, DataField[] f, ArraySegment<DeviceRow> rows, CancellationToken ct)
    {
        var c = 0;
        await group.WriteAsync(f[c++], rows.Select(d => d.Id).ToArray()).ConfigureAwait(false);
        await group.WriteAsync(f[c++], rows.Select(d => d.Tier).ToArray()).ConfigureAwait(false);
        await Ints(group, f[c++], rows, d => d.RoundsSelected, ct).ConfigureAwait(false);
        await Ints(group, f[c++], rows, d => d.RoundsCompleted, ct).ConfigureAwait(false);
        await Doubles(group, f[c++], rows, d => d.EnergyJ, ct).ConfigureAwait(false);
        await Optional(group, f[c++], rows, d => d.BatteryEndWh, ct).ConfigureAwait(false);
        await Doubles(group, f[c++], rows, d => d.OnlineFraction, ct).ConfigureAwait(false);
        await Ints(group, f[c++], rows, d => d.Deaths, ct).ConfigureAwait(false);
        await Doubles(group, f[c++], rows, d => d.EnergyComputeJ, ct).ConfigureAwait(false);
        await Doubles(group, f[c++], rows, d => d.EnergyCommJ, ct).ConfigureAwait(false);
        await Doubles(group, f[c++], rows, d => d.EnergyIdleJ, ct).ConfigureAwait(false);
    }

    private static Task Ints<T>(ParquetRowGroupWriter group, DataField field, ArraySegment<T> rows, Func<T, int> value, CancellationToken ct) =>
        group.WriteAsync<int>(field, Column(rows, value), cancellationToken: ct);

    private static Task Doubles<T>(ParquetRowGroupWriter group, DataField field, ArraySegment<T> rows, Func<T, double> value, CancellationToken ct) =>
        group.WriteAsync<double>(field, Column(rows, value), cancellationToken: ct);

    private static Task Optional<T>(ParquetRowGroupWriter group, DataField field, ArraySegment<T> rows, Func<T, double?> value, CancellationToken ct) =>
        group.WriteAsync<double>(field, Column(rows, value), cancellationToken: ct);

    private static TValue[] Column<T, TValue>(ArraySegment<T> rows, Func<T, TValue> value)
    {
        var column = new TValue[rows.Count];
        for (var i = 0; i < column.Length; i++) column[i] = value(rows[i]);
        return column;
    }
}
