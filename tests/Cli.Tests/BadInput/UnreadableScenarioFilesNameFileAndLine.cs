using FgsActors.Cli.Tests.Support;

namespace FgsActors.Cli.Tests.BadInput;

/// <summary>
/// A scenario that cannot be read or parsed is bad input whose message names the file (and the line, where
/// there is one), like a compiler diagnostic.
/// </summary>
public sealed class UnreadableScenarioFilesNameFileAndLine
{
    [Fact]
    public void Scenario_that_does_not_exist_is_named()
    {
        using var temp = new TempDir();
        var outDir = temp.At("out");

        var result = Fgs.Run("run", temp.At("missing.conf"), "--out", outDir, "--quiet");

        BadInputAssert.AssertRejected(result, "missing.conf", "not found");
        BadInputAssert.AssertNoSummary(outDir);
    }

    [Fact]
    public void Missing_include_names_the_missing_file_and_the_including_line()
    {
        using var temp = new TempDir();
        var scenario = temp.Write("main.conf", "include \"nothere.conf\"\nfgs.run.seed = 3\n");
        var outDir = temp.At("out");

        var result = Fgs.Run("run", scenario, "--out", outDir, "--quiet");

        BadInputAssert.AssertRejected(result, "nothere.conf", "main.conf:1");
        BadInputAssert.AssertNoSummary(outDir);
    }

    [Fact]
    public void Unclosed_brace_names_the_file_and_the_line_of_the_brace()
    {
        using var temp = new TempDir();
        var scenario = temp.Scenario("broken.conf", "fgs {\n  run { seed = 3 }\n");
        var outDir = temp.At("out");

        var result = Fgs.Run("run", scenario, "--out", outDir, "--quiet");

        BadInputAssert.AssertRejected(result, "broken.conf:2");
        BadInputAssert.AssertNoSummary(outDir);
    }

    [Fact]
    public void Unterminated_string_names_the_file_and_line()
    {
        using var temp = new TempDir();
        var scenario = temp.Scenario("broken.conf", "fgs.run.seed = 2\nfgs.run.name = \"unterminated\n");

        var result = Fgs.Run("config", "show", scenario);

        BadInputAssert.AssertRejected(result, "broken.conf:3");
    }

    [Fact]
    public void Key_without_value_names_the_key_and_line()
    {
        using var temp = new TempDir();
        var scenario = temp.Scenario("broken.conf", "fgs.run.seed = ");

        var result = Fgs.Run("config", "show", scenario);

        BadInputAssert.AssertRejected(result, "broken.conf:2", "fgs.run.seed");
    }

    [Fact]
    public void Include_cycle_is_reported_not_followed()
    {
        using var temp = new TempDir();
        temp.Write("a.conf", "include \"b.conf\"\n");
        temp.Write("b.conf", "include \"a.conf\"\n");

        var result = Fgs.Run("config", "show", temp.At("a.conf"));

        BadInputAssert.AssertRejected(result, "b.conf:1", "cycle");
    }

    [Fact]
    public void Substitution_is_refused_with_file_and_line()
    {
        using var temp = new TempDir();
        var scenario = temp.Scenario("subst.conf", "fgs.run.seed = ${x}");

        var result = Fgs.Run("config", "show", scenario);

        BadInputAssert.AssertRejected(result, "subst.conf:2");
    }
}
