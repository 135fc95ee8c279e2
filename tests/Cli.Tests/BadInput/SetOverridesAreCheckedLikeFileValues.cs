using FgsActors.Cli.Tests.Support;

namespace FgsActors.Cli.Tests.BadInput;

/// <summary>
/// <c>--set key=value</c> is bad input when malformed, when the key is unknown (with a suggestion) or when the
/// value is invalid; the message names <c>--set</c> and the key.
/// </summary>
public sealed class SetOverridesAreCheckedLikeFileValues
{
    [Theory]
    [InlineData("fgs.kernel.partitions", "fgs.kernel.partitions", "key=value")] // no '='
    [InlineData("=4", "--set =4", "key")] // empty key
    [InlineData("fgs.kernel.partitions=", "fgs.kernel.partitions", "no value")]
    [InlineData("fgs.kernel.partitons=3", "'fgs.kernel.partitons'", "did you mean 'fgs.kernel.partitions'")]
    [InlineData("fgs.kernel.partitions=zero", "'fgs.kernel.partitions'", "\"zero\"")]
    [InlineData("fgs.phold.remote=1.5", "'fgs.phold.remote'", "\"1.5\"")]
    [InlineData("fgs.run.end=5 parsecs", "'fgs.run.end'", "\"5 parsecs\"")]
    [InlineData("fgs kernel=3", "--set fgs kernel=3", "not a key")]
    public void Run_rejects_bad_set(string set, string key, string detail)
    {
        using var temp = new TempDir();
        var outDir = temp.At("out");

        var result = Fgs.Run("run", Repo.Quickstart, "--set", set, "--out", outDir, "--quiet");

        BadInputAssert.AssertRejected(result, "--set", key, detail);
        BadInputAssert.AssertNoSummary(outDir);
    }

    [Fact]
    public void Config_show_rejects_unknown_set_key()
    {
        var result = Fgs.Run("config", "show", Repo.Quickstart, "--set", "fgs.run.sead=3");

        BadInputAssert.AssertRejected(result, "'fgs.run.sead'", "in --set", "did you mean 'fgs.run.seed'");
    }

    [Fact]
    public void A_later_bad_set_is_reported_even_after_a_good_one()
    {
        var result = Fgs.Run("config", "show", Repo.Quickstart, "--set", "fgs.run.seed=3", "--set", "fgs.kernel.workers=-2");

        BadInputAssert.AssertRejected(result, "'fgs.kernel.workers'", "in --set", "\"-2\"");
    }
}
