using System.Globalization;

namespace FgsActors.Models.Fleet;

/// <summary>One data row of a fleet CSV file, its fields in the caller's canonical column order.</summary>
internal readonly record struct FleetCsvRow(int Line, string[] Fields);

/// <summary>
/// The small CSV dialect shared by the fleet input files: a required header naming the columns (any order,
/// case-insensitive), '#' comment lines, blank lines ignored, comma-separated unquoted fields, whitespace
/// around fields trimmed. Hand-written instead of a CSV package because the dialect is this small and the
/// errors must name file, line and column exactly.
/// </summary>
internal static class FleetCsv
{
    public static IEnumerable<FleetCsvRow> Read(TextReader reader, string file, IReadOnlyList<string> columns)
    {
        int[]? order = null; // order[canonical column] = index of that column in the file
        var lineNumber = 0;
        string? text;
        while ((text = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (lineNumber == 1) text = text.TrimStart('\uFEFF'); // a BOM from Excel exports
            var trimmed = text.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#') continue;

            var fields = trimmed.Split(',');
            for (var i = 0; i < fields.Length; i++) fields[i] = fields[i].Trim();

            if (order is null)
            {
                order = MapHeader(file, lineNumber, trimmed, fields, columns);
                continue;
            }

            if (fields.Length != columns.Count)
                throw new FleetInputException(file, lineNumber,
                    $"expected {columns.Count} fields ({string.Join(",", columns)}), found {fields.Length}: '{trimmed}'");

            var canonical = new string[columns.Count];
            for (var c = 0; c < columns.Count; c++) canonical[c] = fields[order[c]];
            yield return new FleetCsvRow(lineNumber, canonical);
        }

        if (order is null)
            throw new FleetInputException(file, Math.Max(1, lineNumber),
                $"expected header line '{string.Join(",", columns)}', found end of file");
    }

    private static int[] MapHeader(string file, int line, string text, string[] fields, IReadOnlyList<string> columns)
    {
        var expected = string.Join(",", columns);
        var order = new int[columns.Count];
        Array.Fill(order, -1);
        var anyKnown = false;
        for (var i = 0; i < fields.Length; i++)
        {
            var c = IndexOf(columns, fields[i]);
            if (c < 0) continue;
            anyKnown = true;
            if (order[c] >= 0)
                throw new FleetInputException(file, line, $"header: column '{columns[c]}' appears twice");
            order[c] = i;
        }

        // No known column at all: the header is missing (the first row is probably data).
        if (!anyKnown)
            throw new FleetInputException(file, line,
                $"expected header line '{expected}' (the header is required), found '{text}'");

        foreach (var f in fields)
            if (IndexOf(columns, f) < 0)
                throw new FleetInputException(file, line,
                    $"header: expected columns {expected}, found unknown column {FleetInputException.Quote(f)}");
        for (var c = 0; c < columns.Count; c++)
            if (order[c] < 0)
                throw new FleetInputException(file, line,
                    $"header: expected columns {expected}, column '{columns[c]}' is missing");
        return order;
    }

    private static int IndexOf(IReadOnlyList<string> columns, string name)
    {
        for (var c = 0; c < columns.Count; c++)
            if (string.Equals(columns[c], name, StringComparison.OrdinalIgnoreCase)) return c;
        return -1;
    }

    /// <summary>
    /// Parses a finite invariant-culture number and checks <paramref name="valid"/>; any failure is reported
    /// with the same "expected ..., found ..." message.
    /// </summary>
    public static double Number(string file, int line, string column, string text, string expected, Func<double, bool> valid)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value) || !valid(value))
            throw FleetInputException.ForColumn(file, line, column, expected, text);
        return value;
    }

    /// <summary>A non-empty identifier without inner whitespace (ids end up in CSV outputs and logs).</summary>
    public static string Id(string file, int line, string column, string text)
    {
        if (text.Length == 0 || text.Any(char.IsWhiteSpace))
            throw FleetInputException.ForColumn(file, line, column, "a non-empty device id without spaces", text);
        return text;
    }
}
