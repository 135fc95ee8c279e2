using FgsActors.Cli.Tests.Support;

namespace FgsActors.Cli.Tests.BadInput;

/// <summary>
/// Runs a fleet scenario that must be rejected and checks that nothing was run: the output directory is
/// either absent or exactly as it was before (here: a marker file only), and holds no summary.json.
/// </summary>
internal static class FleetRunRejections
{
    public const string MarkerFile = "notes.txt";
    public const string MarkerText = "kept\n";

    /// <summary>
    /// Runs <c>fgs run <paramref name="scenario"/> --out ... --quiet --set ...</c> twice: into a directory that does
    /// not exist yet and into an existing one holding only a marker file. Both runs must be rejected with
    /// <paramref name="mentions"/> on stderr, and neither may write anything.
    /// </summary>
    public static CliResult AssertRunRejected(TempDir temp, string scenario, string[] sets, params string[] mentions)
    {
        var fresh = temp.At("out-fresh");
        var result = Run(scenario, fresh, sets);
        BadInputAssert.AssertRejected(result, mentions);
        BadInputAssert.AssertNoSummary(fresh);
        Assert.True(!Directory.Exists(fresh) || Directory.GetFileSystemEntries(fresh).Length == 0,
            $"a rejected run wrote to {fresh}: {string.Join(", ", Directory.Exists(fresh) ? Directory.GetFileSystemEntries(fresh) : [])}");

        var existing = temp.At("out-existing");
        Directory.CreateDirectory(existing);
        File.WriteAllText(Path.Combine(existing, MarkerFile), MarkerText);
        var again = Run(scenario, existing, sets);
        BadInputAssert.AssertRejected(again, mentions);
        BadInputAssert.AssertNoSummary(existing);
        Assert.Equal([Path.Combine(existing, MarkerFile)], Directory.GetFileSystemEntries(existing));
        Assert.Equal(MarkerText, File.ReadAllText(Path.Combine(existing, MarkerFile)));
        return result;
    }

    private static CliResult Run(string scenario, string outDir, string[] sets) =>
        Fgs.Run(["run", scenario, "--out", outDir, "--quiet", .. sets.SelectMany(s => new[] { "--set", s })]);
}
