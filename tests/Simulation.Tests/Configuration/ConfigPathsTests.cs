using FgsActors.Simulation.Configuration;

namespace FgsActors.Simulation.Tests.Configuration;

public class ConfigPathsTests
{
    [Theory]
    [InlineData("config/scenarios/s.conf:12", "config/scenarios/s.conf")]
    [InlineData("s.conf:1", "s.conf")]
    [InlineData(@"C:\runs\s.conf:3", @"C:\runs\s.conf")]
    [InlineData("--set", null)]
    [InlineData("reference.conf", null)]
    [InlineData("(unknown origin)", null)]
    [InlineData("odd:name.conf", null)]
    public void TheOriginFileIsTheFilePartOfFileColonLine(string origin, string? file)
    {
        Assert.Equal(file, ConfigPaths.OriginFile(origin));
    }

    [Theory]
    [InlineData("data/d.csv", "config/scenarios/s.conf:12", "config/scenarios/data/d.csv")]
    [InlineData("../d.csv", "config/scenarios/s.conf:12", "config/scenarios/../d.csv")]
    [InlineData("d.csv", "s.conf:2", "d.csv")]
    [InlineData("data/d.csv", "--set", "data/d.csv")]
    [InlineData("data/d.csv", "reference.conf", "data/d.csv")]
    [InlineData("", "config/s.conf:3", "")]
    public void RelativePathsResolveAgainstTheOriginFilesDirectory(string value, string origin, string expected)
    {
        var resolved = ConfigPaths.Resolve(new ConfigEntry("fgs.fleet.device-table", value, null, origin));
        Assert.Equal(expected.Replace('/', Path.DirectorySeparatorChar), resolved.Replace('/', Path.DirectorySeparatorChar));
    }

    [Fact]
    public void AbsolutePathsStayAsTheyAre()
    {
        var absolute = Path.Combine(Path.GetTempPath(), "d.csv");
        Assert.Equal(absolute, ConfigPaths.Resolve(new ConfigEntry("k", absolute, null, "config/s.conf:3")));
    }
}
