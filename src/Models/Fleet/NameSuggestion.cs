namespace FgsActors.Models.Fleet;

/// <summary>"Did you mean ...?" for misspelt names: closest candidate by case-insensitive edit distance.</summary>
internal static class NameSuggestion
{
    /// <summary>
    /// The closest candidate, or null when none is close: a typo is at most 2 edits or a third of the
    /// word, beyond that a suggestion is more confusing than helpful. Ties go to the ordinal-first name
    /// so the message is deterministic.
    /// </summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates.Order(StringComparer.Ordinal))
        {
            var d = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d < bestDistance) (best, bestDistance) = (candidate, d);
        }
        var limit = Math.Max(2, name.Length / 3);
        return bestDistance <= limit ? best : null;
    }

    /// <summary>Levenshtein distance (insert, delete, substitute each cost 1).</summary>
    public static int Distance(string a, string b) => Text.EditDistance.Levenshtein(a, b);
}
