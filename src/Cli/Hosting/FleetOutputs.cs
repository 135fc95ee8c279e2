using System.Globalization;
using System.Text.Json;
using CsvHelper;
using FgsActors.Simulation.Federation;
using FgsActors.Simulation.Time;

namespace FgsActors.Cli.Hosting;

/// <summary>
/// Writes a fleet run's tables into its run directory (rounds.csv, devices.csv, online.csv) and its totals into summary.json.
/// Numbers are written in invariant culture with round-trip precision, so the files reproduce the run exactly.
/// </summary>
public static class FleetOutputs
{
    public const string RoundsFile = "rounds.csv";
    public const string DevicesFile = "devices.csv";
    public const string OnlineFile = "online.csv";

    private static readonly CsvWriterOptions Csv = new() { NewLine = "\n" };

    public static void WriteTables(FleetResults results, string directory)
    {
        ArgumentNullException.ThrowIfNull(results);
        using (var writer = Open(Path.Combine(directory, RoundsFile)))
        {
            WriteHeader(writer, results.ReportsFidelity ? [.. RoundColumns, .. FidelityColumns] : RoundColumns);
            foreach (var r in results.Rounds)
            {
                writer.WriteField(I(r.Round));
                writer.WriteField(R(r.StartS));
                writer.WriteField(R(r.EndS));
                foreach (var n in new[] { r.Selected, r.Completed, r.DroppedChurn, r.DroppedBattery, r.DroppedDeadline, r.DroppedMemory, r.DroppedLink })
                    writer.WriteField(I(n));
                foreach (var x in new[] { r.BytesUp, r.BytesDown, r.EnergyComputeJ, r.EnergyCommJ, r.EnergyIdleJ })
                    writer.WriteField(R(x));
                writer.WriteField(I(r.Aggregated));
                writer.WriteField(R(r.MeanStaleness));
                writer.WriteField(R(r.TestAccuracy));
                writer.WriteField(R(r.TestLoss));
                if (results.ReportsFidelity)
                {
                    var f = r.Fidelity;
                    foreach (var x in new[] { f?.Fid, f?.InceptionScore, f?.Coverage, f?.ConditionalAccuracy, f?.LocalFidMean, f?.LocalFidMax })
                        writer.WriteField(R(x));
                }
                writer.EndRecord();
            }
        }
        using (var writer = Open(Path.Combine(directory, DevicesFile)))
        {
            WriteHeader(writer, DeviceColumns);
            foreach (var d in results.Devices)
            {
                writer.WriteField(d.Id);
                writer.WriteField(d.Tier);
                writer.WriteField(I(d.RoundsSelected));
                writer.WriteField(I(d.RoundsCompleted));
                writer.WriteField(R(d.EnergyJ));
                writer.WriteField(R(d.BatteryEndWh));
                writer.WriteField(R(d.OnlineFraction));
                writer.WriteField(I(d.Deaths));
                writer.WriteField(R(d.EnergyComputeJ));
                writer.WriteField(R(d.EnergyCommJ));
                writer.WriteField(R(d.EnergyIdleJ));
                writer.EndRecord();
            }
        }
        // The aggregator's view of availability: one row per change, each count holding until the next row's time.
        using (var writer = Open(Path.Combine(directory, OnlineFile)))
        {
            WriteHeader(writer, OnlineColumns);
            foreach (var point in results.Online)
            {
                writer.WriteField(R(VirtualTime.ToSeconds(point.Ticks)));
                writer.WriteField(I(point.Devices));
                writer.EndRecord();
            }
        }
    }

    /// <summary>The fleet totals of summary.json.</summary>
    public static void WriteTotals(FleetResults results, Utf8JsonWriter json, double? targetAccuracy = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(json);
        json.WriteNumber("devices", results.Devices.Count);
        json.WriteNumber("rounds", results.ClosedRounds);
        json.WriteNumber("energy_j_total", results.EnergyTotalJ);
        json.WriteNumber("energy_compute_j", results.Devices.Sum(d => d.EnergyComputeJ));
        json.WriteNumber("energy_comm_j", results.Devices.Sum(d => d.EnergyCommJ));
        json.WriteNumber("energy_idle_j", results.Devices.Sum(d => d.EnergyIdleJ));
        json.WriteNumber("bytes_up_total", results.BytesUpTotal);
        json.WriteNumber("bytes_down_total", results.BytesDownTotal);
        json.WriteNumber("dropouts_total", results.DropoutsTotal);
        json.WriteNumber("updates_total", results.Rounds.Sum(r => (long)r.Completed));
        json.WriteNumber("mean_round_s", results.MeanRoundS);
        json.WriteNumber("deaths_total", results.Devices.Sum(d => (long)d.Deaths));
        json.WriteStartObject("energy_j_by_tier");
        foreach (var (tier, joules) in results.EnergyByTierJ) json.WriteNumber(tier, joules);
        json.WriteEndObject();
        if (targetAccuracy is { } target)
        {
            WriteOptional(json, "final_accuracy", results.FinalAccuracy);
            WriteOptional(json, "best_accuracy", results.BestAccuracy);
            json.WriteNumber("target_accuracy", target);
            var reached = results.ToTarget(target);
            WriteOptional(json, "rounds_to_target", reached?.Rounds);
            WriteOptional(json, "virtual_time_to_target_s", reached?.VirtualTimeS);
            WriteOptional(json, "energy_to_target_j", reached?.EnergyJ);
        }
        if (results.ReportsFidelity)
        {
            var final = results.FinalFidelity;
            WriteOptional(json, "final_fid", final?.Fid);
            WriteOptional(json, "best_fid", results.BestFid);
            WriteOptional(json, "final_is", final?.InceptionScore);
            WriteOptional(json, "final_coverage", final?.Coverage);
            WriteOptional(json, "final_conditional_accuracy", final?.ConditionalAccuracy);
            WriteOptional(json, "final_local_fid_mean", final?.LocalFidMean);
            WriteOptional(json, "final_local_fid_max", final?.LocalFidMax);
        }
        json.WriteStartObject("memory_fit_by_tier");
        foreach (var (tier, reason) in results.MemoryFitByTier) json.WriteString(tier, reason);
        json.WriteEndObject();
    }

    private static readonly string[] RoundColumns =
    [
        "round", "start_s", "end_s", "selected", "completed", "dropped_churn", "dropped_battery", "dropped_deadline",
        "dropped_memory", "dropped_link", "bytes_up", "bytes_down", "energy_compute_j", "energy_comm_j", "energy_idle_j",
        "aggregated", "mean_staleness", "test_accuracy", "test_loss",
    ];

    /// <summary>Appended to rounds.csv when the run trains a generator (docs/results.md).</summary>
    public static readonly string[] FidelityColumns = ["fid", "is", "coverage", "conditional_accuracy", "local_fid_mean", "local_fid_max"];

    private static readonly string[] DeviceColumns =
    [
        "id", "tier", "rounds_selected", "rounds_completed", "energy_j", "battery_end_wh", "online_fraction", "deaths",
        "energy_compute_j", "energy_comm_j", "energy_idle_j",
    ];

    private static readonly string[] OnlineColumns = ["time_s", "online_devices"];

    // A figure that does not exist (no evaluation reached the target) is written as null, not left out.
    private static void WriteOptional(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }

    private static CsvWriter Open(string path) => CsvWriter.ToFile(path, Csv);

    private static void WriteHeader(CsvWriter writer, string[] columns)
    {
        foreach (var column in columns) writer.WriteField(column);
        writer.EndRecord();
    }

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string R(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "";
}
