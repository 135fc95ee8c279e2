using System.Diagnostics;
using System.Globalization;
using FgsActors.Actors.Kernel;
using FgsActors.Simulation.Federation;
using FgsActors.Simulation.Time;

namespace FgsActors.Cli.Hosting;

/// <summary>How <c>fgs run</c> shows its progress: not at all, periodic lines, or a live display.</summary>
public enum ProgressKind
{
    None,
    Plain,
    Live,
}

/// <summary>
/// Progress of one run, shown on standard error (standard output stays for results). <see cref="Report"/> is called by
/// the kernel's coordinator after every window, on the coordinator's thread; it must be cheap and never block.
/// <see cref="Complete"/> is called once, on the caller's thread, after the run: it stops a live display (leaving its
/// last frame on screen) so that what the command prints next starts on a clean line. Dispose completes too.
/// </summary>
public interface IRunProgress : IDisposable
{
    ProgressKind Kind { get; }

    void Report(KernelProgress progress);

    void Complete();
}

/// <summary>
/// Fleet figures during a run, for display only: rounds closed so far, devices the aggregator counts as available
/// (online, reported and not working for it), the last test accuracy (real training), and the energy the devices
/// have accounted so far, J (idle energy is booked when a device next changes state, so it trails virtual time).
/// Any figure may be null when unknown.
/// </summary>
/// <summary>
/// Where a resumed run started (its checkpoint's time and event count): rates and the ETA count only the work done since,
/// while the virtual time and event count shown stay those of the whole run.
/// </summary>
public sealed record ProgressBaseline(long StartTicks, long StartEvents)
{
    public static readonly ProgressBaseline None = new(0, 0);
}

public sealed record FleetSnapshot(int Rounds, int? Available = null, double? LastAccuracy = null, double? EnergyJ = null);

/// <summary>Where progress would go: whether standard output/error are redirected and whether this is CI.</summary>
public sealed record ProgressTerminal(bool OutputRedirected, bool ErrorRedirected, bool InCi, bool DumbTerminal = false)
{
    /// <summary>This process's console and environment.</summary>
    public static ProgressTerminal Current => new(
        Console.IsOutputRedirected, Console.IsErrorRedirected, IsCi(Environment.GetEnvironmentVariable),
        string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal));

    /// <summary>CI=true/1/anything but false/0, or a CI system's own variable (GitHub Actions, Azure Pipelines, GitLab, Jenkins).</summary>
    public static bool IsCi(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var ci = variable("CI");
        if (!string.IsNullOrWhiteSpace(ci) && !ci.Trim().Equals("false", StringComparison.OrdinalIgnoreCase) && ci.Trim() != "0")
            return true;
        return new[] { "GITHUB_ACTIONS", "TF_BUILD", "GITLAB_CI", "JENKINS_URL", "BUILDKITE", "TEAMCITY_VERSION" }
            .Any(name => !string.IsNullOrEmpty(variable(name)));
    }
}

/// <summary>Chooses and creates the progress display of <c>fgs run</c>.</summary>
public static class RunProgress
{
    /// <summary>Interval between plain progress lines (wall time).</summary>
    public static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(2);

    /// <summary>
    /// None when quiet; live when the progress goes to this process's own console error stream and neither standard
    /// output nor standard error is redirected, outside CI and on a terminal that is not "dumb"; plain lines otherwise.
    /// </summary>
    public static ProgressKind Choose(bool quiet, bool writerIsConsole, ProgressTerminal terminal)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        if (quiet) return ProgressKind.None;
        var interactive = writerIsConsole && !terminal.OutputRedirected && !terminal.ErrorRedirected && !terminal.InCi && !terminal.DumbTerminal;
        return interactive ? ProgressKind.Live : ProgressKind.Plain;
    }

    /// <summary>
    /// The progress display for a run ending at <paramref name="endTicks"/>, written to <paramref name="error"/>.
    /// <paramref name="fleet"/>, when given, is called from the display's thread (live: about 4 times a second; plain:
    /// once per line) while the simulation runs on other threads; see <see cref="FleetSnapshots.From"/>.
    /// <paramref name="terminal"/> defaults to <see cref="ProgressTerminal.Current"/>.
    /// </summary>
    public static IRunProgress Create(TextWriter error, bool quiet, long endTicks, Func<FleetSnapshot?>? fleet = null,
        ProgressTerminal? terminal = null, ProgressBaseline? baseline = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        var isConsole = ReferenceEquals(error, Console.Error);
        return Choose(quiet, isConsole, terminal ?? ProgressTerminal.Current) switch
        {
            ProgressKind.None => NoProgress.Instance,
            ProgressKind.Live => new LiveProgress(error, endTicks, fleet) { Baseline = baseline ?? ProgressBaseline.None },
            _ => new PlainRunProgress(error, endTicks, PlainInterval, fleet) { Baseline = baseline ?? ProgressBaseline.None },
        };
    }

    /// <summary>Calls <paramref name="fleet"/>, turning a failure (a torn read of the running model) into "unknown".</summary>
    internal static FleetSnapshot? Sample(Func<FleetSnapshot?>? fleet)
    {
        if (fleet is null) return null;
        try
        {
            return fleet();
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException or NullReferenceException)
        {
            return null;
        }
    }
}

/// <summary>No progress at all (<c>--quiet</c>).</summary>
public sealed class NoProgress : IRunProgress
{
    public static readonly NoProgress Instance = new();

    private NoProgress()
    {
    }

    public ProgressKind Kind => ProgressKind.None;

    public void Report(KernelProgress progress)
    {
    }

    public void Complete()
    {
    }

    public void Dispose()
    {
    }
}

/// <summary>
/// One line every <c>interval</c> of wall time (virtual time, % of the horizon, events, events/s), followed by the fleet figures
/// and the ETA when known: for logs, pipes and CI.
/// </summary>
public sealed class PlainRunProgress(TextWriter writer, long endTicks, TimeSpan interval, Func<FleetSnapshot?>? fleet = null) : IRunProgress
{
    private readonly Stopwatch _sinceLast = Stopwatch.StartNew();
    private readonly object _gate = new();

    public ProgressKind Kind => ProgressKind.Plain;

    /// <summary>Where a resumed run started (rates and ETA count from there).</summary>
    public ProgressBaseline Baseline { get; init; } = ProgressBaseline.None;

    public void Report(KernelProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        lock (_gate)
        {
            if (_sinceLast.Elapsed < interval) return;
            _sinceLast.Restart();
            writer.WriteLine(ProgressFormat.PlainLine(progress, endTicks, RunProgress.Sample(fleet), Baseline));
        }
    }

    public void Complete()
    {
    }

    public void Dispose()
    {
    }
}

/// <summary>The figures and text of the progress displays, as pure functions (invariant culture).</summary>
public static class ProgressFormat
{
    /// <summary>Fraction of the horizon done: the earliest pending event over the end time, within [0, 1].</summary>
    public static double Fraction(long nextEventTicks, long endTicks)
    {
        if (endTicks <= 0) return 1;
        return Math.Clamp((double)Math.Min(nextEventTicks, endTicks) / endTicks, 0, 1);
    }

    /// <summary>
    /// Wall time still needed at the pace so far (wall × (1 − f) / (f − f₀), f₀ the fraction done when this part of the
    /// run began: 0, or a resumed run's checkpoint); null before any progress, at the end, or when no wall time has passed.
    /// </summary>
    public static TimeSpan? Eta(double fraction, double wallSeconds, double startFraction = 0)
    {
        if (!(fraction > startFraction) || fraction >= 1 || !(wallSeconds > 0) || double.IsInfinity(wallSeconds)) return null;
        var seconds = wallSeconds * (1 - fraction) / (fraction - startFraction);
        return seconds > TimeSpan.MaxValue.TotalSeconds / 2 ? null : TimeSpan.FromSeconds(seconds);
    }

    /// <summary>Events per second, 0 when no time has passed.</summary>
    public static double PerSecond(long count, double seconds) => seconds > 0 ? count / seconds : 0;

    /// <summary>"45s", "3m 05s", "2h 07m", "3d 04h"; a part-second rounds up (an ETA never says 0s while work is left).</summary>
    public static string Duration(TimeSpan span)
    {
        var total = (long)Math.Ceiling(Math.Max(0, span.TotalSeconds));
        var (d, h, m, s) = (total / 86_400, total / 3_600 % 24, total / 60 % 60, total % 60);
        var c = CultureInfo.InvariantCulture;
        if (d > 0) return string.Create(c, $"{d}d {h:00}h");
        if (h > 0) return string.Create(c, $"{h}h {m:00}m");
        return m > 0 ? string.Create(c, $"{m}m {s:00}s") : string.Create(c, $"{s}s");
    }

    /// <summary>Energy with an SI prefix and three significant digits: "850 J", "12.3 kJ", "4.56 MJ", "1.20 GJ".</summary>
    public static string Energy(double joules)
    {
        if (double.IsNaN(joules) || double.IsInfinity(joules)) return "-";
        string[] units = ["J", "kJ", "MJ", "GJ", "TJ", "PJ"];
        var value = joules;
        var unit = 0;
        while (Math.Abs(value) >= 999.5 && unit < units.Length - 1)
        {
            value /= 1000;
            unit++;
        }
        var format = unit == 0 || Math.Abs(value) >= 99.95 ? "F0" : Math.Abs(value) >= 9.995 ? "F1" : "F2";
        return value.ToString(format, CultureInfo.InvariantCulture) + " " + units[unit];
    }

    /// <summary>A bar of <paramref name="width"/> cells, filled to <paramref name="fraction"/>: "█████░░░░░" (or "#####-----").</summary>
    public static string Bar(double fraction, int width, bool unicode = true)
    {
        width = Math.Max(0, width);
        var filled = (int)Math.Round(Math.Clamp(double.IsNaN(fraction) ? 0 : fraction, 0, 1) * width, MidpointRounding.AwayFromZero);
        return new string(unicode ? '█' : '#', filled) + new string(unicode ? '░' : '-', width - filled);
    }

    /// <summary>
    /// The plain progress line: "  t=1234.5s (17%)  events=1,234  windows=56  7,890 events/s", then, when known,
    /// "  rounds=12  available=734  accuracy=0.8812  energy=12.3 kJ" and "  ETA 3m 05s".
    /// </summary>
    public static string PlainLine(KernelProgress progress, long endTicks, FleetSnapshot? fleet, ProgressBaseline? baseline = null)
    {
        ArgumentNullException.ThrowIfNull(progress);
        baseline ??= ProgressBaseline.None;
        var now = Math.Min(progress.NextEventTime, endTicks);
        var fraction = Fraction(progress.NextEventTime, endTicks);
        var rate = PerSecond(progress.Events - baseline.StartEvents, progress.WallSeconds);
        var line = string.Create(CultureInfo.InvariantCulture,
            $"  t={VirtualTime.ToSeconds(now):F1}s ({100 * fraction:F0}%)  events={progress.Events:N0}  windows={progress.Windows:N0}  {rate:N0} events/s");
        if (fleet is not null) line += "  " + FleetText(fleet, "=", "  ");
        if (Eta(fraction, progress.WallSeconds, Fraction(baseline.StartTicks, endTicks)) is { } eta) line += "  ETA " + Duration(eta);
        return line;
    }

    /// <summary>
    /// The live display's rows (label, value). Before the first window only the horizon is known; <paramref name="recentRate"/>
    /// is the event rate over the last refresh (null: use the run's mean rate).
    /// </summary>
    public static IReadOnlyList<(string Label, string Value)> LiveRows(KernelProgress? progress, long endTicks, FleetSnapshot? fleet,
        double wallSeconds, double? recentRate = null, ProgressBaseline? baseline = null)
    {
        baseline ??= ProgressBaseline.None;
        var endS = VirtualTime.ToSeconds(endTicks);
        var rows = new List<(string, string)>();
        var fraction = progress is null ? 0 : Fraction(progress.NextEventTime, endTicks);
        var nowS = progress is null ? 0 : VirtualTime.ToSeconds(Math.Min(progress.NextEventTime, endTicks));
        rows.Add(("virtual time", string.Create(CultureInfo.InvariantCulture, $"{nowS:N1} s of {endS:N0} s ({100 * fraction:F1}%)")));
        if (progress is not null)
        {
            var rate = recentRate ?? PerSecond(progress.Events - baseline.StartEvents, progress.WallSeconds);
            rows.Add(("events", string.Create(CultureInfo.InvariantCulture, $"{progress.Events:N0}  ({rate:N0} /s)")));
            rows.Add(("windows", progress.Windows.ToString("N0", CultureInfo.InvariantCulture)));
        }
        if (fleet is not null)
        {
            rows.Add(("rounds", fleet.Rounds.ToString("N0", CultureInfo.InvariantCulture)));
            if (fleet.Available is { } available) rows.Add(("available devices", available.ToString("N0", CultureInfo.InvariantCulture)));
            if (fleet.LastAccuracy is { } accuracy) rows.Add(("last accuracy", accuracy.ToString("F4", CultureInfo.InvariantCulture)));
            if (fleet.EnergyJ is { } energy) rows.Add(("energy so far", Energy(energy)));
        }
        var eta = progress is null ? null : Eta(fraction, progress.WallSeconds, Fraction(baseline.StartTicks, endTicks));
        rows.Add(("wall time", Duration(TimeSpan.FromSeconds(Math.Max(0, wallSeconds))) + (eta is { } e ? "   ETA " + Duration(e) : "")));
        return rows;
    }

    private static string FleetText(FleetSnapshot fleet, string equals, string separator)
    {
        var parts = new List<string> { "rounds" + equals + fleet.Rounds.ToString("N0", CultureInfo.InvariantCulture) };
        if (fleet.Available is { } available) parts.Add("available" + equals + available.ToString("N0", CultureInfo.InvariantCulture));
        if (fleet.LastAccuracy is { } accuracy) parts.Add("accuracy" + equals + accuracy.ToString("F4", CultureInfo.InvariantCulture));
        if (fleet.EnergyJ is { } energy) parts.Add("energy" + equals + Energy(energy));
        return string.Join(separator, parts);
    }
}

/// <summary>Reads a running fleet model's figures for the progress display.</summary>
public static class FleetSnapshots
{
    /// <summary>
    /// A callback reading <paramref name="model"/>'s aggregator and devices while the kernel runs them on other threads.
    /// Thread safety: the reads take no lock, so a figure may be a window old, and the round count and the energy may
    /// mix neighbouring moments; each field is an aligned int, long or double (read whole on 64-bit), and the rounds list
    /// only grows, so nothing read can be torn or out of range: good enough for a display, never for results (those come
    /// from <see cref="FleetResults.Collect"/> after the run). The energy sum visits every device, so it is refreshed at
    /// most once per <paramref name="energyEvery"/> (default 1 s) and reused between. Returns null until the model's
    /// aggregator exists in this process.
    /// </summary>
    public static Func<FleetSnapshot?> From(FleetModel model, TimeSpan? energyEvery = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var every = energyEvery ?? TimeSpan.FromSeconds(1);
        var sinceEnergy = new Stopwatch();
        double? energy = null;
        var gate = new object();
        var training = model.Scenario.Learning is not null;
        return () =>
        {
            var aggregator = model.Aggregator;
            if (aggregator is null) return null;
            var rounds = aggregator.Rounds;
            var count = rounds.Count;
            var closed = count > 0 && rounds[count - 1].EndTicks is null ? count - 1 : count;
            double? accuracy = null;
            if (training)
            {
                for (var i = count - 1; i >= 0 && accuracy is null; i--) accuracy = rounds[i].TestAccuracy;
            }
            lock (gate)
            {
                if (energy is null || sinceEnergy.Elapsed >= every)
                {
                    var sum = 0.0;
                    foreach (var device in model.Devices)
                    {
                        if (device is not null) sum += device.EnergyJ;
                    }
                    energy = sum;
                    sinceEnergy.Restart();
                }
                return new FleetSnapshot(closed, aggregator.PoolSize, accuracy, energy);
            }
        };
    }
}
