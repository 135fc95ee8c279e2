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
        ["fgs.output.dir"] = "",
    };

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
