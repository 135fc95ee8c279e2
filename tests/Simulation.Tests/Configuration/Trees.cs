using System.Globalization;
using FgsActors.Models.Hardware;
using FgsActors.Simulation.Configuration;

namespace FgsActors.Simulation.Tests.Configuration;

/// <summary>Hand-built config trees: the reference defaults as text, with chosen keys replaced.</summary>
internal static class Trees
{
    public const string Origin = "test.conf";

    // The defaults of config/reference.conf, written out by hand.
    private static readonly Dictionary<string, string> Defaults = new()
    {
        ["fgs.run.name"] = "default",
        ["fgs.run.model"] = "phold",
        ["fgs.run.seed"] = "1",
        ["fgs.run.end"] = "100s",
        ["fgs.kernel.partitions"] = "auto",
        ["fgs.kernel.workers"] = "auto",
        ["fgs.phold.lps"] = "100000",
        ["fgs.phold.events-per-lp"] = "1",
        ["fgs.phold.remote"] = "0.9",
        ["fgs.phold.lookahead"] = "100ms",
        ["fgs.phold.mean"] = "1s",
        ["fgs.sparse.leaves"] = "100000",
        ["fgs.sparse.mean-gap"] = "1h",
        ["fgs.sparse.send-fraction"] = "0.01",
        ["fgs.sparse.latency-min"] = "1ms",
        ["fgs.sparse.jitter-mean"] = "1ms",
        ["fgs.fleet.devices"] = "1000",
        ["fgs.fleet.mix.gateway"] = "0.1",
        ["fgs.fleet.mix.smartphone"] = "0.4",
        ["fgs.fleet.mix.sbc"] = "0.3",
        ["fgs.fleet.mix.sbc-battery"] = "0",
        ["fgs.fleet.mix.microcontroller"] = "0.2",
        ["fgs.fleet.tier-assignment"] = "exact",
        ["fgs.fleet.ram-sigma"] = "0.25",
        ["fgs.fleet.battery-sigma"] = "0.1",
        ["fgs.fleet.distance-min"] = "0.05",
        ["fgs.fleet.distance-max"] = "1.0",
        ["fgs.fleet.device-table"] = "",
        ["fgs.workload.parameters"] = "25450",
        ["fgs.workload.bytes-per-parameter"] = "4",
        ["fgs.workload.flops-per-sample"] = "152700",
        ["fgs.workload.cycles-per-sample"] = "auto",
        ["fgs.workload.activation-bytes-per-sample"] = "6608",
        ["fgs.workload.batch-size"] = "16",
        ["fgs.workload.optimizer"] = "sgd-momentum",
        ["fgs.workload.samples-per-device"] = "600",
        ["fgs.workload.samples-sigma"] = "0.5",
        ["fgs.workload.local-epochs"] = "1",
        ["fgs.network.backhaul-latency"] = "10ms",
        ["fgs.network.jitter"] = "none",
        ["fgs.network.jitter-mean"] = "5ms",
        ["fgs.network.jitter-std"] = "2ms",
        ["fgs.network.jitter-median"] = "5ms",
        ["fgs.network.jitter-sigma"] = "0.5",
        ["fgs.network.jitter-shape"] = "1.5",
        ["fgs.network.jitter-scale"] = "1ms",
        ["fgs.network.packet-loss"] = "0.01",
        ["fgs.network.packet-bytes"] = "1500",
        ["fgs.network.max-retries"] = "7",
        ["fgs.network.retry-delay"] = "200ms",
        ["fgs.network.down-capacity-bps"] = "10e9",
        ["fgs.network.up-capacity-bps"] = "10e9",
        ["fgs.network.control-bytes"] = "200",
        ["fgs.churn.model"] = "none",
        ["fgs.churn.on-distribution"] = "exponential",
        ["fgs.churn.off-distribution"] = "exponential",
        ["fgs.churn.mean-online"] = "2h",
        ["fgs.churn.mean-offline"] = "1h",
        ["fgs.churn.weibull-shape-on"] = "1.0",
        ["fgs.churn.weibull-shape-off"] = "1.0",
        ["fgs.churn.diurnal"] = "off",
        ["fgs.churn.diurnal-peak-hour"] = "20",
        ["fgs.churn.diurnal-amplitude"] = "0.5",
        ["fgs.churn.diurnal-target"] = "off-to-on-rate",
        ["fgs.churn.trace"] = "",
        ["fgs.battery.initial-charge"] = "1.0",
        ["fgs.battery.recharge"] = "never",
        ["fgs.battery.recharge-delay"] = "8h",
        ["fgs.battery.charge-window-start-hour"] = "22",
        ["fgs.battery.charge-window-end-hour"] = "7",
        ["fgs.aggregator.mode"] = "sync",
        ["fgs.aggregator.clients-per-round"] = "100",
        ["fgs.aggregator.over-commit"] = "1.3",
        ["fgs.aggregator.deadline"] = "5m",
        ["fgs.aggregator.straggler-policy"] = "drop-late",
        ["fgs.aggregator.target-updates"] = "auto",
        ["fgs.aggregator.check-in-period"] = "1m",
        ["fgs.aggregator.buffer-size"] = "10",
        ["fgs.aggregator.concurrency"] = "100",
        ["fgs.aggregator.max-rounds"] = "0",
        ["fgs.training.enabled"] = "off",
        ["fgs.training.network"] = "lenet5",
        ["fgs.training.mlp-hidden"] = "200",
        ["fgs.training.algorithm"] = "fedavg",
        ["fgs.training.proximal-mu"] = "0.01",
        ["fgs.training.server-momentum"] = "0.9",
        ["fgs.training.server-learning-rate"] = "1.0",
        ["fgs.training.local-epochs"] = "1",
        ["fgs.training.batch-size"] = "64",
        ["fgs.training.learning-rate"] = "0.01",
        ["fgs.training.momentum"] = "0.9",
        ["fgs.training.device"] = "auto",
        ["fgs.training.workers"] = "auto",
        ["fgs.training.intra-op-threads"] = "1",
        ["fgs.training.eval-every"] = "1",
        ["fgs.training.eval-batch-size"] = "1000",
        ["fgs.training.target-accuracy"] = "0.85",
        ["fgs.training.task"] = "classifier",
        ["fgs.generative.model"] = "cvae",
        ["fgs.generative.local-steps"] = "50",
        ["fgs.generative.batch-size"] = "64",
        ["fgs.generative.learning-rate"] = "1e-3",
        ["fgs.generative.discriminator-learning-rate"] = "2e-4",
        ["fgs.generative.beta1"] = "0.5",
        ["fgs.generative.beta2"] = "0.999",
        ["fgs.generative.eval-samples-per-class"] = "100",
        ["fgs.generative.local-fid-devices"] = "10",
        ["fgs.generative.reference-cache"] = "",
        ["fgs.generative.diffusion-steps"] = "400",
        ["fgs.generative.sampling-steps"] = "40",
        ["fgs.generative.gan-width"] = "32",
        ["fgs.generative.server-momentum"] = "0",
        ["fgs.generative.server-learning-rate"] = "1",
        ["fgs.generative.revalidation.policy"] = "none",
        ["fgs.generative.revalidation.threshold"] = "1.5",
        ["fgs.generative.revalidation.train-rounds"] = "0",
        ["fgs.generative.revalidation.retrain-rounds"] = "10",
        ["fgs.drift.enabled"] = "off",
        ["fgs.drift.at"] = "12h",
        ["fgs.drift.cohort"] = "0.5",
        ["fgs.drift.class-shift"] = "3",
        ["fgs.drift.contrast"] = "0.6",
        ["fgs.drift.brightness"] = "0.2",
        ["fgs.augmentation.start-round"] = "10",
        ["fgs.augmentation.min-per-class"] = "100",
        ["fgs.data.dataset"] = "fashion-mnist",
        ["fgs.data.fashion-mnist-dir"] = "/usr/share/datasets/fashion-mnist",
        ["fgs.data.train-samples"] = "all",
        ["fgs.data.test-samples"] = "all",
        ["fgs.data.synthetic-train-samples"] = "6000",
        ["fgs.data.synthetic-test-samples"] = "1000",
        ["fgs.data.partition"] = "dirichlet",
        ["fgs.data.dirichlet-alpha"] = "0.5",
        ["fgs.data.shard-classes"] = "2",
        ["fgs.data.quantity-beta"] = "0.5",
        ["fgs.data.min-samples-per-client"] = "10",
        ["fgs.output.dir"] = "",
        ["fgs.output.checkpoint-every-rounds"] = "10",
        ["fgs.output.checkpoint-min-interval"] = "60s",
    };

    // The built-in tiers as reference.conf writes them out (its agreement with TierCatalog is tested against the file
    // itself in Actors.Tests, which can parse it).
    static Trees()
    {
        foreach (var tier in TierCatalog.All)
        {
            foreach (var (path, value) in TierLeaves(tier.Name, tier)) Defaults[path] = value;
        }
    }

    /// <summary>The leaves that define <paramref name="tier"/> under <c>fgs.fleet.tiers.<paramref name="name"/></c>.</summary>
    public static IEnumerable<(string Path, string Value)> TierLeaves(string name, HardwareTier tier)
    {
        var prefix = $"fgs.fleet.tiers.{name}.";
        yield return (prefix + "min-cpu-hz", Number(tier.MinCpuHz));
        yield return (prefix + "max-cpu-hz", Number(tier.MaxCpuHz));
        yield return (prefix + "flops-per-cycle", Number(tier.FlopsPerCycle));
        yield return (prefix + "ram-mb", Number(tier.RamBytes / (double)ByteSize.MiB));
        yield return (prefix + "reserved-ram-mb", Number(tier.ReservedRamBytes / (double)ByteSize.MiB));
        yield return (prefix + "battery-wh", tier.BatteryWh is { } wh ? Number(wh) : "mains");
        yield return (prefix + "idle-power-w", Number(tier.IdlePowerW));
        yield return (prefix + "active-power-w", Number(tier.ActivePowerW));
        yield return (prefix + "radio", tier.Radio);
        yield return (prefix + "switched-capacitance", Number(tier.SwitchedCapacitance));
        yield return (prefix + "accelerator-flops", tier.AcceleratorFlopsPerSecond is { } flops ? Number(flops) : "none");
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The defaults, with <paramref name="changes"/> applied (a null value removes the key).</summary>
    public static ConfigTree WithDefaults(params (string Path, string? Value)[] changes)
    {
        var values = new Dictionary<string, string?>(Defaults.Select(kv => KeyValuePair.Create(kv.Key, (string?)kv.Value)));
        foreach (var (path, value) in changes) values[path] = value;
        return Of(values.Where(kv => kv.Value is not null).Select(kv => (kv.Key, kv.Value!)).ToArray());
    }

    /// <summary>Exactly the given scalar leaves, all from <see cref="Origin"/>.</summary>
    public static ConfigTree Of(params (string Path, string Value)[] leaves) =>
        new(leaves.Select(l => new ConfigEntry(l.Path, l.Value, null, Origin)));
}
