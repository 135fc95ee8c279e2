using System.Globalization;

namespace FgsActors.Cli.Hosting;

/// <summary>
/// Chooses and prepares a run's output directory: --out, else fgs.output.dir, else runs/&lt;name&gt;-&lt;UTC timestamp&gt;.
/// A directory that already holds a run's summary is refused, so an earlier result is never overwritten.
/// </summary>
public static class RunDirectory
{
    public const string SummaryFile = "summary.json";

    public static string Prepare(string? outOption, string configuredDir, string runName, DateTime utcNow)
    {
        var dir = !string.IsNullOrEmpty(outOption) ? outOption
            : !string.IsNullOrEmpty(configuredDir) ? configuredDir
            : Path.Combine("runs", $"{runName}-{utcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");
        if (File.Exists(dir))
            throw new UsageException($"--out: '{dir}' is a file; expected a directory for the run's results");
        if (File.Exists(Path.Combine(dir, SummaryFile)))
            throw new UsageException($"--out: '{dir}' already holds a run ({SummaryFile} exists); choose another directory so its results are kept");
        try
        {
            Directory.CreateDirectory(dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--out: cannot create directory '{dir}': {e.Message}");
        }
        return dir;
    }
}
