using FgsActors.Cli.Tests.Support;

namespace FgsActors.Cli.Tests.BadInput;

/// <summary>
/// Wrong command-line arguments (unknown options, missing arguments, out-of-range bench options) are bad
/// input whose message names the option; no benchmark or run starts.
/// </summary>
public sealed class CommandLineErrorsNameTheOption
{
    [Fact]
    public void Unknown_option_of_run_is_named()
    {
        using var temp = new TempDir();
        var outDir = temp.At("out");

        var result = Fgs.Run("run", Repo.Quickstart, "--out", outDir, "--bogus");

        BadInputAssert.AssertRejected(result, "--bogus");
        BadInputAssert.AssertNoSummary(outDir);
    }

    [Fact]
    public void Missing_scenario_argument_of_run_is_bad_input()
    {
        var result = Fgs.Run("run", "--quiet");

        BadInputAssert.AssertRejected(result, "'run'");
    }

    [Fact]
    public void Missing_scenario_argument_of_config_show_is_bad_input()
    {
        var result = Fgs.Run("config", "show");

        BadInputAssert.AssertRejected(result, "'show'");
    }

    [Fact]
    public void Unknown_verb_is_named()
    {
        var result = Fgs.Run("frobnicate");

        BadInputAssert.AssertRejected(result, "frobnicate");
    }

    [Theory]
    [InlineData("phold", "--remote", "1.5")]
    [InlineData("phold", "--remote", "-0.1")]
    [InlineData("phold", "--lookahead", "-0.1")]
    [InlineData("phold", "--lookahead", "0")]
    [InlineData("phold", "--lookahead", "1e-12")] // rounds to 0 ns
    [InlineData("phold", "--mean", "0.05")] // below the default lookahead 0.1
    [InlineData("phold", "--end", "0")]
    [InlineData("phold", "--lps", "0")]
    [InlineData("phold", "--events-per-lp", "0")]
    [InlineData("phold", "--partitions", "0")]
    [InlineData("phold", "--workers", "0")]
    [InlineData("sparse", "--leaves", "0")]
    [InlineData("sparse", "--send-fraction", "2")]
    [InlineData("sparse", "--latency-min", "0")]
    [InlineData("sparse", "--mean-gap", "0")]
    [InlineData("sparse", "--jitter-mean", "-1")]
    [InlineData("sparse", "--end", "0")]
    [InlineData("sparse", "--partitions", "0")]
    [InlineData("memory", "--entities", "0")]
    [InlineData("memory", "--partitions", "0")]
    public void Out_of_range_bench_option_is_named(string bench, string option, string value)
    {
        // Sizes are small so that, were a value wrongly accepted, the benchmark would end quickly.
        string[] small = bench switch
        {
            "phold" => ["--lps", "10", "--end", "1", "--no-reference"],
            "sparse" => ["--leaves", "10", "--end", "10"],
            _ => ["--entities", "10"],
        };
        string[] args = ["bench", bench, .. small.Chunk(2).Where(pair => pair[0] != option).SelectMany(pair => pair), option, value];

        var result = Fgs.Run(args);

        BadInputAssert.AssertRejected(result, option + ":");
    }
}
