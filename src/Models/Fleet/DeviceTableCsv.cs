namespace FgsActors.Models.Fleet;

/// <summary>
/// Parser for an imported device table: <c>id,tier,cpu_hz,ram_mb,battery_wh,up_bps,down_bps</c>
/// (format in docs/model-availability.md). Every error names file, line, column, what was expected and
/// what was found, and stops at the first problem.
/// </summary>
public static class DeviceTableCsv
{
    /// <summary>Required columns, in canonical order.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["id", "tier", "cpu_hz", "ram_mb", "battery_wh", "up_bps", "down_bps"];

    /// <summary>The battery_wh value for a mains-powered device (case-insensitive).</summary>
    public const string Mains = "mains";

    /// <summary>Reads and parses the file at <paramref name="path"/>; errors name the path as given.</summary>
    public static IReadOnlyList<DeviceRecord> Load(string path, IReadOnlyCollection<string> knownTiers)
    {
        using var reader = File.OpenText(path);
        return Parse(reader, path, knownTiers);
    }

    /// <summary>Parses a device table; <paramref name="fileName"/> is only used in error messages.</summary>
    /// <param name="knownTiers">Tier names defined by the scenario; the tier column must use one exactly.</param>
    public static IReadOnlyList<DeviceRecord> Parse(TextReader reader, string fileName, IReadOnlyCollection<string> knownTiers)
    {
        var devices = new List<DeviceRecord>();
        var lineOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in FleetCsv.Read(reader, fileName, Columns))
        {
            var f = row.Fields;
            var line = row.Line;
            var id = FleetCsv.Id(fileName, line, "id", f[0]);
            if (lineOfId.TryGetValue(id, out var firstLine))
                throw new FleetInputException(fileName, line,
                    $"column 'id': expected a unique device id, found '{id}', already defined on line {firstLine}");
            lineOfId.Add(id, line);

            var tier = Tier(fileName, line, f[1], knownTiers);
            var cpuHz = Positive(fileName, line, "cpu_hz", f[2], "a positive CPU frequency in Hz");
            var ramMb = Positive(fileName, line, "ram_mb", f[3], "a positive RAM size in MiB");
            double? batteryWh = string.Equals(f[4], Mains, StringComparison.OrdinalIgnoreCase)
                ? null
                : Positive(fileName, line, "battery_wh", f[4], $"a positive battery capacity in Wh or '{Mains}'");
            var upBps = Positive(fileName, line, "up_bps", f[5], "a positive uplink rate in bit/s");
            var downBps = Positive(fileName, line, "down_bps", f[6], "a positive downlink rate in bit/s");
            devices.Add(new DeviceRecord(id, tier, cpuHz, ramMb, batteryWh, upBps, downBps, line));
        }
        return devices;
    }

    private static double Positive(string file, int line, string column, string text, string expected) =>
        FleetCsv.Number(file, line, column, text, expected, v => v > 0);

    private static string Tier(string file, int line, string text, IReadOnlyCollection<string> knownTiers)
    {
        if (knownTiers.Contains(text, StringComparer.Ordinal)) return text;
        var known = string.Join(", ", knownTiers.Order(StringComparer.Ordinal));
        var suggestion = NameSuggestion.Closest(text, knownTiers);
        var hint = suggestion is null ? "" : $" (did you mean '{suggestion}'?)";
        throw new FleetInputException(file, line,
            $"column 'tier': expected one of the tiers {known}, found {FleetInputException.Quote(text)}{hint}");
    }
}
