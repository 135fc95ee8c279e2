namespace FgsActors.Simulation.Configuration;

/// <summary>
/// An immutable, flat view of a fully resolved configuration: every leaf path mapped to its
/// <see cref="ConfigEntry"/>, plus every object path (so empty objects are visible too). Binding and
/// validation work on this view, which keeps them free of any HOCON library.
/// </summary>
public sealed class ConfigTree
{
    private readonly Dictionary<string, ConfigEntry> _leaves;
    private readonly HashSet<string> _objects;

    /// <param name="leaves">The leaves; paths must be unique.</param>
    /// <param name="emptyObjects">Object paths with no leaves below them (other object paths are implied by the leaves).</param>
    public ConfigTree(IEnumerable<ConfigEntry> leaves, IEnumerable<string>? emptyObjects = null)
    {
        _leaves = new Dictionary<string, ConfigEntry>(StringComparer.Ordinal);
        foreach (var leaf in leaves)
        {
            if (!_leaves.TryAdd(leaf.Path, leaf)) throw new ArgumentException($"duplicate config leaf '{leaf.Path}'", nameof(leaves));
        }
        _objects = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in _leaves.Keys.Concat(emptyObjects ?? []))
        {
            for (var dot = path.LastIndexOf('.'); dot > 0; dot = path.LastIndexOf('.', dot - 1)) _objects.Add(path[..dot]);
        }
        foreach (var path in emptyObjects ?? []) _objects.Add(path);
        var clash = _objects.FirstOrDefault(_leaves.ContainsKey);
        if (clash is not null) throw new ArgumentException($"config path '{clash}' is both a value and an object", nameof(leaves));
    }

    /// <summary>Every leaf, by full path.</summary>
    public IReadOnlyDictionary<string, ConfigEntry> Leaves => _leaves;

    /// <summary>Every object path (each proper prefix of a leaf path, and each empty object).</summary>
    public IReadOnlySet<string> ObjectPaths => _objects;

    /// <summary>The leaf at <paramref name="path"/>, or null when there is none.</summary>
    public ConfigEntry? Find(string path) => _leaves.GetValueOrDefault(path);

    /// <summary>The leaves at or below <paramref name="prefix"/> (a whole path segment), in ordinal path order.</summary>
    public IEnumerable<ConfigEntry> Under(string prefix) =>
        _leaves.Values.Where(e => IsAtOrBelow(e.Path, prefix)).OrderBy(e => e.Path, StringComparer.Ordinal);

    internal static bool IsAtOrBelow(string path, string prefix) =>
        path.Length == prefix.Length ? path == prefix : path.StartsWith(prefix, StringComparison.Ordinal) && path[prefix.Length] == '.';
}
