using System.Text.RegularExpressions;
using Akka.Configuration;
using Akka.Configuration.Hocon;

namespace FgsActors.Cli.Sweeps;

/// <summary>One swept key and the values it takes, in file order. Values are HOCON, as after <c>--set key=</c>.</summary>
public sealed record SweepAxis(string Key, IReadOnlyList<string> Values);

/// <summary>One combination of axis values (the first axis varies slowest).</summary>
public sealed record SweepPoint(int Index, IReadOnlyList<string> Values)
{
    /// <summary>The point's part of a run directory name: "p0-30m", "p3-2h_0.5" (file-name safe).</summary>
    public string Name => $"p{Index}-" + string.Join('_', Values.Select(SweepSpec.SafeName));
}

/// <summary>
/// A sweep file (docs/sweeps.md): a base scenario, a grid of keys × values, seeds, the summary.json metrics to
/// compare, and fixed <c>set</c> overrides applied to every run. Every problem is a <see cref="UsageException"/>
/// that names the sweep file and the entry.
/// </summary>
public sealed partial record SweepSpec(
    string SweepPath, string ScenarioPath, IReadOnlyList<SweepAxis> Axes, IReadOnlyList<string> Seeds,
    IReadOnlyList<string> Metrics, IReadOnlyList<string> Sets)
{
    public static readonly IReadOnlyList<string> DefaultMetrics = ["updates_total", "dropouts_total", "energy_j_total", "mean_round_s"];

    private static readonly string[] KnownKeys = ["scenario", "grid", "seeds", "metrics", "set"];

    /// <summary>Every grid point, the first axis varying slowest.</summary>
    public IReadOnlyList<SweepPoint> Points()
    {
        IEnumerable<IReadOnlyList<string>> combos = [[]];
        foreach (var axis in Axes) combos = combos.SelectMany(c => axis.Values.Select(v => (IReadOnlyList<string>)[.. c, v]));
        return combos.Select((values, i) => new SweepPoint(i, values)).ToList();
    }

    /// <summary>The <c>--set</c> arguments of one run: the fixed sets, then the point's values, then the seed.</summary>
    public IReadOnlyList<string> Overrides(SweepPoint point, string seed) =>
        [.. Sets, .. Axes.Select((axis, i) => $"{axis.Key}={HoconValueText(point.Values[i])}"), $"fgs.run.seed={seed}"];

    public static SweepSpec Load(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new UsageException($"sweep file '{path}' not found (looked for {full})");
        Config config;
        var text = File.ReadAllText(full);
        try
        {
            config = ConfigurationFactory.ParseString(text);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new UsageException($"{path}{LineOf(e.Message, text)}: not valid HOCON: {FirstLine(e.Message).TrimEnd(':')}");
        }
        if (config.Root is null || !config.Root.IsObject() || !config.Root.GetObject().Items.TryGetValue("sweep", out var sweepValue) || !sweepValue.IsObject())
            throw new UsageException($"{path}: expected a 'sweep {{ ... }}' block");
        var stray = config.Root.GetObject().Items.Keys.FirstOrDefault(k => k != "sweep");
        if (stray is not null) throw new UsageException($"{path}: unknown top-level key '{stray}': everything goes inside 'sweep {{ ... }}'");
        var sweep = sweepValue.GetObject().Items;
        var unknown = sweep.Keys.FirstOrDefault(k => !KnownKeys.Contains(k));
        if (unknown is not null)
            throw new UsageException($"{path}: unknown key 'sweep.{unknown}' (known: {string.Join(", ", KnownKeys)})");

        if (!sweep.TryGetValue("scenario", out var scenarioValue) || scenarioValue.IsObject() || scenarioValue.IsArray() || string.IsNullOrWhiteSpace(scenarioValue.GetString()))
            throw new UsageException($"{path}: 'sweep.scenario' is missing: expected the base scenario file, relative to the sweep file");
        var scenario = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(full)!, scenarioValue.GetString()));
        if (!File.Exists(scenario))
            throw new UsageException($"{path}: 'sweep.scenario' = \"{scenarioValue.GetString()}\": file not found (looked for {scenario})");

        if (!sweep.TryGetValue("grid", out var gridValue) || !gridValue.IsObject())
            throw new UsageException($"{path}: 'sweep.grid' is missing: expected e.g. grid {{ \"fgs.churn.mean-offline\" = [30m, 1h, 2h] }}");
        var axes = new List<SweepAxis>();
        WalkGrid(gridValue, "", axes, path);
        if (axes.Count == 0) throw new UsageException($"{path}: 'sweep.grid' is empty: expected at least one key with a list of values");

        var seeds = List(sweep, "seeds", path, required: true);
        if (seeds.Count == 0) throw new UsageException($"{path}: 'sweep.seeds' is empty: expected a list of seeds, e.g. [1, 2, 3]");
        if (seeds.Distinct().Count() != seeds.Count) throw new UsageException($"{path}: 'sweep.seeds' lists a seed twice");
        var metrics = sweep.ContainsKey("metrics") ? List(sweep, "metrics", path, required: true) : DefaultMetrics;
        if (metrics.Count == 0) throw new UsageException($"{path}: 'sweep.metrics' is empty: expected names of summary.json figures");
        var sets = sweep.ContainsKey("set") ? List(sweep, "set", path, required: true) : [];
        foreach (var set in sets)
        {
            if (!set.Contains('=')) throw new UsageException($"{path}: 'sweep.set' entry '{set}': expected \"key=value\"");
        }
        return new SweepSpec(full, scenario, axes, seeds, metrics, sets);
    }

    // Grid keys may be written quoted ("fgs.churn.mean-offline" = [...]) or plain (fgs.churn.mean-offline = [...],
    // which HOCON reads as nested objects): both flatten to the same dotted key.
    private static void WalkGrid(HoconValue value, string prefix, List<SweepAxis> axes, string path)
    {
        foreach (var (key, child) in value.GetObject().Items)
        {
            var full = prefix.Length == 0 ? key : prefix + "." + key;
            if (child.IsObject())
            {
                WalkGrid(child, full, axes, path);
                continue;
            }
            if (!child.IsArray()) throw new UsageException($"{path}: 'sweep.grid' key '{full}': expected a list of values, e.g. [30m, 1h]");
            var values = Elements(child, $"sweep.grid '{full}'", path);
            if (values.Count == 0) throw new UsageException($"{path}: 'sweep.grid' key '{full}' has no values");
            if (values.Distinct().Count() != values.Count) throw new UsageException($"{path}: 'sweep.grid' key '{full}' lists a value twice");
            if (!KeySyntax().IsMatch(full)) throw new UsageException($"{path}: 'sweep.grid' key '{full}' is not a config key");
            axes.Add(new SweepAxis(full, values));
        }
    }

    private static List<string> List(IDictionary<string, HoconValue> sweep, string key, string path, bool required)
    {
        if (!sweep.TryGetValue(key, out var value))
            return required ? throw new UsageException($"{path}: 'sweep.{key}' is missing") : [];
        if (!value.IsArray()) throw new UsageException($"{path}: 'sweep.{key}': expected a list, e.g. [1, 2, 3]");
        return Elements(value, $"sweep.{key}", path);
    }

    private static List<string> Elements(HoconValue list, string what, string path)
    {
        var result = new List<string>();
        foreach (var element in list.GetArray())
        {
            if (element.IsObject() || element.IsArray())
                throw new UsageException($"{path}: '{what}': expected plain values (not objects or lists)");
            result.Add(element.GetString());
        }
        return result;
    }

    /// <summary>A value as HOCON text for <c>--set</c>: plain words as they are, anything else quoted.</summary>
    internal static string HoconValueText(string value) =>
        PlainValue().IsMatch(value) ? value : "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    internal static string SafeName(string value)
    {
        var safe = UnsafeChars().Replace(value, "_");
        return safe.Length == 0 ? "_" : safe;
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    // Akka.NET reports a character position; people want the line.
    private static string LineOf(string message, string text)
    {
        var match = Position().Match(message);
        if (!match.Success || !int.TryParse(match.Groups[1].Value, out var position)) return "";
        return ":" + (text.AsSpan(0, Math.Min(position, text.Length)).Count('\n') + 1);
    }

    [GeneratedRegex(@"position (\d+)")]
    private static partial Regex Position();

    [GeneratedRegex(@"^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$")]
    private static partial Regex KeySyntax();

    [GeneratedRegex(@"^[A-Za-z0-9._+-]+$")]
    private static partial Regex PlainValue();

    [GeneratedRegex(@"[^A-Za-z0-9.+-]")]
    private static partial Regex UnsafeChars();
}
