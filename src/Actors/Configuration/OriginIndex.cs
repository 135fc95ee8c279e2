namespace FgsActors.Actors.Configuration;

/// <summary>
/// Where each path got its value: the last definition of the path across the layers, taken in order of
/// precedence (lowest first), which is the same rule by which HOCON decides the value itself.
/// </summary>
internal sealed class OriginIndex
{
    private const string Unknown = "(unknown origin)";

    private readonly Dictionary<string, string> _last = new(StringComparer.Ordinal);

    public OriginIndex(IEnumerable<(string Path, string Origin)> definitionsInPrecedenceOrder)
    {
        foreach (var (path, origin) in definitionsInPrecedenceOrder) _last[path] = origin;
    }

    /// <summary>The origin of <paramref name="path"/>, else of the nearest enclosing object that was assigned as a whole.</summary>
    public string Of(string path)
    {
        for (var candidate = path; ; candidate = candidate[..candidate.LastIndexOf('.')])
        {
            if (_last.TryGetValue(candidate, out var origin)) return origin;
            if (!candidate.Contains('.')) return Unknown;
        }
    }
}
