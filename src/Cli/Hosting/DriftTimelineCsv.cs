using System.Globalization;
using CsvHelper;
using FgsActors.Models.Federated;

namespace FgsActors.Cli.Hosting;

/// <summary>
/// drift.csv: one row per evaluation of a federated generator — whether the round trained, the global and local
/// fidelity, the baseline the re-validation check compares with, and what the policy did (docs/generative.md).
/// </summary>
public static class DriftTimelineCsv
{
    public const string FileName = "drift.csv";

    public static readonly string[] Columns =
        ["round", "time_s", "training", "fid", "is", "coverage", "conditional_accuracy", "local_fid_mean", "local_fid_max", "baseline", "action"];

    public static void Write(IReadOnlyList<DriftTimelineEntry> timeline, string directory)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        using var writer = CsvWriter.ToFile(Path.Combine(directory, FileName), new CsvWriterOptions { NewLine = "\n" });
        foreach (var column in Columns) writer.WriteField(column);
        writer.EndRecord();
        foreach (var e in timeline)
        {
            var f = e.Fidelity;
            writer.WriteField(e.Round.ToString(CultureInfo.InvariantCulture));
            writer.WriteField(R(e.TimeS));
            writer.WriteField(e.Training ? "1" : "0");
            foreach (var x in new[] { f.Fid, f.InceptionScore, f.Coverage, f.ConditionalAccuracy, f.LocalFidMean, f.LocalFidMax, e.Baseline })
                writer.WriteField(R(x));
            writer.WriteField(e.Action);
            writer.EndRecord();
        }
    }

    private static string R(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "";
}
