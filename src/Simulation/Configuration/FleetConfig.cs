using FgsActors.Models.Fleet;
using FgsActors.Models.Hardware;
using FgsActors.Simulation.Fleet;

namespace FgsActors.Simulation.Configuration;

/// <summary>
/// The <c>fgs.fleet</c> section: which devices a fleet run has. Either generated (count, tier mix, per-device
/// variation) or, when <see cref="DeviceTable"/> is set, imported from a device table that replaces the count and
/// the mix. Bound and checked for every run; files are read only by <see cref="BuildDevices"/>.
/// </summary>
/// <param name="Devices">Devices to generate (≥ 0).</param>
/// <param name="Mix">Tier name → fraction of devices, in ordinal name order; fractions sum to 1.</param>
/// <param name="Assignment">How generated devices get their tier.</param>
/// <param name="RamSigma">σ of ln(RAM factor) (≥ 0).</param>
/// <param name="BatterySigma">σ of ln(battery-capacity factor) (≥ 0).</param>
/// <param name="MinDistanceKm">Smallest distance to the aggregator, km (&gt; 0).</param>
/// <param name="MaxDistanceKm">Largest distance to the aggregator, km (≥ min).</param>
/// <param name="DeviceTable">Path of the device table, resolved against the config file that set it; empty to generate.</param>
/// <param name="Tiers">Every tier definition, in ordinal name order.</param>
public sealed record FleetConfig(
    int Devices,
    IReadOnlyDictionary<string, double> Mix,
    TierAssignment Assignment,
    double RamSigma,
    double BatterySigma,
    double MinDistanceKm,
    double MaxDistanceKm,
    string DeviceTable,
    IReadOnlyList<HardwareTier> Tiers)
{
    private static readonly (string Word, TierAssignment Assignment)[] AssignmentWords =
        [("exact", TierAssignment.ExactQuota), ("independent", TierAssignment.Independent)];

    /// <summary>The generated fleet's specification (devices, mix and variation over <see cref="Tiers"/>).</summary>
    public FleetSpec ToFleetSpec() =>
        new(Tiers, Mix, Devices, RamSigma, BatterySigma, MinDistanceKm, MaxDistanceKm, Assignment);

    /// <summary>
    /// The devices under run seed <paramref name="seed"/>: generated from <see cref="ToFleetSpec"/>, or read from
    /// <see cref="DeviceTable"/>. A table that cannot be opened is a <see cref="ConfigException"/> naming the key; a
    /// malformed one is the reader's <see cref="FleetInputException"/> naming file and line.
    /// </summary>
    public IReadOnlyList<DeviceProfile> BuildDevices(ulong seed)
    {
        if (DeviceTable.Length == 0) return FleetGenerator.Generate(ToFleetSpec(), seed);
        var names = Tiers.Select(t => t.Name).ToList();
        var records = ConfigPaths.Load(FgsKeys.FleetDeviceTable, DeviceTable, path => DeviceTableCsv.Load(path, names));
        return FleetGenerator.FromDeviceTable(records, Tiers);
    }

    /// <summary>Equal when every value, every mix entry and every tier are equal (collections compare by content).</summary>
    public bool Equals(FleetConfig? other) =>
        other is not null
        && Devices == other.Devices
        && Assignment == other.Assignment
        && RamSigma.Equals(other.RamSigma)
        && BatterySigma.Equals(other.BatterySigma)
        && MinDistanceKm.Equals(other.MinDistanceKm)
        && MaxDistanceKm.Equals(other.MaxDistanceKm)
        && DeviceTable == other.DeviceTable
        && Mix.OrderBy(kv => kv.Key, StringComparer.Ordinal).SequenceEqual(other.Mix.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        && Tiers.SequenceEqual(other.Tiers);

    public override int GetHashCode() => HashCode.Combine(Devices, Assignment, RamSigma, BatterySigma, DeviceTable, Mix.Count, Tiers.Count);

    internal static FleetConfig Bind(SettingsReader reader)
    {
        var tiers = TierBinding.Bind(reader);
        var mix = TierMixBinding.Bind(reader, tiers);
        var minDistance = reader.GetDouble(FgsKeys.FleetDistanceMin, 0, minExclusive: true);
        var maxDistance = reader.GetDouble(FgsKeys.FleetDistanceMax, 0, minExclusive: true);
        if (maxDistance < minDistance)
        {
            throw ConfigException.InvalidValue(
                reader.Tree.Find(FgsKeys.FleetDistanceMax)!,
                $"a number >= {FgsKeys.FleetDistanceMin} ({minDistance.ToString("R", System.Globalization.CultureInfo.InvariantCulture)})");
        }
        var config = new FleetConfig(
            reader.GetInt(FgsKeys.FleetDevices, 0),
            mix,
            reader.GetChoice(FgsKeys.FleetTierAssignment, AssignmentWords),
            reader.GetDouble(FgsKeys.FleetRamSigma, 0),
            reader.GetDouble(FgsKeys.FleetBatterySigma, 0),
            minDistance,
            maxDistance,
            reader.GetPath(FgsKeys.FleetDeviceTable),
            tiers);
        try
        {
            config.ToFleetSpec();
        }
        catch (ArgumentException e)
        {
            // Every rule of FleetSpec is checked above with the key's name; this only guards against the two drifting apart.
            throw new ConfigException($"config section 'fgs.fleet': {e.Message}", "fgs.fleet", "a valid fleet", innerException: e);
        }
        return config;
    }
}
