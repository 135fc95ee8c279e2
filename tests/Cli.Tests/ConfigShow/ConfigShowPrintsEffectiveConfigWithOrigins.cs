using System.Text.RegularExpressions;
using FgsActors.Actors.Configuration;
using FgsActors.Cli.Tests.Support;
using FgsActors.Simulation.Configuration;

namespace FgsActors.Cli.Tests.ConfigShow;

/// <summary>
/// <c>fgs config show</c> prints every fgs key with a comment naming where its value came from: the scenario
/// (file:line), the reference, or <c>--set</c>; the output is itself a loadable scenario.
/// </summary>
public sealed class ConfigShowPrintsEffectiveConfigWithOrigins
{
    [Fact]
    public void Every_key_is_shown_with_its_origin()
    {
        var result = Fgs.RunOk("config", "show", Repo.Quickstart);

        Assert.True(string.IsNullOrWhiteSpace(result.Err), result.ToString());
        foreach (var key in FgsKeys.All)
        {
            var leaf = key.Split('.')[^1];
            Assert.Matches(new Regex($@"(?m)^\s+{Regex.Escape(leaf)} = .+  # \S+"), result.Out);
        }
        Assert.Matches(new Regex(@"(?m)^\s+devices = 1000  # .*quickstart\.conf:\d+$"), result.Out);
        Assert.Matches(new Regex(@"(?m)^\s+seed = 1  # .*reference\.conf(:\d+)?$"), result.Out);
    }

    [Fact]
    public void Set_values_show_origin_set()
    {
        var result = Fgs.RunOk("config", "show", Repo.Quickstart, "--set", "fgs.kernel.partitions=3", "--set", "fgs.sparse.leaves=77");

        Assert.Matches(new Regex(@"(?m)^\s+partitions = 3  # --set$"), result.Out);
        Assert.Matches(new Regex(@"(?m)^\s+leaves = 77  # --set$"), result.Out);
        Assert.DoesNotMatch(new Regex(@"(?m)^\s+workers = .*# --set$"), result.Out);
    }

    [Fact]
    public void The_later_of_two_sets_of_one_key_wins()
    {
        var result = Fgs.RunOk("config", "show", Repo.Quickstart, "--set", "fgs.run.seed=3", "--set", "fgs.run.seed=4");

        Assert.Matches(new Regex(@"(?m)^\s+seed = 4  # --set$"), result.Out);
    }

    [Fact]
    public void Printed_config_loads_back_to_the_same_settings()
    {
        using var temp = new TempDir();
        string[] sets = ["fgs.kernel.workers=2", "fgs.run.end=90m"];
        var result = Fgs.RunOk(["config", "show", Repo.Quickstart, .. sets.SelectMany(s => new[] { "--set", s })]);
        var shown = temp.Write("shown.conf", result.Out);

        var original = FgsSettings.Bind(HoconLoader.Load(Repo.Quickstart, sets).Tree, processorCount: 5);
        var reloaded = FgsSettings.Bind(HoconLoader.Load(shown).Tree, processorCount: 5);

        Assert.Equal(original, reloaded);
    }
}
