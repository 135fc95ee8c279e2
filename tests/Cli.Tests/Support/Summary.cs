using System.Text.Json;

namespace FgsActors.Cli.Tests.Support;

/// <summary>Reads a run's summary.json.</summary>
internal static class Summary
{
    public static JsonElement Read(string outDir)
    {
        var path = Path.Combine(outDir, "summary.json");
        Assert.True(File.Exists(path), $"no summary.json in {outDir}");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }

    /// <summary>Runs <c>fgs run</c> quietly into a new directory under <paramref name="temp"/> and returns its summary.</summary>
    public static JsonElement RunAndRead(TempDir temp, string scenario, params string[] sets)
    {
        var outDir = temp.At("run-" + Guid.NewGuid().ToString("N")[..8]);
        Fgs.RunOk(["run", scenario, "--out", outDir, "--quiet", .. sets.SelectMany(s => new[] { "--set", s })]);
        return Read(outDir);
    }
}
