using System.Globalization;
using FgsActors.Models.Hardware;
using FgsActors.Simulation.Fleet;

namespace FgsActors.Simulation.Configuration;

/// <summary>
/// Reads <c>fgs.fleet.mix</c>: each key a tier name, each value the fraction of devices of that tier. HOCON merges a
/// scenario's <c>mix { ... }</c> into reference.conf's key by key, so a scenario that wants a different mix sets
/// the tiers it does not want to 0; the error for fractions that do not sum to 1 lists every one with its origin.
/// </summary>
internal static class TierMixBinding
{
    /// <summary>Tier name → fraction, every name one of <paramref name="tiers"/>, fractions in [0, 1] summing to 1.</summary>
    public static IReadOnlyDictionary<string, double> Bind(SettingsReader reader, IReadOnlyList<HardwareTier> tiers)
    {
        var names = tiers.Select(t => t.Name).ToList();
        var prefix = FgsKeys.FleetMix + ".";
        var entries = reader.Tree.Under(FgsKeys.FleetMix).Where(e => e.Path.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        var mix = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var name = entry.Path[prefix.Length..];
            if (!names.Contains(name, StringComparer.Ordinal)) throw UnknownTier(entry, name, names);
            mix[name] = reader.GetDouble(entry.Path, 0, 1);
        }

        var sum = mix.Values.Sum();
        if (entries.Count == 0 || Math.Abs(sum - 1.0) > FleetSpec.FractionSumTolerance)
        {
            var listed = string.Join(", ", entries.Select(e => $"{e.Path[prefix.Length..]} = {e.Value} ({e.Origin})"));
            // 12 digits: enough to show a miss of the 1e-9 tolerance, without binary noise such as 0.6000000000000001.
            var found = entries.Count == 0 ? "no tiers" : $"{listed}, which sum to {sum.ToString("G12", CultureInfo.InvariantCulture)}";
            var expected = $"tier fractions summing to 1 (within {FleetSpec.FractionSumTolerance:0e0})";
            var origins = string.Join(", ", entries.Select(e => e.Origin).Distinct(StringComparer.Ordinal));
            throw new ConfigException(
                $"config section '{FgsKeys.FleetMix}': expected {expected}, found {found}; a scenario's mix is merged with " +
                "reference.conf's tier by tier, so set the tiers you do not want to 0",
                FgsKeys.FleetMix, expected, found, origins.Length == 0 ? null : origins);
        }
        return mix;
    }

    private static ConfigException UnknownTier(ConfigEntry entry, string name, IReadOnlyList<string> names)
    {
        var expected = $"a tier defined under {FgsKeys.FleetTiers} ({string.Join(", ", names)})";
        var suggestion = KeySuggester.Suggest(name, names);
        var hint = suggestion is null ? "" : $"; did you mean '{suggestion}'?";
        return new ConfigException(
            $"config key '{entry.Path}' in {entry.Origin}: expected {expected}, found the unknown tier '{name}'{hint}",
            entry.Path, expected, name, entry.Origin);
    }
}
