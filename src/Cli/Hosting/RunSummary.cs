using System.Text.Json;

namespace FgsActors.Cli.Hosting;

/// <summary>The fields of summary.json, written in this order.</summary>
public sealed record RunSummary(
    string FgsVersion,
    string Scenario,
    string Model,
    ulong Seed,
    double VirtualTimeSeconds,
    double WallTimeSeconds,
    double SetupSeconds,
    long Events,
    long Windows,
    int Partitions,
    int Workers,
    string Checksum,
    string ResultHash,
    bool Complete)
{
    /// <summary>For a run stopped early: the signal (SIGINT, SIGTERM) and the virtual time its results describe, s.</summary>
    public (string Signal, double AtSeconds)? Stopped { get; init; }

    /// <summary>The checkpoint file the run left behind to resume from (a stopped run); null when none.</summary>
    public string? Checkpoint { get; init; }

    /// <summary>For a resumed run: the virtual time of the checkpoint it continued from, s.</summary>
    public double? ResumedAtSeconds { get; init; }
    /// <summary>With <c>fgs run --trace</c>: the trace's file name in the run directory and the events it holds.</summary>
    public (string File, long Events)? Trace { get; init; }

    /// <summary>Model-specific totals written after the common fields (e.g. the fleet's energy and bytes).</summary>
    public Action<Utf8JsonWriter>? Totals { get; init; }

    public void Write(string path)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("fgs_version", FgsVersion);
        json.WriteString("scenario", Scenario);
        json.WriteString("model", Model);
        json.WriteNumber("seed", Seed);
        json.WriteNumber("virtual_time_s", VirtualTimeSeconds);
        json.WriteNumber("wall_time_s", Math.Round(WallTimeSeconds, 4));
        json.WriteNumber("setup_s", Math.Round(SetupSeconds, 4));
        json.WriteNumber("events", Events);
        json.WriteNumber("windows", Windows);
        json.WriteNumber("events_per_window", Math.Round(Events / (double)Math.Max(1, Windows), 2));
        json.WriteNumber("partitions", Partitions);
        json.WriteNumber("workers", Workers);
        json.WriteString("checksum", Checksum);
        json.WriteString("result_hash", ResultHash);
        json.WriteBoolean("complete", Complete);
        if (Stopped is { } stopped)
        {
            json.WriteString("stopped_by", stopped.Signal);
            json.WriteNumber("stopped_at_s", stopped.AtSeconds);
        }
        if (Checkpoint is { } checkpoint) json.WriteString("checkpoint", checkpoint);
        if (ResumedAtSeconds is { } resumedAt) json.WriteNumber("resumed_at_s", resumedAt);
        if (Trace is { } trace)
        {
            json.WriteString("trace", trace.File);
            json.WriteNumber("trace_events", trace.Events);
        }
        Totals?.Invoke(json);
        json.WriteEndObject();
    }
}
