using System.Diagnostics;
using System.Text.RegularExpressions;
using FgsActors.Cli.Reporting;
using FgsActors.Cli.Tests.Support;

namespace FgsActors.Cli.Tests.Reporting;

/// <summary>
/// The report of a real quickstart run, rendered by headless Chromium from the file alone (<c>--dump-dom</c>): every
/// embedded plot decodes, and the run's key figures are on the page. Needs <c>/usr/bin/chromium</c> (Debian package
/// <c>chromium</c>, installed by scripts/setup.sh as root); without it the test fails and says so.
/// </summary>
public sealed partial class ReportBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public void Quickstart_report_renders_in_chromium_with_every_image_loaded()
    {
        using var temp = new TempDir();
        var runDir = temp.At("quickstart");
        Fgs.RunOk("run", Repo.Quickstart, "--out", runDir, "--quiet");
        var report = Fgs.RunOk("report", runDir);
        Assert.Contains(RunReport.FileName, report.Out, StringComparison.Ordinal);
        var path = Path.Combine(runDir, RunReport.FileName);
        var summary = Summary.Read(runDir);

        var dom = DumpDom(path, temp.At("chromium-profile"));

        var body = BodyTag().Match(dom);
        Assert.True(body.Success, $"no <body> in Chromium's DOM:\n{Head(dom)}");
        var loaded = Attribute(body.Value, "data-images-loaded");
        var total = Attribute(body.Value, "data-images-total");
        Assert.True(loaded is not null && total is not null,
            $"the page's image check did not run (no data-images-* on <body>): {body.Value}");
        var plots = RunPlots.AllFileNames.Count(name => File.Exists(Path.Combine(runDir, name)));
        Assert.True(plots > 0, "the quickstart run has no plots");
        Assert.Equal(plots, int.Parse(total!));
        Assert.Equal(total, loaded);

        var hash = summary.GetProperty("result_hash").GetString()!;
        Assert.Contains(hash, dom, StringComparison.Ordinal);
        var devices = summary.GetProperty("devices").GetRawText();
        Assert.Contains($"<th scope=\"row\">devices</th><td><span class=\"num\">{devices}</span></td>", dom, StringComparison.Ordinal);
        var rounds = summary.GetProperty("rounds").GetRawText();
        Assert.Contains($"<th scope=\"row\">rounds</th><td><span class=\"num\">{rounds}</span></td>", dom, StringComparison.Ordinal);
        foreach (var tier in summary.GetProperty("energy_j_by_tier").EnumerateObject())
        {
            Assert.Contains($"<th scope=\"row\">{tier.Name}</th><td><span class=\"num\">{tier.Value.GetRawText()}</span></td>", dom, StringComparison.Ordinal);
        }
        Assert.Contains("config/scenarios/quickstart.conf", dom, StringComparison.Ordinal);
        Assert.Contains("clients-per-round = 20", dom, StringComparison.Ordinal); // the effective configuration
    }

    private static string DumpDom(string htmlPath, string profileDir)
    {
        Assert.True(File.Exists(Chromium),
            $"headless Chromium is needed for this test and was not found at {Chromium}: as root, apt-get install chromium " +
            "(scripts/setup.sh installs it when run as root)");
        var start = new ProcessStartInfo(Chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless=new", "--disable-gpu", "--no-sandbox", "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--disable-background-networking", $"--user-data-dir={profileDir}",
            "--dump-dom", "--virtual-time-budget=5000", new Uri(htmlPath).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"could not start {Chromium}");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{Chromium} did not finish rendering the report within 90 s");
        }
        process.WaitForExit(); // drain the redirected streams
        var dom = output.Result;
        Assert.True(process.ExitCode == 0 && dom.Length > 0,
            $"{Chromium} failed (exit {process.ExitCode}) to render the report:\n{Tail(errors.Result)}");
        return dom;
    }

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $"\\b{Regex.Escape(name)}=\"(\\d+)\"");
        return match.Success ? match.Groups[1].Value : null;
    }

    private static string Head(string text) => text.Length <= 2000 ? text : text[..2000] + " …";

    private static string Tail(string text) => text.Length <= 4000 ? text : "… " + text[^4000..];

    [GeneratedRegex("<body[^>]*>")]
    private static partial Regex BodyTag();
}
