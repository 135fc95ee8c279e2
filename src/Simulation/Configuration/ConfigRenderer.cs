using System.Text;
using System.Text.RegularExpressions;

namespace FgsActors.Simulation.Configuration;

/// <summary>
/// Writes a section of a <see cref="ConfigTree"/> back as HOCON: the effective configuration a run used
/// (<c>fgs config show</c>, <c>config.effective.conf</c>). Each value carries a comment naming where it was
/// set. Keys are sorted so that equal configurations render to equal text. Loading the text again binds to
/// the same settings: every value is written in a form the getters read back unchanged.
/// </summary>
public static partial class ConfigRenderer
{
    private const string Indent = "  ";

    public static string Render(ConfigTree tree, string root = FgsKeys.Root)
    {
        var text = new StringBuilder();
        var open = new List<string>();
        foreach (var entry in tree.Under(root))
        {
            var segments = entry.Path.Split('.');
            var parents = segments[..^1];
            var shared = 0;
            while (shared < open.Count && shared < parents.Length && open[shared] == parents[shared]) shared++;
            while (open.Count > shared)
            {
                open.RemoveAt(open.Count - 1);
                text.Append(Pad(open.Count)).Append("}\n");
            }
            for (; shared < parents.Length; shared++)
            {
                text.Append(Pad(open.Count)).Append(Key(parents[shared])).Append(" {\n");
                open.Add(parents[shared]);
            }
            text.Append(Pad(open.Count)).Append(Key(segments[^1])).Append(" = ").Append(Value(entry))
                .Append("  # ").Append(entry.Origin).Append('\n');
        }
        while (open.Count > 0)
        {
            open.RemoveAt(open.Count - 1);
            text.Append(Pad(open.Count)).Append("}\n");
        }
        return text.ToString();
    }

    private static string Pad(int depth) => string.Concat(Enumerable.Repeat(Indent, depth));

    private static string Key(string segment) => PlainToken().IsMatch(segment) ? segment : Quote(segment);

    private static string Value(ConfigEntry entry) =>
        entry.List is not null ? "[" + string.Join(", ", entry.List.Select(Scalar)) + "]"
        : entry.Value is null ? "null"
        : Scalar(entry.Value);

    // Plain tokens (numbers, words, 100ms) stay bare for readability; anything else is quoted, and the word
    // "null" is quoted so that it stays the string it was rather than becoming HOCON null.
    private static string Scalar(string value) => PlainToken().IsMatch(value) && value != "null" ? value : Quote(value);

    private static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return quoted.Append('"').ToString();
    }

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.+-]*$")]
    private static partial Regex PlainToken();
}
