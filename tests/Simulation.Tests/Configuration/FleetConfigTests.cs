using FgsActors.Models.Hardware;
using FgsActors.Simulation.Configuration;
using FgsActors.Simulation.Fleet;

namespace FgsActors.Simulation.Tests.Configuration;

/// <summary>The <c>fgs.fleet</c> section: generated-fleet settings, the tier mix and the tier definitions.</summary>
public class FleetConfigTests
{
    [Fact]
    public void TheDefaultsBindToTheBuiltInTiersAndTheDocumentedMix()
    {
        var fleet = FgsSettings.Bind(Trees.WithDefaults(), 4).Fleet;

        Assert.Equal(TierCatalog.All.OrderBy(t => t.Name, StringComparer.Ordinal), fleet.Tiers);
        Assert.Equal(
            new Dictionary<string, double> { ["gateway"] = 0.1, ["microcontroller"] = 0.2, ["sbc"] = 0.3, ["sbc-battery"] = 0, ["smartphone"] = 0.4 },
            fleet.Mix);
        Assert.Equal(1000, fleet.Devices);
        Assert.Equal(TierAssignment.ExactQuota, fleet.Assignment);
        Assert.Equal((0.25, 0.1, 0.05, 1.0), (fleet.RamSigma, fleet.BatterySigma, fleet.MinDistanceKm, fleet.MaxDistanceKm));
        Assert.Equal("", fleet.DeviceTable);
    }

    [Fact]
    public void TheDefaultFleetHasExactlyTheMixedTierCounts()
    {
        var scenario = FgsSettings.Bind(Trees.WithDefaults(), 4).ToFleetScenario();

        Assert.Equal(1000, scenario.Devices.Count);
        var counts = scenario.Devices.GroupBy(d => d.Tier).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["gateway"] = 100, ["microcontroller"] = 200, ["sbc"] = 300, ["smartphone"] = 400 }, counts);
        Assert.Equal(TierCatalog.All.Select(t => t.Name).Order(StringComparer.Ordinal), scenario.Tiers.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(1UL, scenario.Seed);
        Assert.Equal(100_000_000_000L, scenario.EndTicks);
    }

    [Fact]
    public void BindingTwiceGivesEqualSettings()
    {
        // FgsSettings equality is what the render round trip relies on; the fleet section holds collections.
        Assert.Equal(FgsSettings.Bind(Trees.WithDefaults(), 4), FgsSettings.Bind(Trees.WithDefaults(), 4));
        Assert.NotEqual(FgsSettings.Bind(Trees.WithDefaults(), 4), FgsSettings.Bind(Trees.WithDefaults(("fgs.fleet.tiers.sbc.ram-mb", "2048")), 4));
    }

    [Fact]
    public void FleetIsAModel()
    {
        Assert.Equal(RunSettings.Fleet, FgsSettings.Bind(Trees.WithDefaults(("fgs.run.model", "fleet")), 4).Run.Model);
    }

    [Theory]
    [InlineData("fgs.fleet.devices", "-1", "an integer >= 0")]
    [InlineData("fgs.fleet.tier-assignment", "quota", "one of exact, independent")]
    [InlineData("fgs.fleet.ram-sigma", "-0.1", "a number >= 0")]
    [InlineData("fgs.fleet.battery-sigma", "wide", "a number >= 0")]
    [InlineData("fgs.fleet.distance-min", "0", "a number > 0")]
    [InlineData("fgs.fleet.distance-max", "0.01", "a number >= fgs.fleet.distance-min (0.05)")]
    [InlineData("fgs.fleet.mix.sbc", "1.5", "a number in [0, 1]")]
    [InlineData("fgs.fleet.tiers.sbc.min-cpu-hz", "0", "a number > 0")]
    [InlineData("fgs.fleet.tiers.sbc.max-cpu-hz", "1e9", "a number >= fgs.fleet.tiers.sbc.min-cpu-hz (1500000000)")]
    [InlineData("fgs.fleet.tiers.sbc.flops-per-cycle", "-4", "a number > 0")]
    [InlineData("fgs.fleet.tiers.sbc.ram-mb", "0", "a number > 0")]
    [InlineData("fgs.fleet.tiers.sbc.reserved-ram-mb", "4096", "a number >= 0 and below fgs.fleet.tiers.sbc.ram-mb (4096)")]
    [InlineData("fgs.fleet.tiers.sbc.battery-wh", "lots", "a number > 0 or \"mains\"")]
    [InlineData("fgs.fleet.tiers.sbc.battery-wh", "0", "a number > 0 or \"mains\"")]
    [InlineData("fgs.fleet.tiers.sbc.idle-power-w", "-1", "a number >= 0")]
    [InlineData("fgs.fleet.tiers.sbc.active-power-w", "1", "a number >= fgs.fleet.tiers.sbc.idle-power-w (2.7)")]
    [InlineData("fgs.fleet.tiers.sbc.radio", "bluetooth", "a radio class, one of ethernet, wifi, wifi-ac, lte, 5g, lora, nb-iot")]
    [InlineData("fgs.fleet.tiers.sbc.switched-capacitance", "-1e-28", "a number >= 0")]
    [InlineData("fgs.fleet.tiers.sbc.accelerator-flops", "0", "a number > 0 or \"none\"")]
    [InlineData("fgs.fleet.device-table", null, "a file path (empty for none)")]
    public void EveryFleetKeyIsValidated(string key, string? value, string expected)
    {
        var tree = value is null
            ? new ConfigTree(Trees.WithDefaults().Leaves.Values.Select(e => e.Path == key ? e with { Value = null } : e))
            : Trees.WithDefaults((key, value));
        var error = Assert.Throws<ConfigException>(() => FgsSettings.Bind(tree, 4));

        Assert.Equal(key, error.Key);
        Assert.Equal(expected, error.Expected);
        Assert.Equal("test.conf", error.Origin);
        Assert.Equal($"config key '{key}' in test.conf: expected {expected}, found {(value is null ? "null" : $"\"{value}\"")}", error.Message);
    }

    [Fact]
    public void RadioNamesAreCaseInsensitiveAndStoredAsTheCatalogSpellsThem()
    {
        var fleet = FgsSettings.Bind(Trees.WithDefaults(("fgs.fleet.tiers.sbc.radio", "WiFi-AC")), 4).Fleet;
        Assert.Equal("wifi-ac", fleet.Tiers.Single(t => t.Name == "sbc").Radio);
    }

    [Fact]
    public void AnUnknownTierInTheMixIsNamedWithASuggestion()
    {
        var error = Assert.Throws<ConfigException>(() => FgsSettings.Bind(Trees.WithDefaults(("fgs.fleet.mix.smartphon", "0")), 4));

        Assert.Equal("fgs.fleet.mix.smartphon", error.Key);
        Assert.Equal("smartphon", error.Found);
        Assert.Equal(
            "config key 'fgs.fleet.mix.smartphon' in test.conf: expected a tier defined under fgs.fleet.tiers " +
            "(gateway, microcontroller, sbc, sbc-battery, smartphone), found the unknown tier 'smartphon'; did you mean 'smartphone'?",
            error.Message);
    }

    [Fact]
    public void FractionsThatDoNotSumToOneAreListedWithTheirOrigins()
    {
        var error = Assert.Throws<ConfigException>(() => FgsSettings.Bind(Trees.WithDefaults(("fgs.fleet.mix.sbc-battery", "0.5")), 4));

        Assert.Equal("fgs.fleet.mix", error.Key);
        Assert.Contains("sbc-battery = 0.5 (test.conf)", error.Message);
        Assert.Contains("which sum to 1.5", error.Message);
        Assert.Contains("set the tiers you do not want to 0", error.Message);
    }

    [Fact]
    public void AnAllZeroMixIsRefused()
    {
        var zeros = new[] { "gateway", "smartphone", "sbc", "microcontroller" }.Select(t => ($"fgs.fleet.mix.{t}", (string?)"0")).ToArray();
        var error = Assert.Throws<ConfigException>(() => FgsSettings.Bind(Trees.WithDefaults(zeros), 4));
        Assert.Contains("which sum to 0", error.Message);
    }

    [Fact]
    public void AUserTierWithEveryFieldCanMakeUpTheWholeFleet()
    {
        var orin = new HardwareTier("jetson-orin", 1.0e9, 2.2e9, 8, 8 * ByteSize.GiB, 2 * ByteSize.GiB, null, 5, 25, "wifi-ac",
            acceleratorFlopsPerSecond: 1e12);
        var changes = Trees.TierLeaves("jetson-orin", orin).Select(l => (l.Path, (string?)l.Value))
            .Concat(OnlyTier("jetson-orin"))
            .ToArray();

        var settings = FgsSettings.Bind(Trees.WithDefaults(changes), 4);
        var scenario = settings.ToFleetScenario();

        Assert.Equal(orin, settings.Fleet.Tiers.Single(t => t.Name == "jetson-orin"));
        Assert.All(scenario.Devices, d => Assert.Equal("jetson-orin", d.Tier));
        Assert.All(scenario.Devices, d => Assert.InRange(d.CpuHz, 1.0e9, 2.2e9));
    }

    [Fact]
    public void AUserTierMissingAFieldNamesTheMissingKey()
    {
        var leaves = Trees.TierLeaves("custom", TierCatalog.Smartphone).Where(l => !l.Path.EndsWith(".radio", StringComparison.Ordinal));
        var error = Assert.Throws<ConfigException>(() => FgsSettings.Bind(Trees.WithDefaults([.. leaves.Select(l => (l.Path, (string?)l.Value))]), 4));

        Assert.Equal("fgs.fleet.tiers.custom.radio", error.Key);
        Assert.StartsWith("config key 'fgs.fleet.tiers.custom.radio' is missing: tier 'custom' (defined in test.conf) must set every field: min-cpu-hz,", error.Message);
    }

    [Fact]
    public void AnEmptyUserTierNamesItsFirstMissingKey()
    {
        var tree = new ConfigTree(Trees.WithDefaults().Leaves.Values, ["fgs.fleet.tiers.blank"]);
        var error = Assert.Throws<ConfigException>(() => FgsSettings.Bind(tree, 4));
        Assert.Equal("fgs.fleet.tiers.blank.min-cpu-hz", error.Key);
    }

    [Fact]
    public void AMisspeltTierFieldIsAnUnknownKeyWithTheFieldSuggested()
    {
        var error = Assert.Throws<ConfigException>(() => FgsSettings.Bind(Trees.WithDefaults(("fgs.fleet.tiers.sbc.ram-mib", "4096")), 4));
        Assert.Equal("unknown config key 'fgs.fleet.tiers.sbc.ram-mib' in test.conf; did you mean 'fgs.fleet.tiers.sbc.ram-mb'?", error.Message);
    }

    [Fact]
    public void AMisspeltMixSectionSuggestsTheMix()
    {
        var error = Assert.Throws<ConfigException>(() => FgsSettings.Bind(Trees.WithDefaults(("fgs.fleet.mixx.sbc", "0.3")), 4));
        Assert.Equal("unknown config key 'fgs.fleet.mixx.sbc' in test.conf; did you mean 'fgs.fleet.mix.sbc'?", error.Message);
    }

    [Fact]
    public void AValueWhereATierSectionBelongsIsAWrongValue()
    {
        var leaves = Trees.WithDefaults().Leaves.Values.Where(e => !e.Path.StartsWith("fgs.fleet.tiers.gateway.", StringComparison.Ordinal))
            .Append(new ConfigEntry("fgs.fleet.tiers.gateway", "jetson", null, "x.conf:4"));
        var error = Assert.Throws<ConfigException>(() => FgsSettings.Bind(new ConfigTree(leaves), 4));
        Assert.Equal(
            "config key 'fgs.fleet.tiers.gateway' in x.conf:4: expected a section { ... } holding keys such as 'fgs.fleet.tiers.gateway.min-cpu-hz', found \"jetson\"",
            error.Message);
    }

    [Fact]
    public void AnObjectWhereAFractionBelongsIsAWrongValue()
    {
        var leaves = Trees.WithDefaults().Leaves.Values.Where(e => e.Path != "fgs.fleet.mix.sbc-battery");
        var error = Assert.Throws<ConfigException>(() => FgsSettings.Bind(new ConfigTree(leaves, ["fgs.fleet.mix.sbc-battery"]), 4));
        Assert.Equal("config key 'fgs.fleet.mix.sbc-battery': expected a value, found an object", error.Message);
    }

    [Fact]
    public void TheDeviceTableResolvesAgainstTheFileThatSetIt()
    {
        var file = Path.Combine("scenarios", "fleet", "s.conf");
        var fleet = FgsSettings.Bind(WithEntry("fgs.fleet.device-table", "data/devices.csv", file + ":7"), 4).Fleet;
        Assert.Equal(Path.Combine("scenarios", "fleet", "data/devices.csv"), fleet.DeviceTable);
    }

    [Fact]
    public void ADeviceTableFromSetIsRelativeToTheWorkingDirectory()
    {
        var fleet = FgsSettings.Bind(WithEntry("fgs.fleet.device-table", "data/devices.csv", "--set"), 4).Fleet;
        Assert.Equal("data/devices.csv", fleet.DeviceTable);
    }

    [Fact]
    public void TheDeviceTableReplacesTheGeneratedFleet()
    {
        using var dir = new ScratchDir();
        dir.Write("data/devices.csv", "id,tier,cpu_hz,ram_mb,battery_wh,up_bps,down_bps\nphone-a,smartphone,2e9,3072,15,5e6,2e7\nhub,gateway,1.4e9,3072,mains,1e9,1e9\n");
        var settings = FgsSettings.Bind(WithEntry("fgs.fleet.device-table", "data/devices.csv", Path.Combine(dir.Root, "s.conf") + ":3"), 4);

        var devices = settings.ToFleetScenario().Devices;

        Assert.Equal(["phone-a", "hub"], devices.Select(d => d.Name));
        Assert.Equal(["smartphone", "gateway"], devices.Select(d => d.Tier));
        Assert.Null(devices[1].BatteryWh);
        Assert.Equal(3072 * ByteSize.MiB, devices[0].RamBytes);
    }

    [Fact]
    public void AMissingDeviceTableIsAConfigErrorNamingTheKeyAndOnlyWhenTheScenarioIsBuilt()
    {
        using var dir = new ScratchDir();
        var settings = FgsSettings.Bind(WithEntry("fgs.fleet.device-table", "absent.csv", Path.Combine(dir.Root, "s.conf") + ":3"), 4);

        var error = Assert.Throws<ConfigException>(settings.ToFleetScenario);

        Assert.Equal("fgs.fleet.device-table", error.Key);
        Assert.StartsWith($"config key 'fgs.fleet.device-table': cannot read '{Path.Combine(dir.Root, "absent.csv")}': file not found", error.Message);
    }

    [Fact]
    public void AMalformedDeviceTableIsTheReadersErrorWithItsLine()
    {
        using var dir = new ScratchDir();
        dir.Write("d.csv", "id,tier,cpu_hz,ram_mb,battery_wh,up_bps,down_bps\na,smartphone,fast,3072,15,5e6,2e7\n");
        var settings = FgsSettings.Bind(WithEntry("fgs.fleet.device-table", "d.csv", Path.Combine(dir.Root, "s.conf") + ":3"), 4);

        var error = Assert.Throws<Models.Fleet.FleetInputException>(settings.ToFleetScenario);

        Assert.Equal(2, error.Line);
        Assert.Contains("cpu_hz", error.Message);
    }

    // Replaces the tier mix by one tier at fraction 1.
    internal static IEnumerable<(string, string?)> OnlyTier(string tier) =>
        TierCatalog.All.Select(t => ($"fgs.fleet.mix.{t.Name}", (string?)"0")).Append(($"fgs.fleet.mix.{tier}", "1"));

    // The defaults with one key set from the given origin.
    internal static ConfigTree WithEntry(string key, string value, string origin) =>
        new(Trees.WithDefaults().Leaves.Values.Select(e => e.Path == key ? new ConfigEntry(key, value, null, origin) : e));
}
