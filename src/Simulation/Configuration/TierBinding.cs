using System.Globalization;
using FgsActors.Models.Hardware;
using FgsActors.Models.Network;
using static FgsActors.Simulation.Configuration.FgsKeys.TierFields;

namespace FgsActors.Simulation.Configuration;

/// <summary>
/// Reads the hardware tiers of <c>fgs.fleet.tiers</c>: one section per tier, named by its key, each setting every
/// field of <see cref="FgsKeys.TierFields"/>. reference.conf writes out <see cref="TierCatalog"/>'s tiers; a scenario
/// may change their fields or add tiers of its own, which get no defaults.
/// </summary>
internal static class TierBinding
{
    /// <summary>Word for <c>battery-wh</c> of a tier without a battery.</summary>
    public const string Mains = "mains";

    /// <summary>Word for <c>accelerator-flops</c> of a CPU-only tier.</summary>
    public const string NoAccelerator = "none";

    /// <summary>Every tier, in ordinal name order.</summary>
    public static IReadOnlyList<HardwareTier> Bind(SettingsReader reader)
    {
        var names = TierNames(reader.Tree);
        if (names.Count == 0)
        {
            throw new ConfigException(
                $"config key '{FgsKeys.FleetTiers}' defines no tier; at least one is needed (reference.conf defines the built-in ones)",
                FgsKeys.FleetTiers, "at least one tier", "none");
        }
        return names.Select(name => BindTier(reader, name)).ToList();
    }

    /// <summary>Names of the sections under <c>fgs.fleet.tiers</c>, empty ones included.</summary>
    public static IReadOnlyList<string> TierNames(ConfigTree tree)
    {
        var prefix = FgsKeys.FleetTiers + ".";
        return tree.Leaves.Keys.Concat(tree.ObjectPaths)
            .Where(p => p.StartsWith(prefix, StringComparison.Ordinal))
            .Select(p => p[prefix.Length..].Split('.')[0])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static HardwareTier BindTier(SettingsReader reader, string name)
    {
        var fields = new TierFieldReader(reader, name);
        var minCpuHz = fields.Double(MinCpuHz, 0, minExclusive: true);
        var maxCpuHz = fields.Double(MaxCpuHz, 0, minExclusive: true);
        if (maxCpuHz < minCpuHz) throw fields.Invalid(MaxCpuHz, $"a number >= {Key(name, MinCpuHz)} ({Format(minCpuHz)})");
        var flopsPerCycle = fields.Double(FlopsPerCycle, 0, minExclusive: true);
        var ramMb = fields.Double(RamMb, 0, minExclusive: true);
        var ramBytes = Bytes(fields, RamMb, ramMb);
        if (ramBytes < 1) throw fields.Invalid(RamMb, "a number of MiB of at least one byte");
        var reservedRamMb = fields.Double(ReservedRamMb, 0);
        var reservedRamBytes = Bytes(fields, ReservedRamMb, reservedRamMb);
        if (reservedRamBytes >= ramBytes)
            throw fields.Invalid(ReservedRamMb, $"a number >= 0 and below {Key(name, RamMb)} ({Format(ramMb)})");
        var batteryWh = fields.DoubleOrWord(BatteryWh, Mains, 0, minExclusive: true);
        var idlePowerW = fields.Double(IdlePowerW, 0);
        var activePowerW = fields.Double(ActivePowerW, 0);
        if (activePowerW < idlePowerW) throw fields.Invalid(ActivePowerW, $"a number >= {Key(name, IdlePowerW)} ({Format(idlePowerW)})");
        var radio = ReadRadio(fields);
        var switchedCapacitance = fields.Double(SwitchedCapacitance, 0);
        var acceleratorFlops = fields.DoubleOrWord(AcceleratorFlops, NoAccelerator, 0, minExclusive: true);
        try
        {
            return new HardwareTier(name, minCpuHz, maxCpuHz, flopsPerCycle, ramBytes, reservedRamBytes, batteryWh,
                idlePowerW, activePowerW, radio, switchedCapacitance, acceleratorFlops);
        }
        catch (ArgumentException e)
        {
            // The checks above mirror the constructor's; this only guards against the two drifting apart.
            var key = $"{FgsKeys.FleetTiers}.{name}";
            throw new ConfigException($"config section '{key}': {e.Message}", key, "a valid hardware tier", found: null, fields.Origin, e);
        }
    }

    // MiB to bytes, rounded to the byte; sizes beyond a long are refused rather than wrapped.
    private static long Bytes(TierFieldReader fields, string field, double mib)
    {
        var bytes = Math.Round(mib * ByteSize.MiB);
        return bytes < long.MaxValue ? (long)bytes : throw fields.Invalid(field, "a number of MiB below 8 EiB");
    }

    private static string ReadRadio(TierFieldReader fields)
    {
        var text = fields.String(Radio);
        if (RadioCatalog.TryGet(text, out var radio)) return radio.Name;
        var known = string.Join(", ", RadioCatalog.All.Select(r => r.Name));
        throw fields.Invalid(Radio, $"a radio class, one of {known}");
    }

    private static string Key(string tier, string field) => FgsKeys.TierField(tier, field);

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    // Reads the fields of one tier; a missing field is reported as such (user tiers get no defaults), not as a
    // gap in reference.conf.
    private sealed class TierFieldReader(SettingsReader reader, string tier)
    {
        private static readonly string Requirement = "every field: " + string.Join(", ", FgsKeys.TierFields.All);

        public string? Origin { get; } = reader.Tree.Under($"{FgsKeys.FleetTiers}.{tier}").FirstOrDefault()?.Origin;

        public double Double(string field, double min, bool minExclusive = false) =>
            reader.GetDouble(Present(field), min, minExclusive: minExclusive);

        public double? DoubleOrWord(string field, string word, double min, bool minExclusive = false) =>
            reader.GetDoubleOrWord(Present(field), word, min, minExclusive: minExclusive);

        public string String(string field) => reader.GetString(Present(field));

        public ConfigException Invalid(string field, string expected) =>
            ConfigException.InvalidValue(reader.Tree.Find(Key(tier, field))!, expected);

        private string Present(string field)
        {
            var key = Key(tier, field);
            if (reader.Tree.Find(key) is null && !reader.Tree.ObjectPaths.Contains(key))
                throw ConfigException.MissingInSection(key, $"tier '{tier}'", Origin, Requirement);
            return key;
        }
    }
}
