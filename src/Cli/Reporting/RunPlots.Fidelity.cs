using ScottPlot;

namespace FgsActors.Cli.Reporting;

/// <summary>The generator's fidelity plots (runs that train a generator: rounds.csv has the fid columns).</summary>
public static partial class RunPlots
{
    public const string FidVsTime = "fid_vs_time.png";
    public const string FidVsRound = "fid_vs_round.png";
    public const string CostToFid = "bytes_vs_fid.png";

    // FID is unbounded above and falls as the generator improves: the y axis starts at 0 and the legend says lower is better.
    private static void PlotFidVsTime(RunData run, List<RoundRow> evaluated, string path)
    {
        var lastS = Math.Max(run.Rounds.Max(r => TimeOf(run, r)), evaluated.Max(r => TimeOf(run, r)));
        var time = Unit.Time(lastS);
        var plot = PlotStyle.New($"Generator FID over virtual time ({run.Name})", $"Virtual time ({time.Symbol})", "FID (lower is better)");
        AddFidLines(plot, evaluated, r => time.Of(TimeOf(run, r)));
        plot.Axes.SetLimitsX(0, Positive(time.Of(lastS) * 1.02));
        plot.Axes.SetLimitsY(0, Positive(MaxFid(evaluated) * 1.08));
        PlotStyle.ShowLegend(plot, Alignment.UpperRight);
        plot.SavePng(path, PlotStyle.Width, PlotStyle.Height);
    }

    private static void PlotFidVsRound(RunData run, List<RoundRow> evaluated, string path)
    {
        var plot = PlotStyle.New($"Generator FID per round ({run.Name})", "Round (index from 0)", "FID (lower is better)");
        AddFidLines(plot, evaluated, r => r.Round);
        var lastRound = run.Rounds.Max(r => r.Round);
        plot.Axes.SetLimitsX(-0.5, Math.Max(lastRound, 1) + 0.5);
        plot.Axes.Bottom.TickGenerator = PlotStyle.IntegerTicks();
        plot.Axes.SetLimitsY(0, Positive(MaxFid(evaluated) * 1.08));
        PlotStyle.ShowLegend(plot, Alignment.UpperRight);
        plot.SavePng(path, PlotStyle.Width, PlotStyle.Height);
    }

    /// <summary>FID against the bytes moved so far: the communication each unit of FID improvement cost.</summary>
    private static void PlotCostToFid(RunData run, string path)
    {
        var points = new List<(double Bytes, double Fid)>();
        double cumulative = 0;
        foreach (var round in run.Rounds)
        {
            cumulative += round.BytesUp + round.BytesDown;
            if (round.Fid is { } fid) points.Add((cumulative, fid));
        }
        var unit = Unit.Bytes(points.Max(p => p.Bytes));
        var plot = PlotStyle.New($"Communication cost to fidelity ({run.Name})",
            $"Cumulative bytes up + down at the evaluation ({unit.Symbol})", "FID (lower is better)");
        var line = plot.Add.ScatterLine(points.Select(p => unit.Of(p.Bytes)).ToArray(), points.Select(p => p.Fid).ToArray(), PlotStyle.Colour(0));
        StyleAccuracyLine(line, points.Count);
        var gain = points[0].Fid - points[^1].Fid;
        var bytes = points[^1].Bytes;
        line.LegendText = gain > 0
            ? $"FID {points[0].Fid:0.#} → {points[^1].Fid:0.#} after {unit.Format(bytes)} ({Unit.Bytes(bytes / gain).Format(bytes / gain)} per FID point)"
            : $"FID {points[0].Fid:0.#} → {points[^1].Fid:0.#} after {unit.Format(bytes)}";
        plot.Axes.SetLimitsX(0, Positive(unit.Of(bytes) * 1.03));
        plot.Axes.SetLimitsY(0, Positive(points.Max(p => p.Fid) * 1.08));
        PlotStyle.ShowLegend(plot, Alignment.UpperRight);
        plot.SavePng(path, PlotStyle.Width, PlotStyle.Height);
    }

    private static void AddFidLines(Plot plot, List<RoundRow> evaluated, Func<RoundRow, double> x)
    {
        var global = plot.Add.ScatterLine(evaluated.Select(x).ToArray(), evaluated.Select(r => r.Fid!.Value).ToArray(), PlotStyle.Colour(0));
        StyleAccuracyLine(global, evaluated.Count);
        global.LegendText = $"FID vs the test set (final {evaluated[^1].Fid:0.#}, best {evaluated.Min(r => r.Fid!.Value):0.#})";
        var local = evaluated.Where(r => r.LocalFidMean is not null).ToList();
        if (local.Count == 0) return;
        var mean = plot.Add.ScatterLine(local.Select(x).ToArray(), local.Select(r => r.LocalFidMean!.Value).ToArray(), PlotStyle.Colour(1));
        StyleAccuracyLine(mean, local.Count);
        mean.LegendText = "local FID, mean over measured devices";
        var max = plot.Add.ScatterLine(local.Select(x).ToArray(), local.Select(r => r.LocalFidMax ?? r.LocalFidMean!.Value).ToArray(), PlotStyle.Colour(2));
        max.LineWidth = 1.5f;
        max.LinePattern = LinePattern.Dashed;
        max.MarkerSize = 0;
        max.LegendText = "local FID, worst device";
    }

    private static double MaxFid(List<RoundRow> evaluated) =>
        evaluated.Max(r => Math.Max(r.Fid!.Value, r.LocalFidMax ?? r.LocalFidMean ?? 0));
}
