namespace FgsActors.Actors.Configuration;

/// <summary>What one HOCON text defines, in document order: every key with its line, and every include.</summary>
internal sealed record HoconOutline(IReadOnlyList<OutlineItem> Items);

/// <summary>One entry of a <see cref="HoconOutline"/>.</summary>
internal abstract record OutlineItem(int Line);

/// <summary>A key assigned (or an object opened) at <paramref name="Line"/>; the path is relative to the text's root.</summary>
internal sealed record KeyDefinition(string Path, int Line) : OutlineItem(Line);

/// <summary><c>include "Target"</c> at <paramref name="Line"/>, inside the object at <paramref name="Prefix"/> ("" for the root).</summary>
internal sealed record IncludeDirective(string Target, string Prefix, int Line) : OutlineItem(Line);

/// <summary>A problem found while outlining, at a 1-based line of the text.</summary>
internal sealed class HoconSyntaxException(string problem, int line) : Exception(problem)
{
    public int Line { get; } = line;
}
