using FgsActors.Cli.Tests.Support;

namespace FgsActors.Cli.Tests.BadInput;

/// <summary>
/// A key the simulator does not read is never ignored: it is bad input naming the key, with a "did you mean"
/// when a known key is close.
/// </summary>
public sealed class UnknownKeysAreRejectedWithSuggestion
{
    [Fact]
    public void Misspelt_key_suggests_the_known_key()
    {
        using var temp = new TempDir();
        var scenario = temp.Scenario("typo.conf", "fgs.kernel.partitons = 4");
        var outDir = temp.At("out");

        var result = Fgs.Run("run", scenario, "--out", outDir, "--quiet");

        BadInputAssert.AssertRejected(result, "'fgs.kernel.partitons'", "typo.conf:2", "did you mean 'fgs.kernel.partitions'");
        BadInputAssert.AssertNoSummary(outDir);
    }

    [Fact]
    public void Misspelt_section_suggests_the_key_in_the_right_section()
    {
        using var temp = new TempDir();
        var scenario = temp.Scenario("typo.conf", "fgs.kernal { partitions = 4 }");

        var result = Fgs.Run("config", "show", scenario);

        BadInputAssert.AssertRejected(result, "fgs.kernal", "typo.conf:2", "did you mean 'fgs.kernel.partitions'");
    }

    [Fact]
    public void Unknown_top_level_section_under_fgs_is_named()
    {
        using var temp = new TempDir();
        var scenario = temp.Scenario("extra.conf", "fgs.bogus { x = 1 }");
        var outDir = temp.At("out");

        var result = Fgs.Run("run", scenario, "--out", outDir, "--quiet");

        BadInputAssert.AssertRejected(result, "unknown config key", "'fgs.bogus.x'", "extra.conf:2");
        BadInputAssert.AssertNoSummary(outDir);
    }

    [Fact]
    public void Empty_unknown_section_under_fgs_is_named()
    {
        using var temp = new TempDir();
        var scenario = temp.Scenario("extra.conf", "fgs.bogus {}");

        var result = Fgs.Run("config", "show", scenario);

        BadInputAssert.AssertRejected(result, "unknown config key", "'fgs.bogus'");
    }
}
