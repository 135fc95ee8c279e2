using System.Text.RegularExpressions;
using FgsActors.Simulation.Configuration;

namespace FgsActors.Actors.Configuration;

/// <summary>
/// One <c>--set key=value</c> from the command line, as a configuration layer above the scenario. The value
/// is HOCON (<c>4</c>, <c>100ms</c>, <c>"a name"</c>, <c>[1, 2]</c>), parsed as if written <c>key = value</c>
/// in a file; it must not set anything besides the key.
/// </summary>
internal static partial class SetOverride
{
    public const string Origin = "--set";

    public static HoconSource Parse(string argument)
    {
        var equals = argument.IndexOf('=');
        if (equals < 0) throw Malformed(argument, "expected key=value, e.g. --set fgs.kernel.partitions=4");
        var key = argument[..equals].Trim();
        var value = argument[(equals + 1)..].Trim();
        if (key.Length == 0) throw Malformed(argument, "the key before '=' is empty");
        if (!KeySyntax().IsMatch(key))
        {
            throw Malformed(argument, $"'{key}' is not a key: expected names of letters, digits, '-' or '_' joined by dots, e.g. fgs.run.seed");
        }
        if (value.Length == 0) throw Malformed(argument, "there is no value after '='; write \"\" for an empty string");

        var source = HoconSource.FromText($"{key} = {value}", $"{Origin} {argument}", Origin, showLines: false);
        var stray = source.Definitions().Select(d => d.Path).FirstOrDefault(p => p != key && !p.StartsWith(key + ".", StringComparison.Ordinal));
        if (stray is not null) throw Malformed(argument, $"the value must be a single HOCON value, but it also sets '{stray}'");
        return source;
    }

    private static ConfigException Malformed(string argument, string problem) =>
        new($"{Origin} {argument}: {problem}", expected: "key=value", found: argument, origin: Origin);

    [GeneratedRegex(@"^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$")]
    private static partial Regex KeySyntax();
}
