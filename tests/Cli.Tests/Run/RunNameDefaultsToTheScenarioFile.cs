using FgsActors.Cli.Hosting;

namespace FgsActors.Cli.Tests.Run;

/// <summary>An unnamed scenario's results go to runs/&lt;scenario file name&gt;-&lt;time&gt;; any other name wins.</summary>
public sealed class RunNameDefaultsToTheScenarioFile
{
    [Theory]
    [InlineData("default", "config/scenarios/my-study.conf", "my-study")]
    [InlineData("default", "/tmp/churn.conf", "churn")]
    [InlineData("quickstart", "config/scenarios/quickstart.conf", "quickstart")]
    [InlineData("sweep-a", "config/scenarios/quickstart.conf", "sweep-a")]
    public void NameComesFromConfigUnlessItIsThePlaceholder(string configured, string scenario, string expected)
    {
        Assert.Equal(expected, RunDirectory.RunName(configured, scenario));
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
