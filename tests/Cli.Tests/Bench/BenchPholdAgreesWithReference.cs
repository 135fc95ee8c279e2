using System.Text.Json;
using FgsActors.Cli.Tests.Support;

namespace FgsActors.Cli.Tests.Bench;

/// <summary>
/// <c>fgs bench phold</c> prints one JSON object in which the actor kernel and the sequential reference
/// processed the same events with the same checksum, and their speed ratio.
/// </summary>
public sealed class BenchPholdAgreesWithReference
{
    [Theory]
    [InlineData("Direct")]
    [InlineData("Mailbox")]
    public void Small_phold_engine_equals_reference(string delivery)
    {
        var result = Fgs.RunOk("bench", "phold", "--lps", "2000", "--end", "5", "--partitions", "3", "--workers", "2", "--delivery", delivery);

        using var json = JsonDocument.Parse(result.Out);
        var engine = json.RootElement.GetProperty("engine");
        var reference = json.RootElement.GetProperty("reference");
        Assert.True(engine.GetProperty("events").GetInt64() > 2000);
        Assert.Equal(reference.GetProperty("events").GetInt64(), engine.GetProperty("events").GetInt64());
        Assert.Equal(reference.GetProperty("checksum").GetString(), engine.GetProperty("checksum").GetString());
        Assert.True(json.RootElement.GetProperty("ratio").GetDouble() > 0);
        Assert.Equal(2000, json.RootElement.GetProperty("settings").GetProperty("lps").GetInt32());
        Assert.Equal(3, engine.GetProperty("partitions").GetInt32());
    }

    [Fact]
    public void No_reference_omits_reference_and_ratio()
    {
        var result = Fgs.RunOk("bench", "phold", "--lps", "500", "--end", "2", "--partitions", "2", "--workers", "2", "--no-reference");

        using var json = JsonDocument.Parse(result.Out);
        Assert.True(json.RootElement.GetProperty("engine").GetProperty("events").GetInt64() > 0);
        Assert.False(json.RootElement.TryGetProperty("reference", out _));
        Assert.False(json.RootElement.TryGetProperty("ratio", out _));
    }
}
