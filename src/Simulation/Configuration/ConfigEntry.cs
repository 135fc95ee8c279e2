namespace FgsActors.Simulation.Configuration;

/// <summary>
/// One leaf of a resolved configuration: a scalar (as the text HOCON holds it, null for HOCON <c>null</c>)
/// or a list of scalars, with the place it was set so that errors can point there.
/// </summary>
/// <param name="Path">Full dotted path, e.g. <c>fgs.kernel.partitions</c>.</param>
/// <param name="Value">Scalar text; null for a list or for HOCON <c>null</c>.</param>
/// <param name="List">Elements of a list value; null for a scalar.</param>
/// <param name="Origin">Where the value was set: <c>file:line</c>, <c>--set</c> or <c>reference.conf</c>.</param>
public sealed record ConfigEntry(string Path, string? Value, IReadOnlyList<string>? List, string Origin)
{
    /// <summary>The value as an error message shows it: quoted text, a bracketed list, or <c>null</c>.</summary>
    public string Describe() =>
        List is not null ? "[" + string.Join(", ", List.Select(Quote)) + "]"
        : Value is null ? "null"
        : Quote(Value);

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
