using ScottPlot;

namespace FgsActors.Cli.Reporting;

/// <summary>
/// PNG plots of a finished run, built only from the files in its directory (rounds.csv, devices.csv, online.csv,
/// summary.json, partition.csv), so a run can be plotted again at any time. docs/results.md describes each plot.
/// </summary>
public static partial class RunPlots
{
    /// <summary>File names of every plot <see cref="WriteAll"/> can write, in the order it writes them.</summary>
    public static IReadOnlyList<string> AllFileNames { get; } =
    [
        AccuracyVsTime, AccuracyVsRound, CostToAccuracy, EnergyByTier, EnergyCumulative, BytesCumulative,
        DropoutsPerRound, OnlineDevices, BatteryEnd, PartitionClasses, FidVsTime, FidVsRound, CostToFid,
    ];

    public const string AccuracyVsTime = "accuracy_vs_time.png";
    public const string AccuracyVsRound = "accuracy_vs_round.png";
    public const string CostToAccuracy = "bytes_vs_accuracy.png";
    public const string EnergyByTier = "energy_by_tier.png";
    public const string EnergyCumulative = "energy_cumulative.png";
    public const string BytesCumulative = "bytes_cumulative.png";
    public const string DropoutsPerRound = "dropouts_per_round.png";
    public const string BatteryEnd = "battery_end.png";
    public const string PartitionClasses = "partition_classes.png";

    /// <summary>
    /// A warning for the user when the renderer finds no font (the plots would have no text), else null. Debian:
    /// <c>apt-get install fonts-dejavu-core</c> (scripts/setup.sh does it when run as root).
    /// </summary>
    public static string? FontWarning => PlotStyle.HasFonts
        ? null
        : "warning: no fonts found under /usr/share/fonts, so the plots have no text; as root: apt-get install fonts-dejavu-core";

    /// <summary>At most this many clients are drawn in the partition heatmap (the first ones by id).</summary>
    public const int MaxPartitionClients = 100;

    /// <summary>
    /// Reads the run in <paramref name="runDirectory"/> and writes every plot its files allow into
    /// <paramref name="outputDirectory"/> (default: the run directory itself), replacing older ones. Plots whose data
    /// are missing are skipped: accuracy plots without evaluated rounds, the online plot without online.csv, the battery
    /// plot without battery devices, the heatmap without partition.csv, and everything for a run without rounds.csv and devices.csv (e.g. PHOLD).
    /// </summary>
    /// <returns>Full paths of the files written, in the order of <see cref="AllFileNames"/>.</returns>
    /// <exception cref="DirectoryNotFoundException">The run directory does not exist.</exception>
    /// <exception cref="InvalidDataException">A run file is malformed (the message names the file, line and column).</exception>
    public static IReadOnlyList<string> WriteAll(string runDirectory, string? outputDirectory = null)
    {
        var run = RunData.Load(runDirectory);
        var target = outputDirectory ?? runDirectory;
        Directory.CreateDirectory(target);

        var written = new List<string>();
        void Save(string name, Action<string> render)
        {
            var path = Path.Combine(target, name);
            render(path);
            written.Add(path);
        }

        var evaluated = run.Rounds.Where(r => r.TestAccuracy is not null).ToList();
        if (evaluated.Count > 0)
        {
            Save(AccuracyVsTime, path => PlotAccuracyVsTime(run, evaluated, path));
            Save(AccuracyVsRound, path => PlotAccuracyVsRound(run, evaluated, path));
            Save(CostToAccuracy, path => PlotCostToAccuracy(run, path));
        }

        if (run.Devices.Count > 0) Save(EnergyByTier, path => PlotEnergyByTier(run, path));
        if (run.Rounds.Count > 0)
        {
            Save(EnergyCumulative, path => PlotEnergyCumulative(run, path));
            Save(BytesCumulative, path => PlotBytesCumulative(run, path));
            Save(DropoutsPerRound, path => PlotDropouts(run, path));
        }

        if (run.Online.Count > 0) Save(OnlineDevices, path => PlotOnlineDevices(run, path));

        if (run.Devices.Any(d => d.BatteryEndWh is not null)) Save(BatteryEnd, path => PlotBatteryEnd(run, path));
        if (run.Partition.Count > 0) Save(PartitionClasses, path => PlotPartition(run, path));
        var withFid = run.Rounds.Where(r => r.Fid is not null).ToList();
        if (withFid.Count > 0)
        {
            Save(FidVsTime, path => PlotFidVsTime(run, withFid, path));
            Save(FidVsRound, path => PlotFidVsRound(run, withFid, path));
            Save(CostToFid, path => PlotCostToFid(run, path));
        }
        return written;
    }

    // ---- accuracy -------------------------------------------------------------------------------------------------

    private static void PlotAccuracyVsTime(RunData run, List<RoundRow> evaluated, string path)
    {
        var points = evaluated.Select(r => (T: TimeOf(run, r), Acc: r.TestAccuracy!.Value * 100)).ToList();
        // To the last round, not to the end of the run: a run stopped by max-rounds idles on to its end time.
        var lastS = Math.Max(run.Rounds.Max(r => TimeOf(run, r)), points.Max(p => p.T));
        var time = Unit.Time(lastS);
        var plot = PlotStyle.New($"{run.AccuracyName} over virtual time ({run.Name})", $"Virtual time ({time.Symbol})", $"{run.AccuracyName} (%)");
        var line = plot.Add.ScatterLine(points.Select(p => time.Of(p.T)).ToArray(), points.Select(p => p.Acc).ToArray(), PlotStyle.Colour(0));
        StyleAccuracyLine(line, points.Count);
        line.LegendText = $"{run.AccuracyName.ToLowerInvariant()} (final {points[^1].Acc:0.0} %, best {points.Max(p => p.Acc):0.0} %)";
        AddTarget(plot, run);
        plot.Axes.SetLimitsX(0, Positive(time.Of(lastS) * 1.02));
        plot.Axes.SetLimitsY(0, 100);
        PlotStyle.ShowLegend(plot, Alignment.LowerRight);
        plot.SavePng(path, PlotStyle.Width, PlotStyle.Height);
    }

    private static void PlotAccuracyVsRound(RunData run, List<RoundRow> evaluated, string path)
    {
        var plot = PlotStyle.New($"{run.AccuracyName} per round ({run.Name})", "Round (index from 0)", $"{run.AccuracyName} (%)");
        var rounds = evaluated.Select(r => (double)r.Round).ToArray();
        var accuracy = evaluated.Select(r => r.TestAccuracy!.Value * 100).ToArray();
        var line = plot.Add.ScatterLine(rounds, accuracy, PlotStyle.Colour(0));
        StyleAccuracyLine(line, rounds.Length);
        line.LegendText = $"{run.AccuracyName.ToLowerInvariant()} ({evaluated.Count} evaluations)";
        AddTarget(plot, run);
        var lastRound = run.Rounds.Count > 0 ? run.Rounds.Max(r => r.Round) : rounds[^1];
        plot.Axes.SetLimitsX(-0.5, Math.Max(lastRound, 1) + 0.5);
        plot.Axes.Bottom.TickGenerator = PlotStyle.IntegerTicks();
        plot.Axes.SetLimitsY(0, 100);
        PlotStyle.ShowLegend(plot, Alignment.LowerRight);
        plot.SavePng(path, PlotStyle.Width, PlotStyle.Height);
    }

    /// <summary>Test accuracy against the bytes moved so far (up + down, all rounds up to the evaluated one).</summary>
    private static void PlotCostToAccuracy(RunData run, string path)
    {
        var points = new List<(double Bytes, double Acc)>();
        double cumulative = 0;
        foreach (var round in run.Rounds)
        {
            cumulative += round.BytesUp + round.BytesDown;
            if (round.TestAccuracy is { } accuracy) points.Add((cumulative, accuracy * 100));
        }

        var unit = Unit.Bytes(points.Max(p => p.Bytes));
        var plot = PlotStyle.New($"Communication cost to accuracy ({run.Name})",
            $"Cumulative bytes up + down at the evaluation ({unit.Symbol})", $"{run.AccuracyName} (%)");
        var line = plot.Add.ScatterLine(points.Select(p => unit.Of(p.Bytes)).ToArray(), points.Select(p => p.Acc).ToArray(), PlotStyle.Colour(0));
        StyleAccuracyLine(line, points.Count);
        var (finalBytes, finalAcc) = points[^1];
        line.LegendText = finalAcc > 0
            ? $"final {finalAcc:0.0} % after {unit.Format(finalBytes)} ({Unit.Bytes(finalBytes / finalAcc).Format(finalBytes / finalAcc)} per accuracy point)"
            : $"final {finalAcc:0.0} % after {unit.Format(finalBytes)}";
        AddTarget(plot, run);
        plot.Axes.SetLimitsX(0, Positive(unit.Of(points.Max(p => p.Bytes)) * 1.03));
        plot.Axes.SetLimitsY(0, 100);
        PlotStyle.ShowLegend(plot, Alignment.LowerRight);
        plot.SavePng(path, PlotStyle.Width, PlotStyle.Height);
    }

    private static void StyleAccuracyLine(ScottPlot.Plottables.Scatter line, int count)
    {
        line.LineWidth = 2;
        line.MarkerSize = count <= 60 ? 6 : 0;
    }

    private static void AddTarget(Plot plot, RunData run)
    {
        if (run.TargetAccuracy is not { } target) return;
        var line = plot.Add.HorizontalLine(target * 100, 1.5f, Colors.Gray, LinePattern.Dashed);
        line.LegendText = $"target {target * 100:0.#} %";
    }

    // ---- energy ---------------------------------------------------------------------------------------------------

    /// <summary>
    /// Two panels from devices.csv: everything each tier drew (idle dominates), and the energy of the learning work
    /// alone (compute + communication), stacked by kind.
    /// </summary>
    private static void PlotEnergyByTier(RunData run, string path)
    {
        var tiers = run.Devices.GroupBy(d => d.Tier, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Tier: g.Key, Count: g.Count(), Compute: g.Sum(d => d.EnergyComputeJ), Comm: g.Sum(d => d.EnergyCommJ), Idle: g.Sum(d => d.EnergyIdleJ)))
            .ToList();
        var names = tiers.Select(t => $"{t.Tier}\n(n = {t.Count:#,0})").ToList();

        var all = new Plot();
        var allUnit = Unit.Energy(tiers.Max(t => t.Compute + t.Comm + t.Idle));
        PlotStyle.Apply(all, "All energy drawn, by tier", "", $"Energy ({allUnit.Symbol})", 16);
        StackedBars(all, allUnit, tiers.Select(t => new[] { t.Idle, t.Comm, t.Compute }).ToList(),
            [("idle", PlotStyle.Idle), ("communication", PlotStyle.Comm), ("compute", PlotStyle.Compute)]);
        PlotStyle.Categories(all.Axes.Bottom, names);

        var work = new Plot();
        var workUnit = Unit.Energy(Math.Max(tiers.Max(t => t.Compute + t.Comm), 1e-9));
        PlotStyle.Apply(work, "Learning work only (compute + communication)", "", $"Energy ({workUnit.Symbol})", 16);
        StackedBars(work, workUnit, tiers.Select(t => new[] { t.Comm, t.Compute }).ToList(),
            [("communication", PlotStyle.Comm), ("compute", PlotStyle.Compute)]);
        PlotStyle.Categories(work.Axes.Bottom, names);

        var figure = new Multiplot(all);
        figure.AddPlot(work);
        figure.Layout = new ScottPlot.MultiplotLayouts.Columns();
        figure.SavePng(path, 1200, PlotStyle.Height);
    }

    /// <summary>One stacked bar per category (x = 0, 1, …); the total is written above each bar.</summary>
    private static void StackedBars(Plot plot, Unit unit, List<double[]> values, (string Name, Color Colour)[] kinds)
    {
        var bars = new List<Bar>();
        double max = 0;
        for (var i = 0; i < values.Count; i++)
        {
            double bottom = 0;
            for (var k = 0; k < kinds.Length; k++)
            {
                var top = bottom + unit.Of(values[i][k]);
                bars.Add(new Bar
                {
                    Position = i,
                    ValueBase = bottom,
                    Value = top,
                    FillColor = kinds[k].Colour,
                    LineWidth = 0,
                    Size = 0.6,
                    Label = k == kinds.Length - 1 ? Unit.Energy(values[i].Sum()).Format(values[i].Sum()) : "",
                });
                bottom = top;
            }

            max = Math.Max(max, bottom);
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = PlotStyle.TickSize;
        foreach (var (name, colour) in kinds) plot.Legend.ManualItems.Add(new LegendItem { LabelText = name, FillColor = colour });
        PlotStyle.ShowLegend(plot, Alignment.UpperLeft);
        plot.Axes.SetLimitsY(0, max > 0 ? max * 1.25 : 1);
        plot.Axes.SetLimitsX(-0.6, values.Count - 0.4);
        plot.Axes.Bottom.TickLabelStyle.FontSize = PlotStyle.TickSize;
    }

    /// <summary>Cumulative energy of the rounds' participants (rounds.csv), by kind, at each round's close.</summary>
    private static void PlotEnergyCumulative(RunData run, string path)
    {
        var times = CumulativeTimes(run);
        var compute = Cumulative(run.Rounds.Select(r => r.EnergyComputeJ));
        var comm = Cumulative(run.Rounds.Select(r => r.EnergyCommJ));
        var idle = Cumulative(run.Rounds.Select(r => r.EnergyIdleJ));
        var total = compute.Zip(comm, idle).Select(x => x.First + x.Second + x.Third).ToArray();
        var time = Unit.Time(times.Max());
        var unit = Unit.Energy(Math.Max(total[^1], 1e-9));
        var plot = PlotStyle.New($"Cumulative energy of the rounds' participants ({run.Name})",
            $"Virtual time ({time.Symbol})", $"Energy ({unit.Symbol})");
        var x = times.Select(time.Of).ToArray();
        AddLine(plot, x, total.Select(unit.Of).ToArray(), Colors.Black, $"total ({Unit.Energy(total[^1]).Format(total[^1])})", 2.5f);
        AddLine(plot, x, comm.Select(unit.Of).ToArray(), PlotStyle.Comm, $"communication ({Unit.Energy(comm[^1]).Format(comm[^1])})");
        AddLine(plot, x, idle.Select(unit.Of).ToArray(), PlotStyle.Idle, $"idle while participating ({Unit.Energy(idle[^1]).Format(idle[^1])})");
        AddLine(plot, x, compute.Select(unit.Of).ToArray(), PlotStyle.Compute, $"compute ({Unit.Energy(compute[^1]).Format(compute[^1])})");
        plot.Axes.SetLimitsX(0, Positive(x.Max()));
        plot.Axes.SetLimitsY(0, Positive(unit.Of(total[^1]) * 1.08));
        PlotStyle.ShowLegend(plot, Alignment.UpperLeft);
        plot.SavePng(path, PlotStyle.Width, PlotStyle.Height);
    }

    // ---- communication ---------------------------------------------------------------------------------------------

    private static void PlotBytesCumulative(RunData run, string path)
    {
        var times = CumulativeTimes(run);
        var up = Cumulative(run.Rounds.Select(r => r.BytesUp));
        var down = Cumulative(run.Rounds.Select(r => r.BytesDown));
        var time = Unit.Time(times.Max());
        var unit = Unit.Bytes(Math.Max(Math.Max(up[^1], down[^1]), 1));
        var plot = PlotStyle.New($"Cumulative bytes of the rounds ({run.Name})", $"Virtual time ({time.Symbol})", $"Bytes ({unit.Symbol})");
        var x = times.Select(time.Of).ToArray();
        AddLine(plot, x, down.Select(unit.Of).ToArray(), PlotStyle.Down, $"down: model to devices ({unit.Format(down[^1])})", 2);
        AddLine(plot, x, up.Select(unit.Of).ToArray(), PlotStyle.Up, $"up: updates to the aggregator ({unit.Format(up[^1])})", 2, LinePattern.Dashed);
        plot.Axes.SetLimitsX(0, Positive(x.Max()));
        plot.Axes.SetLimitsY(0, Positive(unit.Of(Math.Max(up[^1], down[^1])) * 1.08));
        PlotStyle.ShowLegend(plot, Alignment.UpperLeft);
        plot.SavePng(path, PlotStyle.Width, PlotStyle.Height);
    }

    // ---- dropouts --------------------------------------------------------------------------------------------------

    private static void PlotDropouts(RunData run, string path)
    {
        (string Name, Func<RoundRow, int> Count, Color Colour)[] reasons =
        [
            ("churn (offline)", r => r.DroppedChurn, PlotStyle.Colour(0)),
            ("battery (empty)", r => r.DroppedBattery, PlotStyle.Colour(3)),
            ("deadline (cancelled)", r => r.DroppedDeadline, PlotStyle.Colour(1)),
            ("memory (did not fit)", r => r.DroppedMemory, PlotStyle.Colour(4)),
            ("link (transfer failed)", r => r.DroppedLink, PlotStyle.Colour(2)),
        ];
        var total = run.Rounds.Sum(r => reasons.Sum(x => x.Count(r)));
        var selected = run.Rounds.Sum(r => r.Selected);
        var plot = PlotStyle.New($"Dropouts per round by reason ({run.Name})", "Round (index from 0)", "Dropped invitations");
        var bars = new List<Bar>();
        var width = run.Rounds.Count > 150 ? 1.0 : 0.8;
        double max = 0;
        foreach (var round in run.Rounds)
        {
            double bottom = 0;
            foreach (var (_, count, colour) in reasons)
            {
                var n = count(round);
                if (n == 0) continue;
                bars.Add(new Bar { Position = round.Round, ValueBase = bottom, Value = bottom + n, FillColor = colour, LineWidth = 0, Size = width });
                bottom += n;
            }

            max = Math.Max(max, bottom);
        }

        if (bars.Count > 0) plot.Add.Bars(bars);
        foreach (var (name, count, colour) in reasons)
        {
            var sum = run.Rounds.Sum(count);
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"{name}: {sum:#,0}", FillColor = colour });
        }

        plot.Legend.ManualItems.Add(new LegendItem
        {
            LabelText = $"total {total:#,0} of {selected:#,0} invitations ({(selected > 0 ? 100.0 * total / selected : 0):0.0} %)",
            FillColor = Colors.Transparent,
        });
        PlotStyle.ShowLegend(plot, Alignment.UpperRight);
        var first = run.Rounds.Min(r => r.Round);
        var last = run.Rounds.Max(r => r.Round);
        plot.Axes.SetLimitsX(first - 0.6, last + 0.6);
        // Head-room for the legend, which sits over the top right.
        plot.Axes.SetLimitsY(0, Math.Max(max, 1) * 1.6);
        plot.Axes.Bottom.TickGenerator = PlotStyle.IntegerTicks();
        plot.Axes.Left.TickGenerator = PlotStyle.IntegerTicks();
        plot.SavePng(path, PlotStyle.Width, PlotStyle.Height);
    }

    // ---- battery ---------------------------------------------------------------------------------------------------

    /// <summary>Histogram of the battery left at the end, one panel per tier that has batteries.</summary>
    private static void PlotBatteryEnd(RunData run, string path)
    {
        var tiers = run.Devices.Where(d => d.BatteryEndWh is not null)
            .GroupBy(d => d.Tier, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        var panels = new List<Plot>();
        var index = 0;
        foreach (var tier in tiers)
        {
            var levels = tier.Select(d => d.BatteryEndWh!.Value).ToArray();
            var empty = levels.Count(v => v <= 0);
            var plot = new Plot();
            var devices = levels.Length == 1 ? "1 device" : $"{levels.Length:#,0} devices";
            PlotStyle.Apply(plot, $"{tier.Key}: {devices}, {empty:#,0} empty", "Battery left at the end (Wh)", "Devices", 14);
            plot.Axes.Left.TickGenerator = PlotStyle.IntegerTicks();
            Histogram(plot, levels, PlotStyle.Colour(index++));
            panels.Add(plot);
        }

        var figure = new Multiplot(panels[0]);
        foreach (var panel in panels.Skip(1)) figure.AddPlot(panel);

        figure.Layout = new ScottPlot.MultiplotLayouts.Columns();
        var width = Math.Max(PlotStyle.Width, 450 * tiers.Count);
        figure.SavePng(path, width, PlotStyle.Height);
    }

    private static void Histogram(Plot plot, double[] values, Color colour)
    {
        const int bins = 20;
        var max = values.Max();
        var min = Math.Min(0, values.Min());
        var span = max - min;
        if (span <= 0) span = Math.Max(Math.Abs(max), 1) * 0.1;
        var binWidth = span / bins;
        var counts = new int[bins];
        foreach (var v in values) counts[Math.Clamp((int)((v - min) / binWidth), 0, bins - 1)]++;
        var bars = Enumerable.Range(0, bins).Select(i => new Bar
        {
            Position = min + (i + 0.5) * binWidth,
            Value = counts[i],
            Size = binWidth * 0.95,
            FillColor = colour,
            LineWidth = 0,
        }).ToList();
        plot.Add.Bars(bars);
        plot.Axes.SetLimitsX(min, min + bins * binWidth);
        plot.Axes.SetLimitsY(0, Math.Max(counts.Max(), 1) * 1.1);
    }

    // ---- partition -------------------------------------------------------------------------------------------------

    /// <summary>
    /// Heatmap of each client's share of samples per class (clients across, classes down; fixed 0–100 % colour scale,
    /// so an IID split looks uniform), over a bar chart of each client's sample count.
    /// </summary>
    private static void PlotPartition(RunData run, string path)
    {
        var rows = run.Partition.Take(MaxPartitionClients).ToList();
        var clients = rows.Count;
        var classes = rows.Max(r => r.Length);
        var share = new double[classes, clients];
        for (var c = 0; c < clients; c++)
        {
            var total = rows[c].Sum(v => (double)v);
            for (var k = 0; k < classes; k++) share[k, c] = k < rows[c].Length && total > 0 ? 100.0 * rows[c][k] / total : double.NaN;
        }

        var shown = clients < run.Partition.Count ? $"clients 0–{clients - 1} of {run.Partition.Count:#,0}" : $"{clients:#,0} clients";
        var heat = new Plot();
        PlotStyle.Apply(heat, $"Class distribution per client ({run.Name}, {shown})", "", "Class", 16);
        var map = heat.Add.Heatmap(share);
        map.Colormap = new ScottPlot.Colormaps.Viridis();
        map.ManualRange = new ScottPlot.Range(0, 100);
        // Row 0 of the intensities is drawn at the top: cell (k, c) is centred on x = c, y = classes − 1 − k.
        map.Extent = new CoordinateRect(-0.5, clients - 0.5, -0.5, classes - 0.5);
        var bar = heat.Add.ColorBar(map);
        bar.Label = "% of the client's samples";
        bar.LabelStyle.FontSize = PlotStyle.TickSize;
        heat.Axes.SetLimits(-0.5, clients - 0.5, -0.5, classes - 0.5);
        var classTicks = new ScottPlot.TickGenerators.NumericManual();
        for (var k = 0; k < classes; k++) classTicks.AddMajor(classes - 1 - k, k.ToString(System.Globalization.CultureInfo.InvariantCulture));
        heat.Axes.Left.TickGenerator = classTicks;
        heat.Axes.Bottom.TickGenerator = PlotStyle.IntegerTicks();

        var sizes = new Plot();
        PlotStyle.Apply(sizes, "", "Client", "Samples", 16);
        var counts = rows.Select(r => (double)r.Sum()).ToArray();
        sizes.Add.Bars(counts.Select((n, c) => new Bar
        {
            Position = c,
            Value = n,
            Size = 0.8,
            FillColor = PlotStyle.Colour(0),
            LineWidth = 0,
        }).ToList());
        sizes.Axes.SetLimitsX(-0.5, clients - 0.5);
        sizes.Axes.Bottom.TickGenerator = PlotStyle.IntegerTicks();
        sizes.Axes.Left.TickGenerator = PlotStyle.IntegerTicks();
        sizes.Axes.SetLimitsY(0, Math.Max(counts.Max(), 1) * 1.1);
        // Same left and right margins (the colour bar sits in the right one), so that both x axes line up.
        heat.Layout.Fixed(new PixelPadding(70, 120, 30, 40));
        sizes.Layout.Fixed(new PixelPadding(70, 120, 50, 10));

        var figure = new Multiplot(heat);
        figure.AddPlot(sizes);
        var layout = new ScottPlot.MultiplotLayouts.CustomGrid();
        layout.Set(heat, new GridCell(0, 0, 3, 1, 2, 1));
        layout.Set(sizes, new GridCell(2, 0, 3, 1, 1, 1));
        figure.Layout = layout;
        figure.SharedAxes.ShareX([heat, sizes]);
        figure.SavePng(path, PlotStyle.Width, 600);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private static void AddLine(Plot plot, double[] x, double[] y, Color colour, string legend, float width = 2, LinePattern? pattern = null)
    {
        var line = plot.Add.ScatterLine(x, y, colour);
        line.LineWidth = width;
        line.MarkerSize = 0;
        line.LegendText = legend;
        if (pattern is { } p) line.LinePattern = p;
    }

    /// <summary>
    /// x for the cumulative curves: 0, then each round's close; an open round (no end_s) counts at the end of the run.
    /// </summary>
    private static double[] CumulativeTimes(RunData run) =>
        [0, .. run.Rounds.Select(r => TimeOf(run, r))];

    /// <summary>Running sums, starting with 0 (matching <see cref="CumulativeTimes"/>).</summary>
    private static double[] Cumulative(IEnumerable<double> values)
    {
        var sums = new List<double> { 0 };
        foreach (var v in values) sums.Add(sums[^1] + v);
        return [.. sums];
    }

    /// <summary>An axis end that is not 0 (a run whose rounds all lie at t = 0 still gets an axis).</summary>
    private static double Positive(double value) => value > 0 ? value : 1;

    private static double TimeOf(RunData run, RoundRow round) => round.EndS ?? Math.Max(run.EndS, round.StartS);
}
