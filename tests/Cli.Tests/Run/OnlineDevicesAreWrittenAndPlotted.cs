using System.Globalization;
using FgsActors.Cli.Hosting;
using FgsActors.Cli.Reporting;
using FgsActors.Cli.Tests.Support;

namespace FgsActors.Cli.Tests.Run;

/// <summary>
/// A fleet run writes online.csv (the aggregator's count of available devices at each change) and draws it as
/// online_devices.png, which report.html embeds; <c>fgs report</c> draws it again from online.csv alone.
/// </summary>
public sealed class OnlineDevicesAreWrittenAndPlotted
{
    [Fact]
    public void A_run_writes_online_csv_and_its_plot_and_the_report_shows_it()
    {
        using var temp = new TempDir();
        var dir = temp.At("run");
        Fgs.RunOk("run", Repo.Quickstart, "--out", dir, "--quiet", "--set", "fgs.fleet.devices=100", "--set", "fgs.run.end=30m");

        var lines = File.ReadAllLines(Path.Combine(dir, FleetOutputs.OnlineFile));
        Assert.Equal("time_s,online_devices", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).Select(f => (T: double.Parse(f[0], CultureInfo.InvariantCulture), N: int.Parse(f[1], CultureInfo.InvariantCulture))).ToList();
        Assert.Equal((0.0, 0), rows[0]);
        Assert.True(rows.Count > 2, $"only {rows.Count} rows");
        for (var i = 1; i < rows.Count; i++)
        {
            Assert.True(rows[i].T > rows[i - 1].T, $"row {i + 1}: time does not increase");
            Assert.NotEqual(rows[i - 1].N, rows[i].N); // a row is a change
        }
        Assert.All(rows, r => Assert.InRange(r.N, 0, 100));
        Assert.InRange(rows[^1].T, 0, 1800);

        var png = Path.Combine(dir, RunPlots.OnlineDevices);
        Assert.True(new FileInfo(png).Length > 1000);
        var html = File.ReadAllText(Path.Combine(dir, RunReport.FileName));
        Assert.Contains($"id=\"{RunReport.PlotAnchor(RunPlots.OnlineDevices)}\"", html, StringComparison.Ordinal);
        Assert.Contains($"<code>{RunPlots.OnlineDevices}</code>", html, StringComparison.Ordinal);

        File.Delete(png);
        Fgs.RunOk("report", dir);
        Assert.True(new FileInfo(png).Length > 1000, "fgs report did not draw the online plot again");
    }
}
