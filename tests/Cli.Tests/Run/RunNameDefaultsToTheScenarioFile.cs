using FgsActors.Cli.Hosting;

namespace FgsActors.Cli.Tests.Run;

/// <summary>An unnamed scenario's results go to runs/&lt;scenario file name&gt;-&lt;time&gt;; a name given anywhere wins.</summary>
public sealed class RunNameDefaultsToTheScenarioFile
{
    [Theory]
    [InlineData("default", "reference.conf", "config/scenarios/my-study.conf", "my-study")]
    [InlineData("default", "/repo/config/reference.conf:27", "/tmp/churn.conf", "churn")]
    [InlineData("quickstart", "/repo/config/scenarios/quickstart.conf:7", "config/scenarios/quickstart.conf", "quickstart")]
    [InlineData("sweep-a", "--set", "config/scenarios/quickstart.conf", "sweep-a")]
    public void NameComesFromConfigOnlyWhenSomebodySetIt(string configured, string origin, string scenario, string expected)
    {
        Assert.Equal(expected, RunDirectory.RunName(configured, origin, scenario));
    }

    [Fact]
    public void DefaultDirectoryIsRunsNameTimestamp()
    {
        // Relative to the working directory, as a user expects; the test removes what it creates.
        var name = "fgs-test-" + Guid.NewGuid().ToString("N")[..8];
        var dir = RunDirectory.Prepare(null, "", "reference.conf", name, new DateTime(2026, 11, 25, 14, 3, 9, DateTimeKind.Utc));
        try
        {
            Assert.Equal(Path.Combine("runs", name + "-20261125-140309"), dir);
            Assert.True(Directory.Exists(dir));
        }
        finally
        {
            Directory.Delete(dir);
        }
    }
}
