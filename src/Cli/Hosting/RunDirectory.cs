using FgsActors.Simulation.Configuration;
using System.Globalization;

namespace FgsActors.Cli.Hosting;

/// <summary>
/// Chooses and prepares a run's output directory: --out, else fgs.output.dir, else runs/&lt;name&gt;-&lt;UTC timestamp&gt;.
/// A directory that already holds a run's summary is refused, so an earlier result is never overwritten.
/// </summary>
public static class RunDirectory
{
    public const string SummaryFile = "summary.json";

    /// <summary>
    /// The run's name: fgs.run.name, unless it is still reference.conf's placeholder "default"; then the
    /// scenario file's name, so an unnamed scenario's results land in runs/&lt;scenario&gt;-&lt;time&gt;.
    /// </summary>
    public static string RunName(string configuredName, string scenarioPath) =>
        configuredName == RunSettings.DefaultName ? Path.GetFileNameWithoutExtension(scenarioPath) : configuredName;

    /// <param name="configuredDir">fgs.output.dir ("" when unset) and where it was set, for messages.</param>
    public static string Prepare(string? outOption, string configuredDir, string configuredOrigin, string runName, DateTime utcNow)
    {
        var (dir, source) = !string.IsNullOrEmpty(outOption) ? (outOption, "--out")
            : !string.IsNullOrEmpty(configuredDir) ? (configuredDir, $"config key 'fgs.output.dir' in {configuredOrigin}")
            : (Path.Combine("runs", $"{runName}-{utcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}"), "the default output directory");
        if (File.Exists(dir))
            throw new UsageException($"{source}: '{dir}' is a file; expected a directory for the run's results");
        if (File.Exists(Path.Combine(dir, SummaryFile)))
            throw new UsageException($"{source}: '{dir}' already holds a run ({SummaryFile} exists); choose another directory so its results are kept");
        try
        {
            Directory.CreateDirectory(dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{source}: cannot create directory '{dir}': {e.Message}");
        }
        return dir;
    }
}
