using System.Globalization;

namespace FgsActors.Models.Metrics;

/// <summary>
/// A table of numbers read by <see cref="NumericCsv"/>: one row per sample (a feature vector or a vector of class
/// probabilities), all rows of the same width, each with the physical line it came from.
/// </summary>
/// <param name="FileName">The file name as the caller gave it (used in messages).</param>
/// <param name="Header">The column names when the file had a header line, otherwise null.</param>
/// <param name="Rows">The data rows, in file order.</param>
/// <param name="Lines">Lines[i] is the 1-based physical line of Rows[i].</param>
public sealed record NumericTable(string FileName, IReadOnlyList<string>? Header, double[][] Rows, int[] Lines)
{
    /// <summary>Number of columns (every row has this many).</summary>
    public int Columns => Rows.Length == 0 ? Header?.Count ?? 0 : Rows[0].Length;
}

/// <summary>
/// The CSV dialect of the metrics inputs: comma-separated finite numbers in invariant culture (<c>1.5</c>,
/// <c>-2e-3</c>), whitespace around fields trimmed, blank lines and <c>#</c> comment lines ignored, and an optional
/// header: the first non-blank line is a header when none of its fields is a number. Errors name the file, the
/// physical line (counting blank and comment lines) and, for a bad value, the column.
/// </summary>
public static class NumericCsv
{
    /// <summary>Reads <paramref name="path"/>; a missing or unreadable file is a <see cref="MetricsInputException"/>.</summary>
    public static NumericTable Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path)) throw new MetricsInputException(path, 0, "is a directory, expected a CSV file");
        if (!File.Exists(path)) throw new MetricsInputException(path, 0, "file not found");
        try
        {
            using var reader = new StreamReader(path);
            return Parse(reader, path);
        }
        catch (IOException e)
        {
            throw new MetricsInputException(path, 0, $"cannot read the file: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new MetricsInputException(path, 0, $"cannot read the file: {e.Message}");
        }
    }

    /// <summary>Parses CSV text; <paramref name="fileName"/> only labels the messages.</summary>
    public static NumericTable Parse(TextReader reader, string fileName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(fileName);
        string[]? header = null;
        var width = -1;
        var widthLine = 0;
        var rows = new List<double[]>();
        var lines = new List<int>();
        var lineNumber = 0;
        string? text;
        while ((text = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (lineNumber == 1) text = text.TrimStart('\uFEFF'); // a BOM from spreadsheet exports
            var trimmed = text.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#') continue;

            var fields = trimmed.Split(',');
            for (var i = 0; i < fields.Length; i++) fields[i] = fields[i].Trim();

            if (width < 0)
            {
                width = fields.Length;
                widthLine = lineNumber;
                if (fields.All(f => !IsNumber(f)))
                {
                    header = fields;
                    continue;
                }
            }
            else if (fields.Length != width)
            {
                var reference = header is null ? $"the first row, on line {widthLine}" : $"the header, on line {widthLine}";
                throw new MetricsInputException(fileName, lineNumber,
                    $"expected {width} comma-separated values (as in {reference}), found {fields.Length}");
            }

            var row = new double[width];
            for (var c = 0; c < width; c++)
            {
                if (!double.TryParse(fields[c], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
                {
                    var name = header is null ? "" : $" ('{header[c]}')";
                    var found = fields[c].Length == 0 ? "an empty field" : $"'{fields[c]}'";
                    throw new MetricsInputException(fileName, lineNumber, $"column {c + 1}{name}: expected a finite number, found {found}");
                }
                row[c] = value;
            }
            rows.Add(row);
            lines.Add(lineNumber);
        }

        if (rows.Count == 0)
        {
            var what = header is null ? "none" : $"only a header, on line {widthLine}";
            throw new MetricsInputException(fileName, 0, $"expected at least one row of numbers, found {what}");
        }
        return new NumericTable(fileName, header, [.. rows], [.. lines]);
    }

    private static bool IsNumber(string field) =>
        double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
