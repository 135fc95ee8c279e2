using System.Text.RegularExpressions;

namespace FgsActors.Actors.Configuration;

/// <summary>
/// Turns an exception from Akka.NET's HOCON parser into a line and a one-line problem. Akka reports most
/// syntax errors as "Unknown token at position N" (N an index into the parsed text, followed by a picture of
/// the line); other messages carry no position and are passed on by their first line.
/// </summary>
internal static partial class AkkaParseErrors
{
    public static (int? Line, string Problem) Describe(Exception error, string text)
    {
        var match = Position().Match(error.Message);
        if (match.Success && int.TryParse(match.Groups[1].Value, out var index) && index < text.Length)
        {
            return (1 + text.AsSpan(0, index).Count('\n'), $"HOCON syntax error: unexpected '{text[index]}'");
        }
        return (null, "HOCON syntax error: " + error.Message.Split('\r', '\n')[0].Trim());
    }

    [GeneratedRegex(@"position (\d+)")]
    private static partial Regex Position();
}
