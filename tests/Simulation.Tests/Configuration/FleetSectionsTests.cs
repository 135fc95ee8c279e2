using FgsActors.Models.Availability;
using FgsActors.Models.Energy;
using FgsActors.Models.Hardware;
using FgsActors.Models.Network;
using FgsActors.Simulation.Configuration;
using FgsActors.Simulation.Federation;

namespace FgsActors.Simulation.Tests.Configuration;

/// <summary>The sections a fleet run reads besides <c>fgs.fleet</c>: workload, network, churn, battery, aggregator.</summary>
public class FleetSectionsTests
{
    private const string Duration = "a duration such as 100ms, 1 h or 0.1s (a bare number means seconds)";

    [Fact]
    public void TheDefaultsBindToHandComputedValues()
    {
        var settings = FgsSettings.Bind(Trees.WithDefaults(), 4);

        // MLP 784-32-10: 25,450 parameters, 6 FLOP per parameter and sample, (784 + 32 + 10) × 4 B × 2 of activations.
        Assert.Equal(new FleetWorkload(25_450, 4, WorkloadCost.FromFlops(152_700), 6_608, 16, OptimizerState.SgdMomentum, 600, 0.5, 1), settings.Workload);
        Assert.Equal(101_800L, settings.Workload.ModelBytes);
        Assert.Equal(new NetworkSettings(0.01, new NoJitter(), new PacketLoss(0.01, 12_000, 7, 0.2), 10e9, 10e9, 200), settings.Network);
        Assert.Equal(
            new ChurnConfig(ChurnModel.None, PeriodDistribution.Exponential, PeriodDistribution.Exponential, 7_200_000_000_000L, 3_600_000_000_000L,
                1.0, 1.0, false, 20, 0.5, DiurnalTarget.OffToOnRate, ""),
            settings.Churn);
        Assert.Equal(new BatteryConfig(1.0, RechargeMode.Never, 28_800_000_000_000L, 22, 7), settings.Battery);
        Assert.Equal(
            new AggregatorSettings(AggregationMode.Sync, 100, 1.3, 300_000_000_000L, StragglerPolicy.DropLate, 100, 60_000_000_000L, 10, 100),
            settings.Aggregator);
        Assert.Equal(130, settings.Aggregator.Invited);
    }

    [Theory]
    [InlineData("fgs.workload.parameters", "0", "an integer >= 1")]
    [InlineData("fgs.workload.bytes-per-parameter", "0", "an integer >= 1")]
    [InlineData("fgs.workload.flops-per-sample", "-1", "a number >= 0")]
    [InlineData("fgs.workload.cycles-per-sample", "many", "a number >= 0 or \"auto\"")]
    [InlineData("fgs.workload.activation-bytes-per-sample", "-1", "an integer >= 0")]
    [InlineData("fgs.workload.batch-size", "0", "an integer >= 1")]
    [InlineData("fgs.workload.optimizer", "rmsprop", "one of sgd, sgd-momentum, adam")]
    [InlineData("fgs.workload.samples-per-device", "0.5", "a number >= 1")]
    [InlineData("fgs.workload.samples-sigma", "-1", "a number >= 0")]
    [InlineData("fgs.workload.local-epochs", "0", "a number > 0")]
    [InlineData("fgs.network.backhaul-latency", "0", Duration + " >= 1ns")]
    [InlineData("fgs.network.jitter", "uniform", "one of none, normal, lognormal, pareto")]
    [InlineData("fgs.network.jitter-mean", "-1ms", Duration)]
    [InlineData("fgs.network.jitter-std", "0", Duration + " >= 1ns")]
    [InlineData("fgs.network.jitter-median", "0ms", Duration + " >= 1ns")]
    [InlineData("fgs.network.jitter-sigma", "0", "a number > 0")]
    [InlineData("fgs.network.jitter-shape", "-1", "a number > 0")]
    [InlineData("fgs.network.jitter-scale", "0", Duration + " >= 1ns")]
    [InlineData("fgs.network.packet-loss", "1", "a number in [0, 1)")]
    [InlineData("fgs.network.packet-loss", "-0.01", "a number in [0, 1)")]
    [InlineData("fgs.network.packet-bytes", "0", "an integer >= 1")]
    [InlineData("fgs.network.max-retries", "-1", "an integer >= 0")]
    [InlineData("fgs.network.retry-delay", "-1s", Duration)]
    [InlineData("fgs.network.down-capacity-bps", "0", "a number > 0 or \"unlimited\"")]
    [InlineData("fgs.network.up-capacity-bps", "fast", "a number > 0 or \"unlimited\"")]
    [InlineData("fgs.network.control-bytes", "-1", "an integer >= 0")]
    [InlineData("fgs.churn.model", "markov", "one of none, renewal, trace")]
    [InlineData("fgs.churn.on-distribution", "pareto", "one of exponential, weibull")]
    [InlineData("fgs.churn.off-distribution", "normal", "one of exponential, weibull")]
    [InlineData("fgs.churn.mean-online", "0", Duration + " >= 1ns")]
    [InlineData("fgs.churn.mean-offline", "-1h", Duration + " >= 1ns")]
    [InlineData("fgs.churn.weibull-shape-on", "0", "a number > 0")]
    [InlineData("fgs.churn.weibull-shape-off", "0.001", "a number > 0 for which the Weibull scale mean / Γ(1 + 1/k) is a positive number (k of about 0.006 or more)")]
    [InlineData("fgs.churn.diurnal", "maybe", "true or false (yes/no and on/off also work)")]
    [InlineData("fgs.churn.diurnal-peak-hour", "24", "a number in [0, 24)")]
    [InlineData("fgs.churn.diurnal-amplitude", "1", "a number in [0, 1)")]
    [InlineData("fgs.churn.diurnal-target", "evening", "one of off-to-on-rate, on-period-length, both")]
    [InlineData("fgs.battery.initial-charge", "0", "a number in (0, 1]")]
    [InlineData("fgs.battery.initial-charge", "1.1", "a number in (0, 1]")]
    [InlineData("fgs.battery.recharge", "solar", "one of never, fixed, diurnal")]
    [InlineData("fgs.battery.recharge-delay", "-1h", Duration)]
    [InlineData("fgs.battery.charge-window-start-hour", "24", "a number in [0, 24)")]
    [InlineData("fgs.battery.charge-window-end-hour", "25", "a number in [0, 24]")]
    [InlineData("fgs.battery.charge-window-end-hour", "22", "an hour in [0, 24] other than fgs.battery.charge-window-start-hour (22)")]
    [InlineData("fgs.aggregator.mode", "semi", "one of sync, async")]
    [InlineData("fgs.aggregator.clients-per-round", "0", "an integer >= 1")]
    [InlineData("fgs.aggregator.over-commit", "0.9", "a number >= 1")]
    [InlineData("fgs.aggregator.deadline", "0s", Duration + " >= 1ns")]
    [InlineData("fgs.aggregator.straggler-policy", "wait", "one of drop-late, first-k")]
    [InlineData("fgs.aggregator.target-updates", "0", "an integer >= 1 or \"auto\"")]
    [InlineData("fgs.aggregator.target-updates", "131",
        "an integer in [1, 130] (the devices invited per round, ⌈fgs.aggregator.clients-per-round × fgs.aggregator.over-commit⌉) or \"auto\"")]
    [InlineData("fgs.aggregator.check-in-period", "0", Duration + " >= 1ns")]
    [InlineData("fgs.aggregator.buffer-size", "0", "an integer >= 1")]
    [InlineData("fgs.aggregator.concurrency", "-5", "an integer >= 1")]
    public void EveryKeyIsValidated(string key, string value, string expected)
    {
        var error = Assert.Throws<ConfigException>(() => FgsSettings.Bind(Trees.WithDefaults((key, value)), 4));

        Assert.Equal(key, error.Key);
        Assert.Equal(expected, error.Expected);
        Assert.Equal("test.conf", error.Origin);
        Assert.Equal($"config key '{key}' in test.conf: expected {expected}, found \"{value}\"", error.Message);
    }

    [Fact]
    public void AModelTooLargeForItsByteCountIsRefused()
    {
        var error = Assert.Throws<ConfigException>(() =>
            FgsSettings.Bind(Trees.WithDefaults(("fgs.workload.parameters", "4611686018427387904")), 4));
        Assert.Equal("fgs.workload.parameters", error.Key);
    }

    [Fact]
    public void CyclesPerSampleReplacesTheFlopCostAndOptimizersCountTheirState()
    {
        var workload = FgsSettings.Bind(Trees.WithDefaults(("fgs.workload.cycles-per-sample", "2e6"), ("fgs.workload.optimizer", "adam")), 4).Workload;
        Assert.Equal(WorkloadCost.FromCycles(2e6), workload.Cost);
        Assert.Equal(OptimizerState.Adam, workload.OptimizerStateCopies);
    }

    [Theory]
    [InlineData("normal")]
    [InlineData("lognormal")]
    [InlineData("pareto")]
    public void EachJitterDistributionIsBuiltFromItsKeys(string kind)
    {
        var network = FgsSettings.Bind(Trees.WithDefaults(("fgs.network.jitter", kind)), 4).Network;

        JitterDistribution expected = kind switch
        {
            "normal" => new NormalJitter(0.005, 0.002),
            "lognormal" => LogNormalJitter.FromMedian(0.005, 0.5),
            _ => new ParetoJitter(1.5, 0.001),
        };
        Assert.Equal(expected, network.Jitter);
    }

    [Fact]
    public void NoLossMeansNoLossModelAndUnlimitedCapacityIsInfinite()
    {
        var network = FgsSettings.Bind(
            Trees.WithDefaults(("fgs.network.packet-loss", "0"), ("fgs.network.up-capacity-bps", "Unlimited"), ("fgs.network.backhaul-latency", "25ms")), 4).Network;

        Assert.Null(network.Loss);
        Assert.Equal(double.PositiveInfinity, network.UpCapacityBps);
        Assert.Equal(10e9, network.DownCapacityBps);
        Assert.Equal(0.025, network.BackhaulLatencyS);
    }

    [Fact]
    public void RenewalChurnKeepsTheConfiguredMeansForWeibullPeriods()
    {
        var churn = FgsSettings.Bind(Trees.WithDefaults(
            ("fgs.churn.model", "renewal"),
            ("fgs.churn.on-distribution", "weibull"),
            ("fgs.churn.weibull-shape-on", "0.5"),
            ("fgs.churn.diurnal", "on"),
            ("fgs.churn.diurnal-target", "both")), 4).Churn;

        var settings = churn.ToChurnSettings();

        Assert.Equal(ChurnModel.Renewal, settings.Model);
        var process = settings.Renewal!;
        var on = Assert.IsType<WeibullOnOff>(process.On);
        Assert.Equal(0.5, on.Shape);
        Assert.Equal(3_600.0, on.ScaleS, 9); // Γ(1 + 1/0.5) = Γ(3) = 2, so λ = 2 h / 2
        Assert.Equal(7_200.0, on.MeanS, 9);
        Assert.Equal(3_600.0, Assert.IsType<ExponentialOnOff>(process.Off).MeanS);
        Assert.Equal((20.0, 0.5, DiurnalTarget.Both), (process.Diurnal!.PeakHour, process.Diurnal.Amplitude, process.Diurnal.Target));
    }

    [Fact]
    public void NoChurnIsAlwaysOnline()
    {
        Assert.Same(ChurnSettings.AlwaysOnline, FgsSettings.Bind(Trees.WithDefaults(), 4).Churn.ToChurnSettings());
    }

    [Fact]
    public void TraceChurnNeedsATrace()
    {
        var error = Assert.Throws<ConfigException>(() => FgsSettings.Bind(Trees.WithDefaults(("fgs.churn.model", "trace")), 4));

        Assert.Equal("fgs.churn.trace", error.Key);
        Assert.Equal("config key 'fgs.churn.trace' in test.conf: expected the path of an availability trace CSV (required when fgs.churn.model = trace), found \"\"", error.Message);
    }

    [Fact]
    public void TheTraceResolvesAgainstTheFileThatSetItAndIsReadWhenTheScenarioIsBuilt()
    {
        using var dir = new ScratchDir();
        dir.Write("traces/t.csv", "device_id,online_from_s,online_to_s\n0,0,3600\n1,100,200\n");
        var tree = new ConfigTree(FleetConfigTests.WithEntry("fgs.churn.trace", "traces/t.csv", Path.Combine(dir.Root, "s.conf") + ":9").Leaves.Values
            .Select(e => e.Path == "fgs.churn.model" ? e with { Value = "trace" } : e));
        var settings = FgsSettings.Bind(tree, 4);

        Assert.Equal(Path.Combine(dir.Root, "traces/t.csv"), settings.Churn.TracePath);
        var churn = settings.ToFleetScenario().Churn;
        Assert.Equal(ChurnModel.Trace, churn.Model);
        Assert.NotNull(churn.Trace);
    }

    [Fact]
    public void AMissingTraceIsAConfigErrorNamingTheKey()
    {
        var tree = new ConfigTree(FleetConfigTests.WithEntry("fgs.churn.trace", "no-such-trace.csv", "--set").Leaves.Values
            .Select(e => e.Path == "fgs.churn.model" ? e with { Value = "trace" } : e));
        var settings = FgsSettings.Bind(tree, 4);

        var error = Assert.Throws<ConfigException>(settings.Churn.ToChurnSettings);
        Assert.Equal("fgs.churn.trace", error.Key);
        Assert.Contains("file not found", error.Message);
    }

    [Fact]
    public void RechargeWordsChooseTheirPolicies()
    {
        Assert.Same(RechargePolicy.Never, FgsSettings.Bind(Trees.WithDefaults(), 4).Battery.ToRechargePolicy());

        var fixedDelay = FgsSettings.Bind(Trees.WithDefaults(("fgs.battery.recharge", "fixed")), 4).Battery.ToBatterySettings();
        Assert.Equal(28_800.0, Assert.IsType<FixedDelayRecharge>(fixedDelay.Recharge).DelaySeconds);
        Assert.Equal(1.0, fixedDelay.InitialStateOfCharge);

        var window = FgsSettings.Bind(Trees.WithDefaults(("fgs.battery.recharge", "diurnal"), ("fgs.battery.initial-charge", "0.5")), 4).Battery.ToBatterySettings();
        var recharge = Assert.IsType<DiurnalWindowRecharge>(window.Recharge);
        Assert.Equal((22.0, 7.0), (recharge.WindowStartHour, recharge.WindowEndHour));
        Assert.Equal(0.5, window.InitialStateOfCharge);
    }

    [Fact]
    public void TargetUpdatesMayBeAnyNumberUpToTheInvitedDevices()
    {
        var aggregator = FgsSettings.Bind(Trees.WithDefaults(
            ("fgs.aggregator.target-updates", "130"), ("fgs.aggregator.straggler-policy", "first-k"), ("fgs.aggregator.mode", "async")), 4).Aggregator;

        Assert.Equal(130, aggregator.TargetUpdates);
        Assert.Equal(StragglerPolicy.FirstK, aggregator.Policy);
        Assert.Equal(AggregationMode.Async, aggregator.Mode);
    }
}
