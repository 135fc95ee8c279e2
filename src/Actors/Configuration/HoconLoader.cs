using FgsActors.Simulation.Configuration;

namespace FgsActors.Actors.Configuration;

/// <summary>
/// Loads the configuration of a run. Layers, lowest precedence first: the built-in reference.conf, the
/// scenario file (with what it includes, resolved relative to the including file), then each
/// <c>--set key=value</c> in order. Every failure is a <see cref="ConfigException"/> (a
/// <see cref="ConfigFileException"/> for unreadable or malformed sources) whose message names the file and
/// line; no Akka.NET exception escapes.
/// </summary>
public static class HoconLoader
{
    /// <param name="scenarioPath">The scenario file, or null for the reference defaults alone.</param>
    /// <param name="overrides">The arguments of each <c>--set</c>, as <c>key=value</c>.</param>
    public static LoadedConfig Load(string? scenarioPath, IEnumerable<string>? overrides = null)
    {
        List<HoconSource> layers = [EmbeddedReference.Source()];
        if (scenarioPath is not null) layers.Add(HoconSource.FromFile(scenarioPath));
        layers.AddRange((overrides ?? []).Select(SetOverride.Parse));

        var config = layers.Select(layer => layer.Parse()).Aggregate((lower, higher) => higher.WithFallback(lower));
        var origins = new OriginIndex(layers.SelectMany(layer => layer.Definitions()));
        return new LoadedConfig(config, ConfigFlattener.Flatten(config, origins));
    }
}
