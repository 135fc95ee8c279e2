using FgsActors.Actors.Configuration;
using FgsActors.Models.Hardware;
using FgsActors.Simulation.Configuration;

namespace FgsActors.Actors.Tests.Configuration;

/// <summary>config/reference.conf and the scenarios in config/scenarios, as shipped.</summary>
public class ShippedConfigTests
{
    [Fact]
    public void TheBuiltInReferenceIsTheFileInConfig()
    {
        var onDisk = HoconLoader.Load(RepositoryFiles.PathOf("config/reference.conf")).Tree;
        var builtIn = HoconLoader.Load(null).Tree;

        Assert.Equal(
            builtIn.Under("fgs").Select(e => (e.Path, e.Value)),
            onDisk.Under("fgs").Select(e => (e.Path, e.Value)));
    }

    [Fact]
    public void TheReferenceDefinesExactlyTheKeysTheBinderReads()
    {
        var paths = HoconLoader.Load(null).Tree.Under("fgs").Select(e => e.Path).ToList();
        Assert.Equal(FgsKeys.All.Order(StringComparer.Ordinal), paths.Where(p => !IsTierKey(p)));

        // Keys named by tiers: a fraction for each built-in tier, and every field of each.
        var tiers = TierCatalog.All.Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(tiers.Select(FgsKeys.MixShare), paths.Where(p => p.StartsWith(FgsKeys.FleetMix + ".", StringComparison.Ordinal)));
        Assert.Equal(
            tiers.SelectMany(t => FgsKeys.TierFields.All.Select(f => FgsKeys.TierField(t, f))).Order(StringComparer.Ordinal),
            paths.Where(p => p.StartsWith(FgsKeys.FleetTiers + ".", StringComparison.Ordinal)));
    }

    /// <summary>True for keys whose names include a tier name (under fgs.fleet.mix and fgs.fleet.tiers).</summary>
    internal static bool IsTierKey(string path) =>
        path.StartsWith(FgsKeys.FleetMix + ".", StringComparison.Ordinal) || path.StartsWith(FgsKeys.FleetTiers + ".", StringComparison.Ordinal);

    [Fact]
    public void TheReferenceBindsToTheDocumentedDefaults()
    {
        var settings = FgsSettings.Bind(HoconLoader.Load(null).Tree, processorCount: 2);

        Assert.Equal(new RunSettings("phold", 1UL, 100L * 1_000_000_000, "default"), settings.Run);
        Assert.Equal(new KernelSettings(8, 2), settings.Kernel); // auto: 4 partitions per core, 1 worker per core
        Assert.Equal(new PholdConfig(100_000, 1, 0.9, 100L * 1_000_000, 1_000_000_000L), settings.Phold);
        Assert.Equal(new SparseConfig(100_000, 3_600L * 1_000_000_000, 0.01, 1_000_000L, 1_000_000L), settings.Sparse);
        Assert.Equal(new OutputSettings(""), settings.Output);
    }

    [Fact]
    public void QuickstartIsASmallFleetRun()
    {
        var path = RepositoryFiles.PathOf("config/scenarios/quickstart.conf");
        var loaded = HoconLoader.Load(path);
        var settings = FgsSettings.Bind(loaded.Tree, processorCount: 2);

        Assert.Equal(new RunSettings("fleet", 1UL, 2L * 3_600 * 1_000_000_000, "quickstart"), settings.Run);
        Assert.Equal(1_000, settings.Fleet.Devices);
        Assert.EndsWith("quickstart.conf:" + LineOf("config/scenarios/quickstart.conf", "devices = 1000"), loaded.Tree.Find("fgs.fleet.devices")!.Origin);
        // Keys it leaves alone come from the included reference file, not the built-in fallback.
        Assert.EndsWith("reference.conf:" + LineOf("config/reference.conf", "mean-gap = 1h"), loaded.Tree.Find("fgs.sparse.mean-gap")!.Origin);
    }

    [Fact]
    public void PholdSmallIsATenthOfTheBenchmark()
    {
        var settings = FgsSettings.Bind(HoconLoader.Load(RepositoryFiles.PathOf("config/scenarios/phold-small.conf")).Tree, processorCount: 2);

        Assert.Equal(new RunSettings("phold", 1UL, 10L * 1_000_000_000, "phold-small"), settings.Run);
        Assert.Equal(new PholdConfig(10_000, 1, 0.9, 100_000_000L, 1_000_000_000L), settings.Phold);
    }

    private static int LineOf(string file, string content) =>
        1 + Array.FindIndex(File.ReadAllLines(RepositoryFiles.PathOf(file)), l => l.Trim() == content);
}
