namespace FgsActors.Simulation.Configuration;

/// <summary>
/// Rejects keys under a root that the simulator does not read. A misspelt key would otherwise be ignored
/// silently and the run would use the default, which is the worst kind of configuration error.
/// </summary>
public static class UnknownKeys
{
    /// <summary>
    /// Throws for the first (in ordinal order) leaf under <paramref name="root"/> that is not known, then for
    /// the first unknown empty object; a value where a section belongs, or an object where a value belongs,
    /// is reported as a wrong value rather than an unknown key.
    /// </summary>
    public static void Reject(ConfigTree tree, string root, IReadOnlyList<string> knownLeaves)
    {
        var known = knownLeaves.ToHashSet(StringComparer.Ordinal);
        var sections = knownLeaves.SelectMany(Prefixes).ToHashSet(StringComparer.Ordinal);
        var leaf = tree.Under(root).FirstOrDefault(e => !known.Contains(e.Path));
        if (leaf is not null && sections.Contains(leaf.Path))
        {
            var example = knownLeaves.First(k => ConfigTree.IsAtOrBelow(k, leaf.Path));
            throw ConfigException.InvalidValue(leaf, $"a section {{ ... }} holding keys such as '{example}'");
        }
        if (leaf is not null) throw ConfigException.UnknownKey(leaf.Path, leaf.Origin, KeySuggester.Suggest(leaf.Path, knownLeaves));

        // Objects with leaves were covered above; what is left are empty objects such as "fgs.kernal {}",
        // or "fgs.run.name {}" where a value belongs.
        var unknownObject = tree.ObjectPaths
            .Where(p => ConfigTree.IsAtOrBelow(p, root) && !sections.Contains(p))
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();
        if (unknownObject is not null && known.Contains(unknownObject))
        {
            throw ConfigException.FoundObject(unknownObject, null, "a value");
        }
        if (unknownObject is not null)
        {
            throw ConfigException.UnknownKey(unknownObject, null, KeySuggester.Suggest(unknownObject, sections.Concat(knownLeaves)));
        }
    }

    private static IEnumerable<string> Prefixes(string path)
    {
        for (var dot = path.IndexOf('.'); dot > 0; dot = path.IndexOf('.', dot + 1)) yield return path[..dot];
    }
}
