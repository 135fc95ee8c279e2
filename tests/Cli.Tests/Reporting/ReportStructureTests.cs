using System.Text.RegularExpressions;
using FgsActors.Cli.Reporting;
using FgsActors.Cli.Tests.Support;

namespace FgsActors.Cli.Tests.Reporting;

/// <summary>
/// <see cref="RunReport"/> on hand-made run directories: the sections and table of contents, plots embedded as data
/// URIs, no external references, every value from the files escaped, and the errors for a directory that is not a run.
/// </summary>
public sealed partial class ReportStructureTests
{
    // A valid 1 × 1 PNG (one opaque red pixel).
    private static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    private const string Hostile = "<script>alert('x')</script> & \"quoted\"";

    private static void WriteRun(TempDir temp, bool withPlots = true, bool withConfig = true)
    {
        temp.Write("summary.json", $$"""
            {
              "fgs_version": "0.1.0",
              "scenario": "config/scenarios/<b>evil</b>.conf",
              "seed": 7,
              "devices": 1234,
              "result_hash": "abc123def456",
              "complete": true,
              "nothing": null,
              "energy_j_by_tier": { "gateway": 1.5, "{{Hostile.Replace("\"", "\\\"")}}": 2.25e-3 },
              "list": [1, "two", { "three": 3 }]
            }
            """);
        if (withConfig) temp.Write("config.effective.conf", "fgs {\n  run { seed = 7  # a <comment> & \"more\" https-ish\n  }\n}\n");
        if (withPlots)
        {
            File.WriteAllBytes(temp.At(RunPlots.EnergyByTier), TinyPng);
            File.WriteAllBytes(temp.At(RunPlots.DropoutsPerRound), TinyPng);
        }
        File.WriteAllBytes(temp.At("unrelated.png"), TinyPng); // not a run plot: not embedded
    }

    [Fact]
    public void Report_has_every_section_and_a_table_of_contents_linking_to_them()
    {
        using var temp = new TempDir();
        WriteRun(temp);
        var html = RunReport.Render(temp.Path);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<meta charset=\"utf-8\">", html, StringComparison.Ordinal);
        var ids = IdAttribute().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        string[] expected = ["contents", RunReport.SummaryAnchor, RunReport.PlotsAnchor, RunReport.ConfigAnchor,
            RunReport.PlotAnchor(RunPlots.EnergyByTier), RunReport.PlotAnchor(RunPlots.DropoutsPerRound)];
        foreach (var id in expected) Assert.Contains(id, ids);

        var links = FragmentLink().Matches(html).Select(m => m.Groups[1].Value).ToList();
        foreach (var id in expected.Where(id => id != "contents")) Assert.Contains(id, links);
        foreach (var link in links) Assert.Contains(link, ids); // no dangling link

        // Sections in order: summary, plots, configuration; plots in RunPlots' order.
        Assert.True(html.IndexOf("id=\"summary\"", StringComparison.Ordinal) < html.IndexOf("id=\"plots\"", StringComparison.Ordinal));
        Assert.True(html.IndexOf("id=\"plots\"", StringComparison.Ordinal) < html.IndexOf("id=\"configuration\"", StringComparison.Ordinal));
        Assert.True(html.IndexOf("id=\"plot-energy-by-tier\"", StringComparison.Ordinal) < html.IndexOf("id=\"plot-dropouts-per-round\"", StringComparison.Ordinal));
        Assert.Contains("<figcaption><strong>Energy by tier</strong>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Plots_are_embedded_as_data_uris_and_nothing_is_loaded_from_elsewhere()
    {
        using var temp = new TempDir();
        WriteRun(temp);
        var html = RunReport.Render(temp.Path);

        var sources = ImageSource().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, sources.Count); // the two run plots, not unrelated.png
        foreach (var source in sources)
        {
            Assert.StartsWith("data:image/png;base64,", source, StringComparison.Ordinal);
            Assert.Equal(TinyPng, Convert.FromBase64String(source["data:image/png;base64,".Length..]));
        }
        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script src", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("unrelated.png", html, StringComparison.Ordinal);
        foreach (Match reference in Reference().Matches(html))
        {
            var target = reference.Groups[2].Value;
            Assert.True(target.StartsWith('#') || target.StartsWith("data:", StringComparison.Ordinal),
                $"{reference.Groups[1].Value}=\"{target[..Math.Min(40, target.Length)]}\" is not embedded");
        }
    }

    [Fact]
    public void Summary_fields_are_a_table_with_nested_objects_as_sub_tables()
    {
        using var temp = new TempDir();
        WriteRun(temp);
        var html = RunReport.Render(temp.Path);

        Assert.Contains("<th scope=\"row\">devices</th><td><span class=\"num\">1234</span></td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">result_hash</th><td>abc123def456</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">complete</th><td>true</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">nothing</th><td><em>null</em></td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">energy_j_by_tier</th><td><table class=\"kv\">", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">gateway</th><td><span class=\"num\">1.5</span></td>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"num\">2.25e-3</span>", html, StringComparison.Ordinal); // numbers as written
        Assert.Contains("<th scope=\"row\">1</th><td>two</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">three</th><td><span class=\"num\">3</span></td>", html, StringComparison.Ordinal);
        Assert.Contains("<title>Run report: ", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_from_the_run_files_is_escaped()
    {
        using var temp = new TempDir();
        WriteRun(temp);
        var html = RunReport.Render(temp.Path);

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>evil</b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<comment>", html, StringComparison.Ordinal);
        Assert.Contains("config/scenarios/&lt;b&gt;evil&lt;/b&gt;.conf", html, StringComparison.Ordinal);
        Assert.Contains(ReportHtml.Escape(Hostile), html, StringComparison.Ordinal);
        Assert.Contains("<pre>fgs {\n  run { seed = 7  # a &lt;comment&gt; &amp; &quot;more&quot; https-ish", html, StringComparison.Ordinal);
        // The page's only script is its own image check.
        Assert.Equal(1, Regex.Count(html, "<script>", RegexOptions.IgnoreCase));
    }

    [Fact]
    public void A_run_without_plots_or_config_says_so()
    {
        using var temp = new TempDir();
        WriteRun(temp, withPlots: false, withConfig: false);
        var html = RunReport.Render(temp.Path);

        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("No plots", html, StringComparison.Ordinal);
        Assert.Contains("No <code>config.effective.conf</code>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"configuration\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_puts_report_html_into_the_run_directory_and_replaces_an_older_one()
    {
        using var temp = new TempDir();
        WriteRun(temp);
        File.WriteAllText(temp.At(RunReport.FileName), "old");
        var path = RunReport.Write(temp.Path);

        Assert.Equal(Path.GetFullPath(temp.At(RunReport.FileName)), path);
        var bytes = File.ReadAllBytes(path);
        Assert.False(bytes is [0xEF, 0xBB, 0xBF, ..], "report.html starts with a byte-order mark");
        Assert.Equal(RunReport.Render(temp.Path), File.ReadAllText(path));
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Fact]
    public void Not_a_run_directory_is_rejected()
    {
        using var temp = new TempDir();
        Assert.Throws<DirectoryNotFoundException>(() => RunReport.Write(temp.At("missing")));
        var notRun = Assert.Throws<FileNotFoundException>(() => RunReport.Write(temp.Path));
        Assert.Contains("no summary.json", notRun.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.At(RunReport.FileName)));

        temp.Write("summary.json", "{ \"seed\": 1,\n  oops }");
        var malformed = Assert.Throws<InvalidDataException>(() => RunReport.Write(temp.Path));
        Assert.Contains("summary.json:2:", malformed.Message, StringComparison.Ordinal);

        temp.Write("summary.json", "[1, 2]");
        Assert.Throws<InvalidDataException>(() => RunReport.Write(temp.Path));
        Assert.False(File.Exists(temp.At(RunReport.FileName)));
    }

    [GeneratedRegex("\\bid=\"([^\"]*)\"")]
    private static partial Regex IdAttribute();

    [GeneratedRegex("href=\"#([^\"]*)\"")]
    private static partial Regex FragmentLink();

    [GeneratedRegex("<img src=\"([^\"]*)\"")]
    private static partial Regex ImageSource();

    [GeneratedRegex("\\b(src|href|action|poster|data)=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex Reference();
}
