using System.Globalization;
using System.Text.Json;

namespace FgsActors.Cli.Reporting;

/// <summary>One row of rounds.csv (docs/model.md §8); empty cells are null.</summary>
internal sealed record RoundRow(
    int Round,
    double StartS,
    double? EndS,
    int Selected,
    int Completed,
    int DroppedChurn,
    int DroppedBattery,
    int DroppedDeadline,
    int DroppedMemory,
    int DroppedLink,
    double BytesUp,
    double BytesDown,
    double EnergyComputeJ,
    double EnergyCommJ,
    double EnergyIdleJ,
    double? TestAccuracy,
    double? TestLoss,
    double? Fid = null,
    double? LocalFidMean = null,
    double? LocalFidMax = null);

/// <summary>One row of devices.csv (docs/model.md §8); <see cref="BatteryEndWh"/> is null for mains devices.</summary>
internal sealed record DeviceRow(
    string Id,
    string Tier,
    double EnergyJ,
    double? BatteryEndWh,
    double EnergyComputeJ,
    double EnergyCommJ,
    double EnergyIdleJ);

/// <summary>One row of online.csv: from <see cref="TimeS"/> on, the aggregator counted <see cref="Devices"/> devices as available.</summary>
internal readonly record struct OnlineRow(double TimeS, int Devices);

/// <summary>
/// What the plots need from a run directory, read only from the run's own files (rounds.csv, devices.csv,
/// online.csv, summary.json, partition.csv), so that a finished run can be plotted again later. Any file may be missing: its
/// part is then empty or null.
/// </summary>
internal sealed class RunData
{
    public const string RoundsFile = "rounds.csv";
    public const string DevicesFile = "devices.csv";
    public const string SummaryFile = "summary.json";
    public const string PartitionFile = "partition.csv";
    public const string OnlineFile = "online.csv";

    public IReadOnlyList<RoundRow> Rounds { get; private init; } = [];

    public IReadOnlyList<DeviceRow> Devices { get; private init; } = [];

    /// <summary>Rows of partition.csv: each client's sample count per class (columns class_0..class_{C−1}).</summary>
    public IReadOnlyList<int[]> Partition { get; private init; } = [];

    /// <summary>Rows of online.csv in time order: the aggregator's count of available devices at each change.</summary>
    public IReadOnlyList<OnlineRow> Online { get; private init; } = [];

    /// <summary>summary.json's <c>devices</c>: the fleet's size.</summary>
    public int? FleetDevices { get; private init; }

    /// <summary>summary.json's <c>stopped_at_s</c>: where a run stopped early (Ctrl-C, SIGTERM) ended; null for a complete run.</summary>
    public double? StoppedAtS { get; private init; }

    /// <summary>summary.json's <c>virtual_time_s</c>: the end of the run.</summary>
    public double? VirtualTimeS { get; private init; }

    /// <summary>summary.json's <c>target_accuracy</c> (fraction, 0..1), present for training runs.</summary>
    public double? TargetAccuracy { get; private init; }

    /// <summary>summary.json's <c>training_task</c>: classifier, generator or augmented; null for runs without training.</summary>
    public string? TrainingTask { get; private init; }

    /// <summary>What test_accuracy measures: a generator run's is the conditional accuracy of its samples.</summary>
    public string AccuracyName => TrainingTask == "generator" ? "Conditional accuracy of samples" : "Test accuracy";

    /// <summary>summary.json's <c>scenario</c> (a path) reduced to its file name, or the run directory's name.</summary>
    public string Name { get; private init; } = "";

    /// <summary>End of the run: summary.json's virtual time, else the last round time seen.</summary>
    public double EndS => VirtualTimeS
        ?? Rounds.Select(r => r.EndS ?? r.StartS).DefaultIfEmpty(0).Max();

    public static RunData Load(string runDirectory)
    {
        ArgumentNullException.ThrowIfNull(runDirectory);
        if (!Directory.Exists(runDirectory))
            throw new DirectoryNotFoundException($"run directory not found: {runDirectory}");

        var (virtualTime, target, scenario, task, devices, stoppedAt) = ReadSummary(Path.Combine(runDirectory, SummaryFile));
        var name = scenario is { Length: > 0 }
            ? Path.GetFileNameWithoutExtension(scenario)
            : Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(runDirectory)));
        return new RunData
        {
            Rounds = ReadRounds(Path.Combine(runDirectory, RoundsFile)),
            Devices = ReadDevices(Path.Combine(runDirectory, DevicesFile)),
            Partition = ReadPartition(Path.Combine(runDirectory, PartitionFile)),
            Online = ReadOnline(Path.Combine(runDirectory, OnlineFile)),
            StoppedAtS = stoppedAt,
            FleetDevices = devices is { } n && n >= 0 && n <= int.MaxValue && n == Math.Floor(n) ? (int)n : null,
            VirtualTimeS = virtualTime,
            TargetAccuracy = target,
            TrainingTask = task,
            Name = name,
        };
    }

    private static (double? VirtualTimeS, double? Target, string? Scenario, string? Task, double? Devices, double? StoppedAtS) ReadSummary(
        string path)
    {
        if (!File.Exists(path)) return (null, null, null, null, null, null);
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new InvalidDataException($"{path}: expected a JSON object");
            return (Number(root, "virtual_time_s"), Number(root, "target_accuracy"), Text(root, "scenario"), Text(root, "training_task"),
                Number(root, "devices"), Number(root, "stopped_at_s"));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not valid JSON ({e.Message})", e);
        }

        static double? Number(JsonElement root, string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

        static string? Text(JsonElement root, string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    private static List<RoundRow> ReadRounds(string path)
    {
        var rows = new List<RoundRow>();
        foreach (var row in CsvTable.Read(path))
        {
            rows.Add(new RoundRow(
                Round: row.Int("round"),
                StartS: row.Double("start_s"),
                EndS: row.OptionalDouble("end_s"),
                Selected: row.Int("selected"),
                Completed: row.Int("completed"),
                DroppedChurn: row.Int("dropped_churn"),
                DroppedBattery: row.Int("dropped_battery"),
                DroppedDeadline: row.Int("dropped_deadline"),
                DroppedMemory: row.Int("dropped_memory"),
                DroppedLink: row.Int("dropped_link"),
                BytesUp: row.Double("bytes_up"),
                BytesDown: row.Double("bytes_down"),
                EnergyComputeJ: row.Double("energy_compute_j"),
                EnergyCommJ: row.Double("energy_comm_j"),
                EnergyIdleJ: row.Double("energy_idle_j"),
                TestAccuracy: row.OptionalDouble("test_accuracy", missingColumnIsEmpty: true),
                TestLoss: row.OptionalDouble("test_loss", missingColumnIsEmpty: true),
                Fid: row.OptionalDouble("fid", missingColumnIsEmpty: true),
                LocalFidMean: row.OptionalDouble("local_fid_mean", missingColumnIsEmpty: true),
                LocalFidMax: row.OptionalDouble("local_fid_max", missingColumnIsEmpty: true)));
        }

        rows.Sort((a, b) => a.Round.CompareTo(b.Round));
        return rows;
    }

    private static List<DeviceRow> ReadDevices(string path)
    {
        var rows = new List<DeviceRow>();
        foreach (var row in CsvTable.Read(path))
        {
            rows.Add(new DeviceRow(
                Id: row.Text("id"),
                Tier: row.Text("tier"),
                EnergyJ: row.Double("energy_j"),
                BatteryEndWh: row.OptionalDouble("battery_end_wh"),
                EnergyComputeJ: row.Double("energy_compute_j"),
                EnergyCommJ: row.Double("energy_comm_j"),
                EnergyIdleJ: row.Double("energy_idle_j")));
        }

        return rows;
    }

    private static List<OnlineRow> ReadOnline(string path)
    {
        var rows = new List<OnlineRow>();
        foreach (var row in CsvTable.Read(path)) rows.Add(new OnlineRow(row.Double("time_s"), row.Int("online_devices")));
        return [.. rows.OrderBy(r => r.TimeS)]; // the file is in time order; a stable sort keeps it so
    }

    private static List<int[]> ReadPartition(string path)
    {
        var rows = new List<int[]>();
        string[]? classColumns = null;
        foreach (var row in CsvTable.Read(path))
        {
            classColumns ??= row.Columns.Where(c => c.StartsWith("class_", StringComparison.Ordinal)).ToArray();
            if (classColumns.Length == 0)
                throw new InvalidDataException($"{path}: no class_0.. columns in the header");
            rows.Add(classColumns.Select(row.Int).ToArray());
        }

        return rows;
    }

    /// <summary>A comma-separated file with a header line; the run's tables have no quoted fields.</summary>
    private sealed class CsvTable
    {
        private readonly string _path;
        private readonly Dictionary<string, int> _index;
        private string[] _fields = [];
        private int _line;

        private CsvTable(string path, string[] header)
        {
            _path = path;
            Columns = header;
            _index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++) _index.TryAdd(header[i], i);
        }

        public string[] Columns { get; }

        /// <summary>The rows of the file, or none when it does not exist.</summary>
        public static IEnumerable<CsvTable> Read(string path)
        {
            if (!File.Exists(path)) yield break;
            using var reader = new StreamReader(path);
            var headerLine = reader.ReadLine();
            if (headerLine is null) yield break;
            var table = new CsvTable(path, headerLine.TrimEnd('\r').Split(','));
            var line = 1;
            while (reader.ReadLine() is { } text)
            {
                line++;
                text = text.TrimEnd('\r');
                if (text.Length == 0) continue;
                table._fields = text.Split(',');
                table._line = line;
                yield return table;
            }
        }

        public string Text(string column)
        {
            if (!_index.TryGetValue(column, out var i))
                throw new InvalidDataException($"{_path}: no column '{column}' in the header");
            return i < _fields.Length ? _fields[i].Trim() : "";
        }

        public int Int(string column)
        {
            var text = Text(column);
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw Bad(column, text, "an integer");
        }

        public double Double(string column) => OptionalDouble(column) ?? throw Bad(column, "", "a number");

        public double? OptionalDouble(string column, bool missingColumnIsEmpty = false)
        {
            if (missingColumnIsEmpty && !_index.ContainsKey(column)) return null;
            var text = Text(column);
            if (text.Length == 0) return null;
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
                ? value
                : throw Bad(column, text, "a number");
        }

        private InvalidDataException Bad(string column, string text, string expected) =>
            new($"{_path}, line {_line}: column '{column}' is '{text}', expected {expected}");
    }
}
