using FgsActors.Simulation.Configuration;

namespace FgsActors.Simulation.Tests.Configuration;

public class ConfigTreeTests
{
    [Fact]
    public void ObjectPathsAreEveryProperPrefixOfALeafPlusEmptyObjects()
    {
        var tree = new ConfigTree(
            [new ConfigEntry("fgs.kernel.partitions", "4", null, "a.conf"), new ConfigEntry("akka.loglevel", "INFO", null, "a.conf")],
            ["fgs.extra"]);

        Assert.Equal(["akka", "fgs", "fgs.extra", "fgs.kernel"], tree.ObjectPaths.Order(StringComparer.Ordinal));
        Assert.Equal("4", tree.Find("fgs.kernel.partitions")!.Value);
        Assert.Null(tree.Find("fgs.kernel"));
    }

    [Fact]
    public void UnderSelectsWholeSegmentsOnlyInPathOrder()
    {
        var tree = Trees.Of(("fgs.run.seed", "1"), ("fgs.runner.x", "2"), ("fgs.run.end", "3s"), ("other", "4"));

        Assert.Equal(["fgs.run.end", "fgs.run.seed"], tree.Under("fgs.run").Select(e => e.Path));
        Assert.Equal(["other"], tree.Under("other").Select(e => e.Path));
    }

    [Fact]
    public void APathCannotBeBothAValueAndAnObject()
    {
        var error = Assert.Throws<ArgumentException>(() => Trees.Of(("fgs.run", "x"), ("fgs.run.seed", "1")));
        Assert.Contains("'fgs.run' is both a value and an object", error.Message);
    }

    [Fact]
    public void DuplicateLeavesAreRejected()
    {
        Assert.Throws<ArgumentException>(() => Trees.Of(("a.b", "1"), ("a.b", "2")));
    }

    [Fact]
    public void DescribeQuotesScalarsBracketsListsAndSpellsNull()
    {
        Assert.Equal("\"-3\"", new ConfigEntry("k", "-3", null, "o").Describe());
        Assert.Equal("\"say \\\"hi\\\"\"", new ConfigEntry("k", "say \"hi\"", null, "o").Describe());
        Assert.Equal("[\"1\", \"b c\"]", new ConfigEntry("k", null, ["1", "b c"], "o").Describe());
        Assert.Equal("null", new ConfigEntry("k", null, null, "o").Describe());
    }
}
