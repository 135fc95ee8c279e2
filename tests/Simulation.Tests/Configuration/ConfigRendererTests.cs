using FgsActors.Simulation.Configuration;

namespace FgsActors.Simulation.Tests.Configuration;

public class ConfigRendererTests
{
    [Fact]
    public void RendersNestedSortedBlocksWithOrigins()
    {
        var tree = new ConfigTree(
        [
            new ConfigEntry("fgs.run.seed", "7", null, "--set"),
            new ConfigEntry("fgs.kernel.partitions", "auto", null, "reference.conf"),
            new ConfigEntry("fgs.run.end", "1 h", null, "s.conf:4"),
            new ConfigEntry("akka.loglevel", "INFO", null, "s.conf:9"),
        ]);

        const string expected =
            "fgs {\n" +
            "  kernel {\n" +
            "    partitions = auto  # reference.conf\n" +
            "  }\n" +
            "  run {\n" +
            "    end = \"1 h\"  # s.conf:4\n" +
            "    seed = 7  # --set\n" +
            "  }\n" +
            "}\n";
        Assert.Equal(expected, ConfigRenderer.Render(tree));
    }

    [Fact]
    public void QuotesWhatWouldNotReadBackAsTheSameText()
    {
        var tree = new ConfigTree(
        [
            new ConfigEntry("fgs.a", "", null, "o"),
            new ConfigEntry("fgs.b", "null", null, "o"),
            new ConfigEntry("fgs.c", null, null, "o"),
            new ConfigEntry("fgs.d", "say \"hi\"\\\n", null, "o"),
            new ConfigEntry("fgs.e", "-3", null, "o"),
            new ConfigEntry("fgs.f", "0.9", null, "o"),
            new ConfigEntry("fgs.g", null, ["1", "two words"], "o"),
            new ConfigEntry("fgs.h", "http://x:1", null, "o"),
        ]);

        var lines = ConfigRenderer.Render(tree).Split('\n');

        Assert.Equal("  a = \"\"  # o", lines[1]);
        Assert.Equal("  b = \"null\"  # o", lines[2]);
        Assert.Equal("  c = null  # o", lines[3]);
        Assert.Equal("  d = \"say \\\"hi\\\"\\\\\\n\"  # o", lines[4]);
        Assert.Equal("  e = \"-3\"  # o", lines[5]);
        Assert.Equal("  f = 0.9  # o", lines[6]);
        Assert.Equal("  g = [1, \"two words\"]  # o", lines[7]);
        Assert.Equal("  h = \"http://x:1\"  # o", lines[8]);
    }

    [Fact]
    public void RendersOtherRootsAndNothingForAnAbsentRoot()
    {
        var tree = Trees.Of(("akka.loglevel", "INFO"));
        Assert.Equal("akka {\n  loglevel = INFO  # test.conf\n}\n", ConfigRenderer.Render(tree, "akka"));
        Assert.Equal("", ConfigRenderer.Render(tree));
    }
}
