using System.Diagnostics;
using FgsActors.Actors.Kernel;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace FgsActors.Cli.Hosting;

/// <summary>
/// A live panel on a terminal (Spectre.Console), redrawn about 4 times a second on a thread of its own: virtual time
/// and % of the horizon with a bar, events and events/s over the last refresh, windows, the fleet figures (rounds,
/// available devices, last accuracy, energy so far) when a snapshot callback is given, wall time and ETA.
/// <see cref="Report"/> only stores the latest kernel progress (an immutable record, swapped atomically), so the
/// kernel's coordinator never waits for the terminal. <see cref="Complete"/> draws the final frame and leaves it on
/// screen. Chosen by <see cref="RunProgress.Create"/> only for an interactive console; elsewhere plain lines are written.
/// </summary>
public sealed class LiveProgress : IRunProgress
{
    /// <summary>Between two frames: about 4 Hz.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(250);

    private const int BarWidth = 30;

    private readonly IAnsiConsole _console;
    private readonly long _endTicks;
    private readonly Func<FleetSnapshot?>? _fleet;
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _display;
    private KernelProgress? _latest;

    /// <summary>Where a resumed run started (rates and ETA count from there).</summary>
    public ProgressBaseline Baseline { get; init; } = ProgressBaseline.None;
    private int _completed;

    public LiveProgress(TextWriter error, long endTicks, Func<FleetSnapshot?>? fleet = null)
        : this(AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(error ?? throw new ArgumentNullException(nameof(error))),
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.Detect,
        }), endTicks, fleet)
    {
    }

    /// <summary>On a given console (tests pass a recording one).</summary>
    public LiveProgress(IAnsiConsole console, long endTicks, Func<FleetSnapshot?>? fleet = null)
    {
        _console = console ?? throw new ArgumentNullException(nameof(console));
        _endTicks = endTicks;
        _fleet = fleet;
        _display = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public ProgressKind Kind => ProgressKind.Live;

    public void Report(KernelProgress progress) => Volatile.Write(ref _latest, progress);

    /// <summary>Stops the display after drawing the final frame; waits for it (at most a few seconds). Idempotent.</summary>
    public void Complete()
    {
        if (Interlocked.Exchange(ref _completed, 1) != 0) return;
        _stop.Cancel();
        try
        {
            _display.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // A display that failed (a terminal gone away) must not fail the run whose results are being written.
        }
    }

    public void Dispose()
    {
        Complete();
        _stop.Dispose();
    }

    private void Run()
    {
        var unicode = _console.Profile.Capabilities.Unicode;
        var sample = new RateSample();
        new LiveDisplay(_console, Render(null, null, null, unicode))
            .AutoClear(false)
            .Overflow(VerticalOverflow.Ellipsis)
            .Start(context =>
            {
                while (true)
                {
                    var stopping = _stop.Token.WaitHandle.WaitOne(RefreshInterval);
                    var progress = Volatile.Read(ref _latest);
                    var rate = sample.Next(progress);
                    context.UpdateTarget(Render(progress, RunProgress.Sample(_fleet), stopping ? null : rate, unicode));
                    context.Refresh();
                    if (stopping) return;
                }
            });
    }

    private IRenderable Render(KernelProgress? progress, FleetSnapshot? fleet, double? recentRate, bool unicode)
    {
        var fraction = progress is null ? 0 : ProgressFormat.Fraction(progress.NextEventTime, _endTicks);
        var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn(new GridColumn());
        grid.AddRow(new Text("progress", new Style(Color.Grey)), new Text(ProgressFormat.Bar(fraction, BarWidth, unicode), new Style(Color.Green)));
        foreach (var (label, value) in ProgressFormat.LiveRows(progress, _endTicks, fleet, _wall.Elapsed.TotalSeconds, recentRate, Baseline))
            grid.AddRow(new Text(label, new Style(Color.Grey)), new Text(value));
        return new Panel(grid).Header("fgs run").Border(unicode ? BoxBorder.Rounded : BoxBorder.Ascii);
    }

    /// <summary>Events per second between two frames' kernel reports (null, meaning the run's mean, until two distinct reports exist).</summary>
    private sealed class RateSample
    {
        private KernelProgress? _previous;

        public double? Next(KernelProgress? progress)
        {
            if (progress is null) return null;
            var previous = _previous;
            _previous = progress;
            if (previous is null || progress.WallSeconds <= previous.WallSeconds) return null;
            return ProgressFormat.PerSecond(progress.Events - previous.Events, progress.WallSeconds - previous.WallSeconds);
        }
    }
}
