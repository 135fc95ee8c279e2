using FgsActors.Models.Fleet;
using FgsActors.Models.Hardware;
using FgsActors.Models.Network;

namespace FgsActors.Simulation.Fleet;

/// <summary>Builds device profiles from a <see cref="FleetSpec"/> or an imported device table.</summary>
public static class FleetGenerator
{
    /// <summary>
    /// The fleet of <paramref name="spec"/> under run seed <paramref name="seed"/>. Deterministic per device: device i's
    /// draws come only from its own streams (<see cref="FleetStreams"/>). Under <see cref="TierAssignment.Independent"/>
    /// device i is identical in every fleet size; under <see cref="TierAssignment.ExactQuota"/> its clock, RAM, battery
    /// and distance draws are too, but which tier it gets depends on its key's rank among N devices.
    /// </summary>
    public static IReadOnlyList<DeviceProfile> Generate(FleetSpec spec, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var n = spec.DeviceCount;
        var fractions = spec.Shares.Select(s => s.Fraction).ToArray();
        var quota = spec.Assignment == TierAssignment.ExactQuota ? TierQuota.ByQuota(fractions, n, seed) : null;
        var devices = new DeviceProfile[n];
        for (var i = 0; i < n; i++)
        {
            var t = quota?[i] ?? TierQuota.Independent(fractions, i, seed);
            devices[i] = DeviceVariation.Draw(spec, spec.Shares[t].Tier, seed, i);
        }
        return devices;
    }

    /// <summary>
    /// Profiles from an imported device table (<see cref="DeviceTableCsv"/>): clock, RAM (already the workload's
    /// share, MiB), battery and rates as the table says; radio class and idle/active power from the named tier.
    /// Ids are row positions (0-based); names are the table's ids.
    /// </summary>
    public static IReadOnlyList<DeviceProfile> FromDeviceTable(IReadOnlyList<DeviceRecord> records, IReadOnlyList<HardwareTier> tiers)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(tiers);
        var byName = tiers.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var devices = new DeviceProfile[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            var r = records[i];
            if (!byName.TryGetValue(r.Tier, out var tier))
                throw new ArgumentException(
                    $"device table line {r.Line}: device '{r.Id}' names unknown tier '{r.Tier}'; known tiers: {string.Join(", ", byName.Keys.Order(StringComparer.Ordinal))}",
                    nameof(records));
            if (!RadioCatalog.TryGet(tier.Radio, out var radio))
                throw new ArgumentException($"tier '{tier.Name}': unknown radio class '{tier.Radio}'", nameof(tiers));
            var ramBytes = (long)Math.Round(r.RamMb * ByteSize.MiB);
            devices[i] = new DeviceProfile(i, r.Id, tier.Name, r.CpuHz, ramBytes, r.BatteryWh, radio.Name,
                DistanceKm: null, r.UpBps, r.DownBps, tier.IdlePowerW, tier.ActivePowerW);
        }
        return devices;
    }
}
