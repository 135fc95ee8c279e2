using System.Text;
using System.Text.Json;

namespace FgsActors.Cli.Reporting;

/// <summary>
/// <c>report.html</c>: one self-contained HTML page for a finished run, built only from the files in its directory —
/// summary.json as a table, the run plots already there (<see cref="RunPlots.AllFileNames"/>, embedded as base64
/// <c>data:</c> URIs) with captions, and config.effective.conf — with a table of contents. It loads nothing from
/// anywhere else (inline CSS, no external references), opens offline, and needs no JavaScript; a tiny inline script
/// only records on <c>&lt;body&gt;</c> how many images decoded (<c>data-images-loaded</c> of
/// <c>data-images-total</c>), for tests that render the page in a browser. docs/results.md describes the page.
/// </summary>
public static class RunReport
{
    /// <summary>The report's file name inside the run directory.</summary>
    public const string FileName = "report.html";

    public const string SummaryFile = RunData.SummaryFile;
    public const string ConfigFile = "config.effective.conf";

    /// <summary>Fragment identifiers of the page's sections (plots are <c>plot-</c> + the file name's anchor).</summary>
    public const string SummaryAnchor = "summary";
    public const string PlotsAnchor = "plots";
    public const string ConfigAnchor = "configuration";

    /// <summary>
    /// Writes <c>report.html</c> into <paramref name="runDirectory"/>, replacing an older one, from the files there.
    /// Plots are embedded as they are on disk: call <see cref="RunPlots.WriteAll"/> first to rebuild them.
    /// </summary>
    /// <returns>The full path of the report.</returns>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    /// <exception cref="FileNotFoundException">The directory holds no summary.json (not a run directory).</exception>
    /// <exception cref="InvalidDataException">summary.json is not a JSON object (the message names the file and line).</exception>
    public static string Write(string runDirectory)
    {
        var html = Render(runDirectory);
        var path = Path.Combine(Path.GetFullPath(runDirectory), FileName);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, html, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    /// <summary>The report's HTML for the run in <paramref name="runDirectory"/> (what <see cref="Write"/> writes).</summary>
    /// <inheritdoc cref="Write" path="/exception"/>
    public static string Render(string runDirectory)
    {
        var directory = Path.GetFullPath(runDirectory);
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"{runDirectory}: no such directory");
        var summaryPath = Path.Combine(directory, SummaryFile);
        if (!File.Exists(summaryPath))
            throw new FileNotFoundException($"{runDirectory}: not a run directory (no {SummaryFile})", summaryPath);

        using var summary = ReadSummary(summaryPath);
        var root = summary.RootElement;
        var runName = Path.GetFileName(directory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        var scenario = StringField(root, "scenario");
        var plots = RunPlots.AllFileNames.Append(Hosting.SampleGrids.FileName)
            .Select(name => Path.Combine(directory, name))
            .Where(File.Exists)
            .ToList();
        var configPath = Path.Combine(directory, ConfigFile);
        var config = File.Exists(configPath) ? File.ReadAllText(configPath) : null;

        var html = new StringBuilder(64 * 1024);
        var title = scenario is null ? $"Run report: {runName}" : $"Run report: {runName} — {scenario}";
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(ReportHtml.Escape(title)).Append("</title>\n")
            .Append("<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n");

        // Header: the run and its key figures.
        html.Append("<header>\n<h1>").Append(ReportHtml.Escape(title)).Append("</h1>\n");
        html.Append("<dl class=\"key\">\n");
        foreach (var key in KeyFields)
        {
            if (!root.TryGetProperty(key, out var value) || value.ValueKind is JsonValueKind.Object or JsonValueKind.Array) continue;
            html.Append("<dt>").Append(ReportHtml.Escape(key)).Append("</dt><dd>").Append(Scalar(value)).Append("</dd>\n");
        }
        html.Append("</dl>\n</header>\n");

        // Table of contents.
        html.Append("<nav id=\"contents\">\n<h2>Contents</h2>\n<ol>\n")
            .Append("<li><a href=\"#").Append(SummaryAnchor).Append("\">Summary</a></li>\n")
            .Append("<li><a href=\"#").Append(PlotsAnchor).Append("\">Plots</a>");
        if (plots.Count > 0)
        {
            html.Append("\n<ol>\n");
            foreach (var plot in plots)
            {
                var name = Path.GetFileName(plot);
                html.Append("<li><a href=\"#").Append(PlotAnchor(name)).Append("\">")
                    .Append(ReportHtml.Escape(Caption(name).Title)).Append("</a></li>\n");
            }
            html.Append("</ol>\n");
        }
        html.Append("</li>\n<li><a href=\"#").Append(ConfigAnchor).Append("\">Effective configuration</a></li>\n</ol>\n</nav>\n");

        // Summary.
        html.Append("<section id=\"").Append(SummaryAnchor).Append("\">\n<h2>Summary</h2>\n")
            .Append("<p>Every field of <code>").Append(SummaryFile).Append("</code> (docs/model.md §8, README.md).</p>\n");
        AppendValue(html, root);
        html.Append("</section>\n");

        // Plots.
        html.Append("<section id=\"").Append(PlotsAnchor).Append("\">\n<h2>Plots</h2>\n");
        if (plots.Count == 0)
            html.Append("<p>No plots: this run has no rounds.csv or devices.csv to draw from (docs/results.md).</p>\n");
        foreach (var plot in plots)
        {
            var name = Path.GetFileName(plot);
            var (plotTitle, caption) = Caption(name);
            html.Append("<figure id=\"").Append(PlotAnchor(name)).Append("\">\n")
                .Append("<img src=\"data:image/png;base64,").Append(Convert.ToBase64String(File.ReadAllBytes(plot)))
                .Append("\" alt=\"").Append(ReportHtml.Escape(plotTitle)).Append("\">\n")
                .Append("<figcaption><strong>").Append(ReportHtml.Escape(plotTitle)).Append("</strong> (<code>")
                .Append(ReportHtml.Escape(name)).Append("</code>). ").Append(ReportHtml.Escape(caption))
                .Append("</figcaption>\n</figure>\n");
        }
        html.Append("</section>\n");

        // Configuration.
        html.Append("<section id=\"").Append(ConfigAnchor).Append("\">\n<h2>Effective configuration</h2>\n");
        if (config is null)
        {
            html.Append("<p>No <code>").Append(ConfigFile).Append("</code> in the run directory.</p>\n");
        }
        else
        {
            html.Append("<p>The configuration the run used (<code>").Append(ConfigFile)
                .Append("</code>), each key with where it came from.</p>\n<pre>").Append(ReportHtml.Escape(config)).Append("</pre>\n");
        }
        html.Append("</section>\n");

        html.Append("<footer><p>Written by <code>fgs report</code> from the files in ")
            .Append(ReportHtml.Escape(runName)).Append("; self-contained, works offline.</p></footer>\n");
        html.Append("<script>\n").Append(ImageCheckScript).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The fragment identifier of a plot's figure, e.g. <c>plot-energy-by-tier</c> for energy_by_tier.png.</summary>
    public static string PlotAnchor(string fileName) => "plot-" + ReportHtml.Anchor(Path.GetFileNameWithoutExtension(fileName));

    /// <summary>Fields shown in the page's header when summary.json has them.</summary>
    private static readonly string[] KeyFields =
        ["scenario", "model", "seed", "devices", "rounds", "virtual_time_s", "events", "result_hash"];

    private static JsonDocument ReadSummary(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(
                $"{path}:{(e.LineNumber ?? 0) + 1}: not valid JSON (byte {(e.BytePositionInLine ?? 0) + 1} of the line)");
        }
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            var kind = document.RootElement.ValueKind.ToString().ToLowerInvariant();
            document.Dispose();
            throw new InvalidDataException($"{path}: expected a JSON object, found {kind}");
        }
        return document;
    }

    private static string? StringField(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Objects become key/value tables, arrays index/value tables, nested to any depth.</summary>
    private static void AppendValue(StringBuilder html, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                html.Append("<table class=\"kv\">\n<tbody>\n");
                foreach (var property in value.EnumerateObject())
                {
                    html.Append("<tr><th scope=\"row\">").Append(ReportHtml.Escape(property.Name)).Append("</th><td>");
                    AppendValue(html, property.Value);
                    html.Append("</td></tr>\n");
                }
                html.Append("</tbody>\n</table>\n");
                break;
            case JsonValueKind.Array:
                html.Append("<table class=\"kv\">\n<tbody>\n");
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    html.Append("<tr><th scope=\"row\">").Append(index++).Append("</th><td>");
                    AppendValue(html, item);
                    html.Append("</td></tr>\n");
                }
                html.Append("</tbody>\n</table>\n");
                break;
            default:
                html.Append(Scalar(value));
                break;
        }
    }

    /// <summary>A scalar as it is in the file: numbers in their exact JSON text, strings unquoted, both escaped.</summary>
    private static string Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => ReportHtml.Escape(value.GetString()),
        JsonValueKind.Number => "<span class=\"num\">" + ReportHtml.Escape(value.GetRawText()) + "</span>",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "<em>null</em>",
        _ => ReportHtml.Escape(value.GetRawText()),
    };

    /// <summary>Each plot's title and caption (docs/results.md, "The plots").</summary>
    private static (string Title, string Caption) Caption(string fileName) => fileName switch
    {
        RunPlots.AccuracyVsTime => ("Test accuracy over virtual time",
            "Test accuracy (%) of the global model at each evaluated round against the round's close; the dashed line is the target accuracy."),
        RunPlots.AccuracyVsRound => ("Test accuracy per round",
            "The same evaluations against the round index, with the target line."),
        RunPlots.CostToAccuracy => ("Communication cost to accuracy",
            "Test accuracy (%) against the cumulative bytes of the rounds (up + down) up to the evaluated round."),
        RunPlots.EnergyByTier => ("Energy by tier",
            "From devices.csv: all energy drawn per tier (idle, communication, compute) and, on its own scale, the learning work only (communication + compute)."),
        RunPlots.EnergyCumulative => ("Cumulative energy of the rounds' participants",
            "From rounds.csv: running sums of the invited devices' compute, communication and idle energy, and their total, at each round's close."),
        RunPlots.BytesCumulative => ("Cumulative bytes",
            "From rounds.csv: running sums of bytes down (model broadcast) and bytes up (updates) at each round's close, decimal units."),
        RunPlots.DropoutsPerRound => ("Dropouts per round by reason",
            "Invitations that did not end in an aggregated update, per round, by reason: churn, battery, deadline, memory, link."),
        RunPlots.OnlineDevices => ("Devices online as the aggregator sees them",
            "From online.csv: devices whose last availability report said available, over virtual time; the aggregator's view, which lags the devices' true state by up to one check-in period. The dashed line is the fleet's size."),
        RunPlots.BatteryEnd => ("Battery left at the end",
            "Histograms, one per battery-powered tier, of the energy (Wh) left in each device's battery at the end of the run."),
        RunPlots.PartitionClasses => ("Class distribution per client",
            "From partition.csv: each client's share of samples per class (heatmap, 0–100 %) and its number of samples."),
        RunPlots.FidVsTime => ("Generator FID over virtual time",
            "FID of the generator's evaluation samples against the test set (reference-classifier features; lower is better) and, where measured, the mean and worst local FID against the devices' own data."),
        RunPlots.FidVsRound => ("Generator FID per round",
            "The same evaluations against the round index."),
        RunPlots.CostToFid => ("Communication cost to fidelity",
            "FID against the cumulative bytes of the rounds (up + down) up to the evaluated round."),
        Hosting.SampleGrids.FileName => ("Generated samples",
            "The generator's images at its last evaluation, one row per class (10 per class, from the evaluation's fixed noise)."),
        _ => (fileName, string.Empty),
    };

    private const string Css = """
        body { font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; margin: 0 auto; max-width: 1240px; padding: 1rem 1.5rem 3rem; color: #1b1b1b; line-height: 1.45; }
        h1 { font-size: 1.6rem; margin: 0.5rem 0; }
        h2 { font-size: 1.3rem; border-bottom: 1px solid #ccc; padding-bottom: 0.2rem; margin-top: 2rem; }
        code, pre, .num { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
        dl.key { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; margin: 0.5rem 0 1rem; }
        dl.key dt { font-weight: 600; }
        dl.key dd { margin: 0; overflow-wrap: anywhere; }
        nav ol { margin: 0.2rem 0; }
        table.kv { border-collapse: collapse; margin: 0.2rem 0; }
        table.kv th, table.kv td { border: 1px solid #ddd; padding: 0.2rem 0.6rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
        table.kv th { background: #f4f4f4; font-weight: 600; white-space: nowrap; }
        table.kv table.kv th { background: #fafafa; font-weight: 500; }
        figure { margin: 1.5rem 0; }
        figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
        figcaption { font-size: 0.95rem; color: #333; max-width: 900px; }
        pre { background: #f7f7f7; border: 1px solid #ddd; padding: 0.8rem; overflow-x: auto; font-size: 0.85rem; }
        footer { margin-top: 3rem; font-size: 0.85rem; color: #666; }

        """;

    // Not needed to read the page: it only records, once everything has loaded, how many images decoded.
    private const string ImageCheckScript = """
        window.addEventListener("load", function () {
          var images = document.images, loaded = 0;
          for (var i = 0; i < images.length; i++) {
            if (images[i].complete && images[i].naturalWidth > 0) loaded++;
          }
          document.body.setAttribute("data-images-loaded", String(loaded));
          document.body.setAttribute("data-images-total", String(images.length));
        });

        """;
}
