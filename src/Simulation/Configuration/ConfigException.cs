namespace FgsActors.Simulation.Configuration;

/// <summary>
/// A configuration the simulator cannot run with. The message is written for the user and names the key,
/// where it was set, what was expected and what was found; the parts are also properties so that tools
/// (and tests) need not parse the text.
/// </summary>
public class ConfigException(
    string message,
    string? key = null,
    string? expected = null,
    string? found = null,
    string? origin = null,
    Exception? innerException = null) : Exception(message, innerException)
{
    /// <summary>Full path of the offending key, when the problem is about one key.</summary>
    public string? Key { get; } = key;

    /// <summary>What a valid value looks like, e.g. <c>an integer &gt;= 1 or "auto"</c>.</summary>
    public string? Expected { get; } = expected;

    /// <summary>What was there instead, as the message shows it.</summary>
    public string? Found { get; } = found;

    /// <summary>Where the value came from: <c>file:line</c>, <c>--set</c> or <c>reference.conf</c>.</summary>
    public string? Origin { get; } = origin;

    /// <summary><c>config key 'K' in ORIGIN: expected E, found F</c>.</summary>
    public static ConfigException InvalidValue(ConfigEntry entry, string expected) =>
        new($"config key '{entry.Path}' in {entry.Origin}: expected {expected}, found {entry.Describe()}",
            entry.Path, expected, entry.Describe(), entry.Origin);

    /// <summary>An object (<c>key { ... }</c>) where a value belongs; the origin is unknown for an empty object.</summary>
    public static ConfigException FoundObject(string key, string? origin, string expected)
    {
        var where = origin is null ? "" : $" in {origin}";
        return new ConfigException($"config key '{key}'{where}: expected {expected}, found an object", key, expected, "an object", origin);
    }

    /// <summary>A key that is required but absent everywhere, including the reference configuration.</summary>
    public static ConfigException Missing(string key, string expected) =>
        new($"config key '{key}' is missing (expected {expected}); reference.conf should define every key", key, expected);

    /// <summary>
    /// A key that a user-named section (e.g. a tier under <c>fgs.fleet.tiers</c>) must set but does not; sections the
    /// user adds get no defaults from the reference configuration.
    /// </summary>
    /// <param name="key">Full path of the missing key.</param>
    /// <param name="section">What the section is, as the message names it, e.g. <c>tier 'jetson-orin'</c>.</param>
    /// <param name="sectionOrigin">Where the section was defined, when known.</param>
    /// <param name="requirement">What the section must set, e.g. <c>every field: min-cpu-hz, max-cpu-hz, ...</c>.</param>
    public static ConfigException MissingInSection(string key, string section, string? sectionOrigin, string requirement)
    {
        var where = sectionOrigin is null ? "" : $" (defined in {sectionOrigin})";
        return new ConfigException($"config key '{key}' is missing: {section}{where} must set {requirement}", key, "a value", "nothing", sectionOrigin);
    }

    /// <summary><c>unknown config key 'K' in ORIGIN; did you mean 'S'?</c>; origin and suggestion are optional.</summary>
    public static ConfigException UnknownKey(string key, string? origin, string? suggestion)
    {
        var where = origin is null ? "" : $" in {origin}";
        var hint = suggestion is null ? "" : $"; did you mean '{suggestion}'?";
        return new ConfigException($"unknown config key '{key}'{where}{hint}", key, "a known key", key, origin);
    }
}
