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
    /// <param name="knownLeaves">Keys by their full path.</param>
    /// <param name="patterns">Keys with user-chosen segments: a segment written <c>&lt;name&gt;</c> matches any one segment
    /// (e.g. <c>fgs.fleet.tiers.&lt;tier&gt;.radio</c>).</param>
    public static void Reject(ConfigTree tree, string root, IReadOnlyList<string> knownLeaves, IReadOnlyList<string>? patterns = null)
    {
        var known = new KnownKeys(knownLeaves, patterns ?? []);
        var leaf = tree.Under(root).FirstOrDefault(e => !known.IsLeaf(e.Path));
        if (leaf is not null && known.IsSection(leaf.Path))
        {
            throw ConfigException.InvalidValue(leaf, $"a section {{ ... }} holding keys such as '{known.ExampleBelow(leaf.Path)}'");
        }
        if (leaf is not null) throw ConfigException.UnknownKey(leaf.Path, leaf.Origin, KeySuggester.Suggest(leaf.Path, known.LeafCandidates(leaf.Path)));

        // Objects with leaves were covered above; what is left are empty objects such as "fgs.kernal {}",
        // or "fgs.run.name {}" where a value belongs.
        var unknownObject = tree.ObjectPaths
            .Where(p => ConfigTree.IsAtOrBelow(p, root) && !known.IsSection(p))
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();
        if (unknownObject is not null && known.IsLeaf(unknownObject))
        {
            throw ConfigException.FoundObject(unknownObject, null, "a value");
        }
        if (unknownObject is not null)
        {
            throw ConfigException.UnknownKey(unknownObject, null, KeySuggester.Suggest(unknownObject, known.AnyCandidates(unknownObject)));
        }
    }

    // The known keys and the sections that hold them, fixed or with wildcard segments.
    private sealed class KnownKeys(IReadOnlyList<string> leaves, IReadOnlyList<string> patterns)
    {
        private readonly HashSet<string> _leaves = leaves.ToHashSet(StringComparer.Ordinal);
        private readonly HashSet<string> _sections = leaves.SelectMany(Prefixes).ToHashSet(StringComparer.Ordinal);
        private readonly string[][] _patterns = patterns.Select(p => p.Split('.')).ToArray();
        private readonly string[][] _patternSections = patterns.SelectMany(Prefixes).Distinct(StringComparer.Ordinal).Select(p => p.Split('.')).ToArray();

        public bool IsLeaf(string path) => _leaves.Contains(path) || _patterns.Any(p => Matches(p, path));

        public bool IsSection(string path) => _sections.Contains(path) || _patternSections.Any(p => Matches(p, path));

        /// <summary>A key below the section <paramref name="path"/>, wildcards filled from the path where it has them.</summary>
        public string ExampleBelow(string path) =>
            leaves.Concat(patterns.Select(p => Fill(p.Split('.'), path.Split('.'))))
                .First(k => ConfigTree.IsAtOrBelow(k, path));

        /// <summary>Keys a mistyped leaf may have meant: the fixed ones, and each pattern with its wildcards taken from the typo.</summary>
        public IEnumerable<string> LeafCandidates(string path)
        {
            var segments = path.Split('.');
            return leaves.Concat(_patterns.Where(p => p.Length == segments.Length).Select(p => Fill(p, segments)));
        }

        /// <summary>Leaves and sections a mistyped empty object may have meant.</summary>
        public IEnumerable<string> AnyCandidates(string path)
        {
            var segments = path.Split('.');
            return _sections.Concat(leaves)
                .Concat(_patterns.Concat(_patternSections).Where(p => p.Length == segments.Length).Select(p => Fill(p, segments)));
        }

        private static bool Matches(string[] pattern, string path)
        {
            var segments = path.Split('.');
            if (segments.Length != pattern.Length) return false;
            for (var i = 0; i < segments.Length; i++)
            {
                if (!IsWildcard(pattern[i]) && pattern[i] != segments[i]) return false;
            }
            return true;
        }

        // The pattern with each wildcard replaced by the path's segment at that position (kept when the path is shorter).
        private static string Fill(string[] pattern, string[] segments) =>
            string.Join('.', pattern.Select((s, i) => IsWildcard(s) && i < segments.Length ? segments[i] : s));

        private static bool IsWildcard(string segment) => segment.Length > 2 && segment[0] == '<' && segment[^1] == '>';
    }

    private static IEnumerable<string> Prefixes(string path)
    {
        for (var dot = path.IndexOf('.'); dot > 0; dot = path.IndexOf('.', dot + 1)) yield return path[..dot];
    }
}
