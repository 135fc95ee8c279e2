using System.Text;

namespace FgsActors.Cli.Reporting;

/// <summary>HTML text helpers for <see cref="RunReport"/>: everything taken from a run's files goes through <see cref="Escape"/>.</summary>
public static class ReportHtml
{
    /// <summary>
    /// Escapes <paramref name="text"/> for HTML element content and for double- or single-quoted attribute values:
    /// <c>&amp; &lt; &gt; " '</c> become character references. Other characters (non-ASCII included) are kept; the
    /// page is UTF-8. NUL, which HTML forbids, becomes U+FFFD.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                case '\0': builder.Append('\uFFFD'); break;
                default: builder.Append(c); break;
            }
        }
        return builder.ToString();
    }

    /// <summary>
    /// A fragment identifier made only of <c>[a-z0-9-]</c> from <paramref name="name"/> (e.g. a plot's file name), so
    /// that it needs no escaping in <c>id</c> or <c>href="#..."</c>.
    /// </summary>
    public static string Anchor(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') builder.Append(c);
            else if (builder.Length > 0 && builder[^1] != '-') builder.Append('-');
        }
        return builder.ToString().Trim('-');
    }
}
