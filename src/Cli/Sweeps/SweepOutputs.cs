using System.Globalization;
using System.Net;
using System.Text;
using FgsActors.Cli.Reporting;
using PlotStyle = FgsActors.Cli.Reporting.PlotStyle;
using ScottPlot;

namespace FgsActors.Cli.Sweeps;

/// <summary>One metric's statistics over the seeds of one grid point.</summary>
public sealed record SweepRow(SweepPoint Point, string Metric, SweepStats Stats);

/// <summary>The sweep's results: a row per grid point and metric, points in grid order.</summary>
public sealed record SweepTable(IReadOnlyList<SweepAxis> Axes, IReadOnlyList<SweepRow> Rows);

/// <summary>Writes sweep.csv, one PNG per metric (mean vs the first swept key, shaded 95 % CI) and sweep.html.</summary>
public static class SweepOutputs
{
    public const string CsvFile = "sweep.csv";
    public const string HtmlFile = "sweep.html";

    public static IReadOnlyList<string> WriteAll(SweepSpec spec, SweepTable table, string outDir, Action<string> warn)
    {
        var written = new List<string>();
        var csv = Path.Combine(outDir, CsvFile);
        File.WriteAllText(csv, Csv(table));
        written.Add(csv);
        var plots = new List<(string Metric, string Path)>();
        foreach (var metric in spec.Metrics)
        {
            var png = Path.Combine(outDir, $"sweep-{SweepSpec.SafeName(metric)}.png");
            try
            {
                Plot(table, metric, png);
                plots.Add((metric, png));
                written.Add(png);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
            {
                warn($"plot of {metric} not written: {e.Message}");
            }
        }
        var html = Path.Combine(outDir, HtmlFile);
        File.WriteAllText(html, Html(spec, table, plots));
        written.Add(html);
        return written;
    }

    /// <summary>Header: the swept keys, metric, mean, std, ci95_low, ci95_high, n. NaN (n = 1) is an empty field.</summary>
    public static string Csv(SweepTable table)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(',', table.Axes.Select(a => Field(a.Key)).Concat(["metric", "mean", "std", "ci95_low", "ci95_high", "n"])));
        foreach (var row in table.Rows)
        {
            var s = row.Stats;
            text.AppendLine(string.Join(',', row.Point.Values.Select(Field)
                .Concat([Field(row.Metric), Number(s.Mean), Number(s.Std), Number(s.Ci95Low), Number(s.Ci95High), s.N.ToString(CultureInfo.InvariantCulture)])));
        }
        return text.ToString();
    }

    private static string Number(double value) => double.IsNaN(value) ? "" : value.ToString("R", CultureInfo.InvariantCulture);

    private static string Field(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>
    /// Metric vs the first swept key: one line per combination of the other keys, mean with a shaded 95 % CI band.
    /// The x axis is numeric when every value of the first key is a plain number, else the values in grid order.
    /// </summary>
    private static void Plot(SweepTable table, string metric, string path)
    {
        var first = table.Axes[0];
        var numeric = first.Values.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        double X(string v) => numeric ? double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture) : IndexOf(first.Values, v);
        var plot = PlotStyle.New($"{metric} vs {first.Key}", first.Key, metric);
        if (!numeric) PlotStyle.Categories(plot.Axes.Bottom, first.Values);

        var groups = table.Rows.Where(r => r.Metric == metric)
            .GroupBy(r => string.Join(", ", table.Axes.Skip(1).Select((a, i) => $"{a.Key}={r.Point.Values[i + 1]}")))
            .ToList();
        var colour = 0;
        foreach (var group in groups)
        {
            var rows = group.OrderBy(r => X(r.Point.Values[0])).ToList();
            var xs = rows.Select(r => X(r.Point.Values[0])).ToArray();
            var c = PlotStyle.Colour(colour++);
            if (rows.All(r => !double.IsNaN(r.Stats.Ci95Low)))
            {
                var band = plot.Add.FillY(xs, rows.Select(r => r.Stats.Ci95Low).ToArray(), rows.Select(r => r.Stats.Ci95High).ToArray());
                band.FillStyle.Color = c.WithAlpha(0.25);
                band.LineStyle.Width = 0;
            }
            var line = plot.Add.ScatterLine(xs, rows.Select(r => r.Stats.Mean).ToArray(), c);
            line.MarkerSize = 7;
            line.LineWidth = 2;
            line.LegendText = (group.Key.Length == 0 ? "mean" : group.Key) + (rows.All(r => r.Stats.N > 1) ? " (95 % CI)" : "");
        }
        PlotStyle.ShowLegend(plot, Alignment.UpperRight);
        plot.SavePng(path, PlotStyle.Width, PlotStyle.Height);
    }

    private static int IndexOf(IReadOnlyList<string> values, string value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] == value) return i;
        }
        return -1;
    }

    private static string Html(SweepSpec spec, SweepTable table, IReadOnlyList<(string Metric, string Path)> plots)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var h = new StringBuilder();
        h.AppendLine("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>fgs sweep</title><style>");
        h.AppendLine("body{font-family:sans-serif;margin:2em;max-width:1000px}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}th{background:#eee}td.k{text-align:left}img{max-width:100%;margin:1em 0}");
        h.AppendLine("</style></head><body>");
        h.AppendLine($"<h1>Sweep: {E(Path.GetFileName(spec.SweepPath))}</h1>");
        h.AppendLine($"<p>Scenario <code>{E(spec.ScenarioPath)}</code>; {table.Rows.Select(r => r.Point.Index).Distinct().Count()} grid points × {spec.Seeds.Count} seeds ({E(string.Join(", ", spec.Seeds))}).");
        if (spec.Sets.Count > 0) h.AppendLine($" Fixed overrides: <code>{E(string.Join(" ", spec.Sets))}</code>.");
        h.AppendLine(" 95 % CI: mean ± t<sub>0.975, n−1</sub>·std/√n (std with n − 1).</p>");
        h.AppendLine("<table><tr>" + string.Concat(table.Axes.Select(a => $"<th>{E(a.Key)}</th>")) + "<th>metric</th><th>mean</th><th>std</th><th>ci95_low</th><th>ci95_high</th><th>n</th></tr>");
        foreach (var row in table.Rows)
        {
            var s = row.Stats;
            h.AppendLine("<tr>" + string.Concat(row.Point.Values.Select(v => $"<td class=\"k\">{E(v)}</td>")) + $"<td class=\"k\">{E(row.Metric)}</td>"
                + string.Concat(new[] { s.Mean, s.Std, s.Ci95Low, s.Ci95High }.Select(v => $"<td>{(double.IsNaN(v) ? "" : PlotStyle.Number(v))}</td>")) + $"<td>{s.N}</td></tr>");
        }
        h.AppendLine("</table>");
        foreach (var (metric, path) in plots)
        {
            h.AppendLine($"<h2>{E(metric)}</h2><img alt=\"{E(metric)}\" src=\"data:image/png;base64,{Convert.ToBase64String(File.ReadAllBytes(path))}\">");
        }
        h.AppendLine("</body></html>");
        return h.ToString();
    }
}
