using FgsActors.Cli.Reporting;

namespace FgsActors.Cli.Tests.Reporting;

/// <summary><see cref="ReportHtml.Escape"/> and <see cref="ReportHtml.Anchor"/>: text from run files cannot become markup.</summary>
public sealed class ReportHtmlTests
{
    [Theory]
    [InlineData("plain text 1.5e-3", "plain text 1.5e-3")]
    [InlineData("a < b > c", "a &lt; b &gt; c")]
    [InlineData("Tom & Jerry", "Tom &amp; Jerry")]
    [InlineData("&amp;", "&amp;amp;")]
    [InlineData("say \"hi\" 'there'", "say &quot;hi&quot; &#39;there&#39;")]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("\" onload=\"x", "&quot; onload=&quot;x")]
    [InlineData("énergie — 0–100 %", "énergie — 0–100 %")]
    [InlineData("a\0b", "a\uFFFDb")]
    [InlineData("", "")]
    public void Escape_replaces_markup_characters(string text, string expected) =>
        Assert.Equal(expected, ReportHtml.Escape(text));

    [Fact]
    public void Escape_of_null_is_empty() => Assert.Equal(string.Empty, ReportHtml.Escape(null));

    [Fact]
    public void Escaped_text_holds_no_markup_characters()
    {
        var escaped = ReportHtml.Escape("<a href='x' title=\"y\">&</a>");
        Assert.DoesNotContain('<', escaped);
        Assert.DoesNotContain('>', escaped);
        Assert.DoesNotContain('"', escaped);
        Assert.DoesNotContain('\'', escaped);
        Assert.Equal("<a href='x' title=\"y\">&</a>", System.Net.WebUtility.HtmlDecode(escaped));
    }

    [Theory]
    [InlineData("energy_by_tier", "energy-by-tier")]
    [InlineData("Bytes vs Accuracy!", "bytes-vs-accuracy")]
    [InlineData("__a__b__", "a-b")]
    [InlineData("\"><script>", "script")]
    public void Anchor_keeps_only_safe_characters(string name, string expected) =>
        Assert.Equal(expected, ReportHtml.Anchor(name));

    [Fact]
    public void Plot_anchor_is_prefixed_and_drops_the_extension() =>
        Assert.Equal("plot-energy-by-tier", RunReport.PlotAnchor(RunPlots.EnergyByTier));
}
