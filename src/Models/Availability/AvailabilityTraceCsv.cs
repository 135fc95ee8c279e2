using FgsActors.Models.Fleet;

namespace FgsActors.Models.Availability;

/// <summary>
/// Parser for availability traces: <c>device_id,online_from_s,online_to_s</c>, one online interval
/// [from, to) per row, seconds of virtual time (format in docs/model-availability.md). Errors name file,
/// line, column, what was expected and what was found; an overlap names both lines.
/// </summary>
public static class AvailabilityTraceCsv
{
    /// <summary>Required columns, in canonical order.</summary>
    public static readonly IReadOnlyList<string> Columns = ["device_id", "online_from_s", "online_to_s"];

    /// <summary>Reads and parses the file at <paramref name="path"/>; errors name the path as given.</summary>
    public static AvailabilityTrace Load(string path)
    {
        using var reader = File.OpenText(path);
        return Parse(reader, path);
    }

    /// <summary>Parses a trace; <paramref name="fileName"/> is only used in error messages.</summary>
    public static AvailabilityTrace Parse(TextReader reader, string fileName)
    {
        // Rows grouped by device in order of first appearance, so the first overlap reported is stable.
        var rows = new Dictionary<string, List<(OnlineInterval Interval, int Line)>>(StringComparer.Ordinal);
        foreach (var row in FleetCsv.Read(reader, fileName, Columns))
        {
            var id = FleetCsv.Id(fileName, row.Line, "device_id", row.Fields[0]);
            var from = FleetCsv.Number(fileName, row.Line, "online_from_s", row.Fields[1],
                "a non-negative number of seconds", v => v >= 0);
            var to = FleetCsv.Number(fileName, row.Line, "online_to_s", row.Fields[2],
                $"a number of seconds greater than online_from_s ({row.Fields[1]})", v => v > from);
            if (!rows.TryGetValue(id, out var list)) rows.Add(id, list = []);
            list.Add((new OnlineInterval(from, to), row.Line));
        }

        var devices = new Dictionary<string, TraceAvailability>(StringComparer.Ordinal);
        foreach (var (id, list) in rows)
        {
            CheckOverlaps(fileName, id, list);
            devices.Add(id, new TraceAvailability(list.Select(r => r.Interval)));
        }
        return new AvailabilityTrace(devices);
    }

    /// <summary>
    /// Sorted by start, an interval overlaps an earlier one iff it starts before the latest end seen so far;
    /// touching ([a,b) then [b,c)) is fine and merged later. Reported on the later line of the pair.
    /// </summary>
    private static void CheckOverlaps(string file, string id, List<(OnlineInterval Interval, int Line)> list)
    {
        var sorted = list.OrderBy(r => r.Interval.FromS).ThenBy(r => r.Line).ToList();
        var reach = sorted[0]; // the interval with the latest end among those before i
        for (var i = 1; i < sorted.Count; i++)
        {
            if (sorted[i].Interval.FromS >= reach.Interval.ToS)
            {
                if (sorted[i].Interval.ToS > reach.Interval.ToS) reach = sorted[i];
                continue;
            }
            var (first, second) = reach.Line < sorted[i].Line ? (reach, sorted[i]) : (sorted[i], reach);
            throw new FleetInputException(file, second.Line,
                $"device '{id}': online interval [{second.Interval.FromS}, {second.Interval.ToS}) overlaps " +
                $"[{first.Interval.FromS}, {first.Interval.ToS}) on line {first.Line}");
        }
    }
}
