using System.CommandLine;
using System.Text.RegularExpressions;

namespace FgsActors.Cli;

/// <summary>
/// Rewrites System.CommandLine's parse errors for people: no .NET type names, and a missing argument is named.
/// "Cannot parse argument 'abc' for option '--lps' as expected type 'System.Int32'." becomes
/// "--lps: expected an integer, found 'abc'".
/// </summary>
public static partial class ParseErrorMessages
{
    public static string Describe(string message, ParseResult parse)
    {
        var cannotParse = CannotParse().Match(message);
        if (cannotParse.Success)
        {
            var option = cannotParse.Groups["option"].Value;
            return $"{option}: expected {Expected(cannotParse.Groups["type"].Value)}, found '{cannotParse.Groups["value"].Value}'";
        }
        if (RequiredArgument().IsMatch(message))
        {
            var command = parse.CommandResult.Command;
            var names = string.Join(" ", command.Arguments.Select(a => $"<{a.Name}>"));
            return $"missing required argument {names} for '{command.Name}'";
        }
        return message;
    }

    private static string Expected(string typeName) => typeName switch
    {
        "System.Int32" or "System.Int64" => "an integer",
        "System.UInt32" or "System.UInt64" => "a non-negative integer",
        "System.Double" or "System.Single" or "System.Decimal" => "a number",
        "System.Boolean" => "true or false",
        _ => EnumWords(typeName) ?? "a value of another form",
    };

    private static string? EnumWords(string typeName)
    {
        var type = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(typeName)).FirstOrDefault(t => t is not null);
        return type is { IsEnum: true } ? "one of " + string.Join(", ", Enum.GetNames(type)) : null;
    }

    [GeneratedRegex(@"Cannot parse argument '(?<value>.*)' for option '(?<option>[^']+)' as expected type '(?<type>[^']+)'")]
    private static partial Regex CannotParse();

    [GeneratedRegex(@"^Required argument missing for command")]
    private static partial Regex RequiredArgument();
}
