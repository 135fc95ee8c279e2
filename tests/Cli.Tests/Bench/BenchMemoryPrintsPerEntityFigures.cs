using System.Text.Json;
using FgsActors.Cli.Tests.Support;

namespace FgsActors.Cli.Tests.Bench;

/// <summary><c>fgs bench memory</c> (small) exits 0 and prints per-entity memory figures as JSON.</summary>
public sealed class BenchMemoryPrintsPerEntityFigures
{
    [Fact]
    public void Small_memory_bench_prints_json()
    {
        var result = Fgs.RunOk("bench", "memory", "--entities", "2000", "--partitions", "2");

        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal(2000, root.GetProperty("entities").GetInt32());
        Assert.Equal(2, root.GetProperty("partitions").GetInt32());
        Assert.Equal(JsonValueKind.Number, root.GetProperty("heap_bytes_per_entity").ValueKind);
        Assert.Equal(JsonValueKind.Number, root.GetProperty("rss_bytes_per_entity").ValueKind);
    }
}
