using System.Globalization;
using ScottPlot;

namespace FgsActors.Cli.Reporting;

/// <summary>A unit for an axis: values are divided by <see cref="Factor"/> and labelled with <see cref="Symbol"/>.</summary>
internal readonly record struct Unit(double Factor, string Symbol)
{
    public double Of(double value) => value / Factor;

    /// <summary>"12.3 kJ": three significant figures in this unit.</summary>
    public string Format(double value) => $"{PlotStyle.Number(Of(value))} {Symbol}";

    /// <summary>Seconds, minutes or hours, whichever keeps the axis of a run of <paramref name="maxS"/> readable.</summary>
    public static Unit Time(double maxS) =>
        maxS <= 900 ? new Unit(1, "s") : maxS <= 3 * 3600 ? new Unit(60, "min") : new Unit(3600, "h");

    /// <summary>J, kJ, MJ or GJ by the largest value.</summary>
    public static Unit Energy(double maxJ) => Scaled(maxJ, "J");

    /// <summary>B, kB, MB or GB (decimal: 1 MB = 10^6 B) by the largest value.</summary>
    public static Unit Bytes(double maxB) => Scaled(maxB, "B");

    private static Unit Scaled(double max, string symbol)
    {
        var m = Math.Abs(max);
        return m >= 1e9 ? new Unit(1e9, "G" + symbol)
            : m >= 1e6 ? new Unit(1e6, "M" + symbol)
            : m >= 1e3 ? new Unit(1e3, "k" + symbol)
            : new Unit(1, symbol);
    }
}

/// <summary>Shared look of the run plots: image size, fonts, font sizes, colours.</summary>
internal static class PlotStyle
{
    public const int Width = 900;
    public const int Height = 500;
    public const float TitleSize = 18;
    public const float LabelSize = 15;
    public const float TickSize = 13;
    public const float LegendSize = 13;

    private static readonly Lazy<string?> SansFont = new(FindSansFont);

    private static readonly Lazy<bool> AnyFont = new(() =>
    {
        try
        {
            return SkiaSharp.SKFontManager.Default.FontFamilies.Any();
        }
        catch (Exception e) when (e is TypeInitializationException or DllNotFoundException or InvalidOperationException)
        {
            return false;
        }
    });

    /// <summary>Whether the renderer finds any font at all; without one, plots are drawn without text.</summary>
    public static bool HasFonts => AnyFont.Value;

    // Category10, the matplotlib default cycle: distinct and readable in print.
    private static readonly Color[] Palette = new ScottPlot.Palettes.Category10().Colors;

    public static Color Colour(int index) => Palette[index % Palette.Length];

    public static Color Compute => Colour(0);
    public static Color Comm => Colour(1);
    public static Color Idle => Colour(7);
    public static Color Up => Colour(0);
    public static Color Down => Colour(1);

    /// <summary>A plot with a title, axis labels and this report's fonts and sizes.</summary>
    public static Plot New(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        Apply(plot, title, xLabel, yLabel);
        return plot;
    }

    public static void Apply(Plot plot, string title, string xLabel, string yLabel, float titleSize = TitleSize)
    {
        if (SansFont.Value is { } font) plot.Font.Set(font);
        plot.Title(title, titleSize);
        plot.XLabel(xLabel, LabelSize);
        plot.YLabel(yLabel, LabelSize);
        plot.Axes.Bottom.TickLabelStyle.FontSize = TickSize;
        plot.Axes.Left.TickLabelStyle.FontSize = TickSize;
        plot.Legend.FontSize = LegendSize;
        if (SansFont.Value is { } legendFont) plot.Legend.FontName = legendFont;
    }

    public static void ShowLegend(Plot plot, Alignment where)
    {
        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = where;
    }

    /// <summary>Tick labels at the given positions (categories on a bar chart).</summary>
    public static void Categories(IAxis axis, IReadOnlyList<string> names)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < names.Count; i++) ticks.AddMajor(i, names[i]);
        axis.TickGenerator = ticks;
    }

    /// <summary>Automatic ticks on whole numbers only (counts, rounds, clients), labelled without decimals.</summary>
    public static ScottPlot.TickGenerators.NumericAutomatic IntegerTicks() => new()
    {
        IntegerTicksOnly = true,
        LabelFormatter = value => value.ToString("#,0", CultureInfo.InvariantCulture),
    };

    /// <summary>Three significant figures, invariant culture, thousands separated: 0.141, 46.1, 1,019, 8,137,736.</summary>
    public static string Number(double value)
    {
        var magnitude = Math.Abs(value);
        var format = magnitude == 0 || magnitude >= 100 ? "#,0" : magnitude >= 10 ? "0.0" : magnitude >= 1 ? "0.00" : "0.###";
        return value.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A sans-serif family the renderer can find (DejaVu Sans, Debian's default, first); null leaves ScottPlot's own
    /// choice. SkiaSharp's Linux assets here read fonts from /usr/share/fonts without fontconfig.
    /// </summary>
    private static string? FindSansFont()
    {
        string[] preferred = ["DejaVu Sans", "Liberation Sans", "Noto Sans", "Open Sans", "Arial", "Helvetica"];
        try
        {
            var families = SkiaSharp.SKFontManager.Default.FontFamilies.ToHashSet(StringComparer.OrdinalIgnoreCase);
            return preferred.FirstOrDefault(families.Contains);
        }
        catch (Exception e) when (e is TypeInitializationException or DllNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }
}
