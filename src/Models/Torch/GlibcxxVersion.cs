namespace FgsActors.Models.Torch;

/// <summary>
/// A libstdc++ symbol version such as <c>GLIBCXX_3.4.30</c>, ordered by its numeric parts
/// (so 3.4.9 &lt; 3.4.30, which string order gets wrong).
/// </summary>
public sealed class GlibcxxVersion : IComparable<GlibcxxVersion>
{
    public const string Prefix = "GLIBCXX_";

    private GlibcxxVersion(string name, int[] parts)
    {
        Name = name;
        Parts = parts;
    }

    /// <summary>The full version name as it appears in .dynstr, e.g. <c>GLIBCXX_3.4.30</c>.</summary>
    public string Name { get; }

    /// <summary>The numeric parts after the prefix, e.g. [3, 4, 30].</summary>
    public IReadOnlyList<int> Parts { get; }

    /// <summary>Parses <c>GLIBCXX_x.y[.z]</c>; anything else (CXXABI_*, GLIBCXX_TUNABLES…) gives null.</summary>
    public static GlibcxxVersion? TryParse(string name)
    {
        if (!name.StartsWith(Prefix, StringComparison.Ordinal))
            return null;
        var pieces = name[Prefix.Length..].Split('.');
        var parts = new int[pieces.Length];
        for (int i = 0; i < pieces.Length; i++)
        {
            if (!int.TryParse(pieces[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out parts[i]))
                return null;
        }
        return new GlibcxxVersion(name, parts);
    }

    public int CompareTo(GlibcxxVersion? other)
    {
        if (other is null)
            return 1;
        for (int i = 0; i < Math.Max(Parts.Count, other.Parts.Count); i++)
        {
            int a = i < Parts.Count ? Parts[i] : 0, b = i < other.Parts.Count ? other.Parts[i] : 0;
            if (a != b)
                return a.CompareTo(b);
        }
        return 0;
    }

    public override string ToString() => Name;
}
