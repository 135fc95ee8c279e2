using FgsActors.Cli.Tests.Support;

namespace FgsActors.Cli.Tests.ConfigShow;

/// <summary>Every scenario shipped in config/scenarios loads and validates (`fgs config show` exits 0).</summary>
public sealed class EveryShippedScenarioLoads
{
    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Repo.PathOf("config/scenarios"), "*.conf").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void The_scenario_binds(string file)
    {
        var result = Fgs.Run("config", "show", Repo.PathOf("config/scenarios/" + file));
        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
    }
}
