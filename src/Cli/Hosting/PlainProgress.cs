using System.Diagnostics;
using System.Globalization;
using FgsActors.Actors.Kernel;
using FgsActors.Simulation.Time;

namespace FgsActors.Cli.Hosting;

/// <summary>
/// One progress line every couple of seconds of wall time (virtual time and % of the horizon, events,
/// windows, events/s), written to standard error so standard output stays clean for results.
/// </summary>
public sealed class PlainProgress(TextWriter writer, long endTicks, TimeSpan interval)
{
    private readonly Stopwatch _sinceLast = Stopwatch.StartNew();
    private readonly object _gate = new();

    public void Report(KernelProgress progress)
    {
        lock (_gate)
        {
            if (_sinceLast.Elapsed < interval) return;
            _sinceLast.Restart();
            var now = Math.Min(progress.NextEventTime, endTicks);
            var percent = 100.0 * now / endTicks;
            var rate = progress.Events / Math.Max(progress.WallSeconds, 1e-9);
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  t={VirtualTime.ToSeconds(now):F1}s ({percent:F0}%)  events={progress.Events:N0}  windows={progress.Windows:N0}  {rate:N0} events/s"));
        }
    }
}
