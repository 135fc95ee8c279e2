using ScottPlot;

namespace FgsActors.Cli.Reporting;

/// <summary>The devices the aggregator counts as available over virtual time (online.csv).</summary>
public static partial class RunPlots
{
    public const string OnlineDevices = "online_devices.png";

    /// <summary>
    /// A step plot of online.csv: each count holds from its row's time to the next row's, the last one to the end of the
    /// run (its stop, for a run stopped early). The fleet's size (summary.json <c>devices</c>) is the dashed line, so
    /// the share online reads off directly; the legend gives the time-weighted mean, the maximum and the last count.
    /// </summary>
    private static void PlotOnlineDevices(RunData run, string path)
    {
        var rows = run.Online;
        var endS = Math.Max(run.StoppedAtS ?? run.EndS, rows[^1].TimeS);
        var time = Unit.Time(endS);
        var (xs, ys) = Steps(rows, endS);
        var plot = PlotStyle.New($"Devices online as the aggregator sees them ({run.Name})",
            $"Virtual time ({time.Symbol})", "Devices reported available");
        // The fleet line goes in first, so that a count at the fleet's size is drawn over it, not hidden under its dashes.
        var max = rows.Max(r => r.Devices);
        var top = (double)max;
        if (run.FleetDevices is { } fleet)
        {
            var line = plot.Add.HorizontalLine(fleet, 1.5f, Colors.Gray, LinePattern.Dashed);
            line.LegendText = $"fleet: {fleet:#,0} devices";
            top = Math.Max(top, fleet);
        }
        // No minimum: the first reports of a fleet arrive over a fraction of a second (each radio's latency), and the
        // counts on the way up would pass for one.
        AddLine(plot, xs.Select(time.Of).ToArray(), ys, PlotStyle.Colour(0),
            $"reported available: mean {PlotStyle.Number(TimeWeightedMean(rows, endS))} (time-weighted), max {max:#,0}, at the end {rows[^1].Devices:#,0}", 2);
        plot.Axes.SetLimitsX(0, Positive(time.Of(endS)));
        // Head-room for the legend above the fleet line.
        plot.Axes.SetLimitsY(0, Math.Max(top, 1) * 1.2);
        plot.Axes.Left.TickGenerator = PlotStyle.IntegerTicks();
        PlotStyle.ShowLegend(plot, Alignment.UpperRight);
        plot.SavePng(path, PlotStyle.Width, PlotStyle.Height);
    }

    /// <summary>The corners of the step function: each count from its time to the next row's time (or <paramref name="endS"/>).</summary>
    internal static (double[] X, double[] Y) Steps(IReadOnlyList<OnlineRow> rows, double endS)
    {
        var x = new List<double>(2 * rows.Count);
        var y = new List<double>(2 * rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var until = i + 1 < rows.Count ? rows[i + 1].TimeS : Math.Max(endS, rows[i].TimeS);
            x.Add(rows[i].TimeS);
            y.Add(rows[i].Devices);
            x.Add(until);
            y.Add(rows[i].Devices);
        }
        return ([.. x], [.. y]);
    }

    /// <summary>The count averaged over time from the first row to <paramref name="endS"/>; the first count when that span is empty.</summary>
    internal static double TimeWeightedMean(IReadOnlyList<OnlineRow> rows, double endS)
    {
        double area = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var until = i + 1 < rows.Count ? rows[i + 1].TimeS : Math.Max(endS, rows[i].TimeS);
            area += rows[i].Devices * (until - rows[i].TimeS);
        }
        var span = Math.Max(endS, rows[^1].TimeS) - rows[0].TimeS;
        return span > 0 ? area / span : rows[0].Devices;
    }
}
