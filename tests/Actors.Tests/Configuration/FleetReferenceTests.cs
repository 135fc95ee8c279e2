using FgsActors.Actors.Configuration;
using FgsActors.Models.Availability;
using FgsActors.Models.Hardware;
using FgsActors.Models.Network;
using FgsActors.Simulation.Configuration;
using FgsActors.Simulation.Federation;
using FgsActors.Simulation.Fleet;

namespace FgsActors.Actors.Tests.Configuration;

/// <summary>The fleet sections of config/reference.conf as parsed from the file, and fleet keys in scenario files.</summary>
public sealed class FleetReferenceTests : IDisposable
{
    private readonly TempConfigDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void TheReferenceTiersAreTheCatalogsFigureForFigure()
    {
        var tiers = FgsSettings.Bind(HoconLoader.Load(null).Tree, 2).Fleet.Tiers;

        // Record equality: every field, bit for bit, so reference.conf cannot drift from TierCatalog.
        Assert.Equal(TierCatalog.All.OrderBy(t => t.Name, StringComparer.Ordinal), tiers);
    }

    [Fact]
    public void TheReferenceBindsToTheDocumentedFleetDefaults()
    {
        var settings = FgsSettings.Bind(HoconLoader.Load(null).Tree, 2);

        var fleet = settings.Fleet;
        Assert.Equal(1000, fleet.Devices);
        Assert.Equal(
            new Dictionary<string, double> { ["gateway"] = 0.1, ["microcontroller"] = 0.2, ["sbc"] = 0.3, ["sbc-battery"] = 0, ["smartphone"] = 0.4 },
            fleet.Mix);
        Assert.Equal((TierAssignment.ExactQuota, 0.25, 0.1, 0.05, 1.0, ""),
            (fleet.Assignment, fleet.RamSigma, fleet.BatterySigma, fleet.MinDistanceKm, fleet.MaxDistanceKm, fleet.DeviceTable));
        Assert.Equal(new FleetWorkload(25_450, 4, WorkloadCost.FromFlops(152_700), 6_608, 16, OptimizerState.SgdMomentum, 600, 0.5, 1), settings.Workload);
        Assert.Equal(new NetworkSettings(0.01, new NoJitter(), new PacketLoss(0.01, 12_000, 7, 0.2), 10e9, 10e9, 200), settings.Network);
        Assert.Equal(
            new ChurnConfig(ChurnModel.None, PeriodDistribution.Exponential, PeriodDistribution.Exponential, 7_200_000_000_000L, 3_600_000_000_000L,
                1.0, 1.0, false, 20, 0.5, DiurnalTarget.OffToOnRate, ""),
            settings.Churn);
        Assert.Equal(new BatteryConfig(1.0, RechargeMode.Never, 28_800_000_000_000L, 22, 7), settings.Battery);
        Assert.Equal(
            new AggregatorSettings(AggregationMode.Sync, 100, 1.3, 300_000_000_000L, StragglerPolicy.DropLate, 100, 60_000_000_000L, 10, 100),
            settings.Aggregator);
    }

    [Fact]
    public void DataFilesResolveAgainstTheFileThatSetsThemEvenWhenIncluded()
    {
        _dir.Write("fleets/common.conf", "fgs.fleet.device-table = \"tables/devices.csv\"\nfgs.churn.trace = \"avail.csv\"\n");
        _dir.Write("fleets/tables/devices.csv", "id,tier,cpu_hz,ram_mb,battery_wh,up_bps,down_bps\nd1,sbc-battery,1.6e9,2048,30,50e6,50e6\n");
        _dir.Write("fleets/avail.csv", "device_id,online_from_s,online_to_s\nd1,0,600\n");
        var scenario = _dir.Write("scenarios/s.conf", """
            include "../fleets/common.conf"
            fgs.run.model = fleet
            fgs.churn.model = trace
            """);

        var settings = FgsSettings.Bind(HoconLoader.Load(scenario).Tree, 2);
        var built = settings.ToFleetScenario();

        Assert.Equal(_dir.PathOf("fleets/tables/devices.csv"), Path.GetFullPath(settings.Fleet.DeviceTable));
        Assert.Equal(_dir.PathOf("fleets/avail.csv"), Path.GetFullPath(settings.Churn.TracePath));
        Assert.Equal("d1", Assert.Single(built.Devices).Name);
        Assert.Equal(ChurnModel.Trace, built.Churn.Model);
    }

    [Fact]
    public void APathFromSetIsRelativeToTheWorkingDirectory()
    {
        var settings = FgsSettings.Bind(HoconLoader.Load(null, ["fgs.fleet.device-table=tables/d.csv"]).Tree, 2);
        Assert.Equal("tables/d.csv", settings.Fleet.DeviceTable);
    }

    [Fact]
    public void AScenarioCanAddAHyphenatedTierAndGiveItTheWholeMix()
    {
        var scenario = _dir.Write("s.conf", """
            fgs.fleet {
              devices = 10
              tiers.jetson-orin {
                min-cpu-hz = 1.0e9
                max-cpu-hz = 2.2e9
                flops-per-cycle = 8
                ram-mb = 8192
                reserved-ram-mb = 2048
                battery-wh = mains
                idle-power-w = 5
                active-power-w = 25
                radio = wifi-ac
                switched-capacitance = 1e-28
                accelerator-flops = 1e12
              }
              mix { jetson-orin = 1, gateway = 0, smartphone = 0, sbc = 0, microcontroller = 0 }
            }
            """);

        var settings = FgsSettings.Bind(HoconLoader.Load(scenario).Tree, 2);
        var devices = settings.ToFleetScenario().Devices;

        Assert.Equal(6, settings.Fleet.Tiers.Count);
        Assert.Equal(10, devices.Count);
        Assert.All(devices, d => Assert.Equal("jetson-orin", d.Tier));
        Assert.Equal(6 * ByteSize.GiB, devices.Sum(d => d.RamBytes) / devices.Count, 0.5 * ByteSize.GiB);
    }

    [Fact]
    public void AMixThatForgetsTheReferenceTiersSaysWhereEachFractionCameFrom()
    {
        var scenario = _dir.Write("s.conf", "fgs.fleet.mix {\n  sbc-battery = 0.5\n  smartphone = 0.5\n}\n");

        var error = Assert.Throws<ConfigException>(() => FgsSettings.Bind(HoconLoader.Load(scenario).Tree, 2));

        Assert.Equal("fgs.fleet.mix", error.Key);
        Assert.Contains($"sbc-battery = 0.5 ({scenario}:2)", error.Message);
        Assert.Contains("gateway = 0.1 (reference.conf)", error.Message);
        Assert.Contains("which sum to 1.6", error.Message);
    }

    [Fact]
    public void FleetKeysSurviveRenderingAndReloading()
    {
        var scenario = _dir.Write("s.conf", """
            fgs {
              run.model = fleet
              fleet { tiers.sbc.radio = wifi-ac, mix { sbc = 0.5, smartphone = 0.2 } }
              network { jitter = pareto, up-capacity-bps = unlimited }
              churn { model = renewal, on-distribution = weibull, weibull-shape-on = 0.7, diurnal = on }
              battery.recharge = diurnal
              aggregator { straggler-policy = first-k, target-updates = 120 }
            }
            """);
        var first = HoconLoader.Load(scenario);
        var second = HoconLoader.Load(_dir.Write("effective.conf", ConfigRenderer.Render(first.Tree)));

        Assert.Equal(FgsSettings.Bind(first.Tree, 4), FgsSettings.Bind(second.Tree, 4));
    }
}
