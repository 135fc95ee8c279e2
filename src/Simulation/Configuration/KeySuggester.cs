namespace FgsActors.Simulation.Configuration;

/// <summary>
/// Finds the known key a mistyped one most likely meant, for "did you mean" hints. Two measures, because
/// typos come in two kinds: a slip anywhere in the path (<c>fgs.kernal.partitions</c>) is close over the full
/// path; a key put in the wrong section (<c>fgs.run.lps</c>) is close only in its last segment.
/// </summary>
public static class KeySuggester
{
    /// <summary>The closest candidate, or null when none is close enough to be a helpful guess.</summary>
    public static string? Suggest(string key, IEnumerable<string> candidates)
    {
        var leaf = LastSegment(key);
        string? best = null;
        var bestScore = int.MaxValue;
        foreach (var candidate in candidates.Order(StringComparer.Ordinal))
        {
            var score = Score(key, leaf, candidate);
            if (score < bestScore) (best, bestScore) = (candidate, score);
        }
        return best;
    }

    // Edits over the full path when within ~1 per 5 characters (at least 2), otherwise edits in the last
    // segment when within ~1 per 3 characters (at least 1); the segment match ranks after any full-path match.
    private static int Score(string key, string leaf, string candidate)
    {
        var full = EditDistance(key, candidate);
        if (full <= Math.Max(2, key.Length / 5)) return full;
        var segment = EditDistance(leaf, LastSegment(candidate));
        return segment <= Math.Max(1, leaf.Length / 3) ? key.Length + segment : int.MaxValue;
    }

    private static string LastSegment(string path) => path[(path.LastIndexOf('.') + 1)..];

    /// <summary>Levenshtein distance: insertions, deletions and substitutions, each costing 1.</summary>
    public static int EditDistance(string a, string b) => Models.Text.EditDistance.Levenshtein(a, b);
}
