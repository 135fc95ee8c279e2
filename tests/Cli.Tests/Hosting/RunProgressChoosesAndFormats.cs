using FgsActors.Actors.Kernel;
using FgsActors.Cli.Hosting;
using FgsActors.Simulation.Time;
using Spectre.Console;

namespace FgsActors.Cli.Tests.Hosting;

/// <summary>
/// <c>fgs run</c>'s progress: none when quiet, plain lines whenever the output is not an interactive console (redirected,
/// CI, a dumb terminal, or a writer that is not the console), a live display otherwise; and the figures both show.
/// </summary>
public sealed class RunProgressChoosesAndFormats
{
    private static readonly ProgressTerminal Interactive = new(OutputRedirected: false, ErrorRedirected: false, InCi: false);
    private static readonly long Hour = VirtualTime.FromSeconds(3_600);

    [Fact]
    public void Quiet_means_no_progress_whatever_the_terminal()
    {
        Assert.Equal(ProgressKind.None, RunProgress.Choose(quiet: true, writerIsConsole: true, Interactive));
        Assert.Equal(ProgressKind.None, RunProgress.Choose(quiet: true, writerIsConsole: false, Interactive with { OutputRedirected = true }));
        using var progress = RunProgress.Create(new StringWriter(), quiet: true, Hour, terminal: Interactive);
        Assert.Equal(ProgressKind.None, progress.Kind);
    }

    [Fact]
    public void Live_only_on_an_interactive_console()
    {
        Assert.Equal(ProgressKind.Live, RunProgress.Choose(false, true, Interactive));
        Assert.Equal(ProgressKind.Plain, RunProgress.Choose(false, true, Interactive with { OutputRedirected = true }));
        Assert.Equal(ProgressKind.Plain, RunProgress.Choose(false, true, Interactive with { ErrorRedirected = true }));
        Assert.Equal(ProgressKind.Plain, RunProgress.Choose(false, true, Interactive with { InCi = true }));
        Assert.Equal(ProgressKind.Plain, RunProgress.Choose(false, true, Interactive with { DumbTerminal = true }));
        Assert.Equal(ProgressKind.Plain, RunProgress.Choose(false, writerIsConsole: false, Interactive));
    }

    [Fact]
    public void Create_gives_plain_lines_on_a_redirected_or_captured_stream()
    {
        using var captured = RunProgress.Create(new StringWriter(), quiet: false, Hour, terminal: Interactive);
        Assert.IsType<PlainRunProgress>(captured);
        using var redirected = RunProgress.Create(new StringWriter(), quiet: false, Hour, terminal: Interactive with { OutputRedirected = true });
        Assert.Equal(ProgressKind.Plain, redirected.Kind);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData("true", true)]
    [InlineData("1", true)]
    public void Ci_is_read_from_the_environment(string? ci, bool expected)
    {
        Assert.Equal(expected, ProgressTerminal.IsCi(name => name == "CI" ? ci : null));
        Assert.True(ProgressTerminal.IsCi(name => name == "GITHUB_ACTIONS" ? "true" : null));
    }

    [Fact]
    public void Fraction_of_the_horizon_is_clamped()
    {
        Assert.Equal(0.25, ProgressFormat.Fraction(Hour / 4, Hour));
        Assert.Equal(0, ProgressFormat.Fraction(0, Hour));
        Assert.Equal(1, ProgressFormat.Fraction(VirtualTime.Infinity, Hour)); // nothing left to do
        Assert.Equal(1, ProgressFormat.Fraction(5, 0));
    }

    [Fact]
    public void Eta_extrapolates_the_pace_so_far()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), ProgressFormat.Eta(0.25, 10));
        Assert.Equal(TimeSpan.FromSeconds(10), ProgressFormat.Eta(0.5, 10));
        Assert.Null(ProgressFormat.Eta(0, 10));
        Assert.Null(ProgressFormat.Eta(1, 10));
        Assert.Null(ProgressFormat.Eta(0.5, 0));
        Assert.Null(ProgressFormat.Eta(double.NaN, 10));
        Assert.Null(ProgressFormat.Eta(1e-300, 10)); // beyond what a TimeSpan holds
    }

    [Fact]
    public void A_resumed_runs_eta_and_rate_count_only_the_work_since_its_checkpoint()
    {
        // Resumed at 50 % of the horizon after 100,000 events; 10 s later at 75 % with 123,456 events: a quarter of the
        // horizon took 10 s, so the last quarter needs 10 s more (not 10 × 0.25 / 0.75 = 3.3 s), at 2,346 events/s.
        Assert.Equal(TimeSpan.FromSeconds(10), ProgressFormat.Eta(0.75, 10, startFraction: 0.5));
        Assert.Null(ProgressFormat.Eta(0.5, 10, startFraction: 0.5));
        var progress = new KernelProgress(Windows: 90, NextEventTime: Hour * 3 / 4, Events: 123_456, WallSeconds: 10);
        Assert.Equal("  t=2700.0s (75%)  events=123,456  windows=90  2,346 events/s  ETA 10s",
            ProgressFormat.PlainLine(progress, Hour, null, new ProgressBaseline(Hour / 2, 100_000)));
        var rows = ProgressFormat.LiveRows(progress, Hour, null, 10, baseline: new ProgressBaseline(Hour / 2, 100_000));
        Assert.Contains(("events", "123,456  (2,346 /s)"), rows);
        Assert.Contains(rows, r => r.Label == "wall time" && r.Value.EndsWith("ETA 10s", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(0.2, "1s")]
    [InlineData(45, "45s")]
    [InlineData(185, "3m 05s")]
    [InlineData(7_620, "2h 07m")]
    [InlineData(273_600, "3d 04h")]
    public void Durations_are_short(double seconds, string expected) =>
        Assert.Equal(expected, ProgressFormat.Duration(TimeSpan.FromSeconds(seconds)));

    [Theory]
    [InlineData(0, "0 J")]
    [InlineData(850, "850 J")]
    [InlineData(12_345, "12.3 kJ")]
    [InlineData(4_561_000, "4.56 MJ")]
    [InlineData(999_600, "1.00 MJ")]
    [InlineData(1.2e9, "1.20 GJ")]
    [InlineData(123_456_789, "123 MJ")]
    public void Energy_has_an_si_prefix(double joules, string expected) => Assert.Equal(expected, ProgressFormat.Energy(joules));

    [Fact]
    public void Bar_fills_in_proportion()
    {
        Assert.Equal("#####-----", ProgressFormat.Bar(0.5, 10, unicode: false));
        Assert.Equal("██░░", ProgressFormat.Bar(0.5, 4));
        Assert.Equal("----", ProgressFormat.Bar(-1, 4, unicode: false));
        Assert.Equal("####", ProgressFormat.Bar(7, 4, unicode: false));
    }

    [Fact]
    public void Plain_line_keeps_the_kernel_figures_and_adds_the_fleet_and_eta()
    {
        var progress = new KernelProgress(Windows: 56, NextEventTime: Hour / 4, Events: 123_456, WallSeconds: 10);
        Assert.Equal("  t=900.0s (25%)  events=123,456  windows=56  12,346 events/s  ETA 30s", ProgressFormat.PlainLine(progress, Hour, null));
        var fleet = new FleetSnapshot(Rounds: 12, Available: 734, LastAccuracy: 0.88123, EnergyJ: 12_345);
        Assert.Equal("  t=900.0s (25%)  events=123,456  windows=56  12,346 events/s  rounds=12  available=734  accuracy=0.8812  energy=12.3 kJ  ETA 30s",
            ProgressFormat.PlainLine(progress, Hour, fleet));
        Assert.Equal("  t=3600.0s (100%)  events=9  windows=1  9 events/s  rounds=3",
            ProgressFormat.PlainLine(new KernelProgress(1, VirtualTime.Infinity, 9, 1), Hour, new FleetSnapshot(3)));
    }

    [Fact]
    public void Live_rows_show_every_known_figure()
    {
        var progress = new KernelProgress(Windows: 56, NextEventTime: Hour / 4, Events: 123_456, WallSeconds: 10);
        var rows = ProgressFormat.LiveRows(progress, Hour, new FleetSnapshot(12, 734, 0.5, 2_000), wallSeconds: 12, recentRate: 20_000)
            .ToDictionary(r => r.Label, r => r.Value);
        Assert.Equal("900.0 s of 3,600 s (25.0%)", rows["virtual time"]);
        Assert.Equal("123,456  (20,000 /s)", rows["events"]);
        Assert.Equal("56", rows["windows"]);
        Assert.Equal("12", rows["rounds"]);
        Assert.Equal("734", rows["available devices"]);
        Assert.Equal("0.5000", rows["last accuracy"]);
        Assert.Equal("2.00 kJ", rows["energy so far"]);
        Assert.Equal("12s   ETA 30s", rows["wall time"]);

        var before = ProgressFormat.LiveRows(null, Hour, null, wallSeconds: 0).ToDictionary(r => r.Label, r => r.Value);
        Assert.Equal(["virtual time", "wall time"], before.Keys);
        Assert.Equal("0.0 s of 3,600 s (0.0%)", before["virtual time"]);
    }

    [Fact]
    public void Plain_progress_writes_at_its_interval_with_fleet_figures()
    {
        var progress = new KernelProgress(3, Hour / 2, 1_000, 2);
        using var every = new StringWriter();
        var plain = new PlainRunProgress(every, Hour, TimeSpan.Zero, () => new FleetSnapshot(4));
        plain.Report(progress);
        plain.Report(progress);
        plain.Complete();
        Assert.Equal(2, every.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("rounds=4", every.ToString(), StringComparison.Ordinal);

        using var rarely = new StringWriter();
        new PlainRunProgress(rarely, Hour, TimeSpan.FromHours(1)).Report(progress);
        Assert.Equal("", rarely.ToString());
    }

    [Fact]
    public void A_failing_snapshot_shows_as_unknown()
    {
        using var writer = new StringWriter();
        new PlainRunProgress(writer, Hour, TimeSpan.Zero, () => throw new InvalidOperationException("torn read")).Report(new KernelProgress(1, 0, 1, 1));
        Assert.DoesNotContain("rounds", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Live_progress_draws_its_last_frame_on_complete()
    {
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        var live = new LiveProgress(console, Hour, () => new FleetSnapshot(7, 42, null, 1_500));
        Assert.Equal(ProgressKind.Live, live.Kind);
        live.Report(new KernelProgress(10, Hour / 2, 5_000, 1));
        live.Complete();
        live.Dispose(); // after Complete: nothing more
        var text = output.ToString();
        Assert.Contains("1,800.0 s of 3,600 s (50.0%)", text, StringComparison.Ordinal);
        Assert.Contains("5,000", text, StringComparison.Ordinal);
        Assert.Contains("1.50 kJ", text, StringComparison.Ordinal);
        Assert.Contains("42", text, StringComparison.Ordinal);
    }
}
