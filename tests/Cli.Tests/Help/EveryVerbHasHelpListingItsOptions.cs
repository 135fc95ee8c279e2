using FgsActors.Cli.Tests.Support;

namespace FgsActors.Cli.Tests.Help;

/// <summary><c>--help</c> on every verb exits 0 and lists that verb's options and sub-commands on stdout.</summary>
public sealed class EveryVerbHasHelpListingItsOptions
{
    public static TheoryData<string, string[]> Verbs => new()
    {
        { "", ["run", "config", "bench", "--version", "--help"] },
        { "run", ["<scenario>", "--out", "--set", "--quiet", "--trace"] },
        { "config", ["show"] },
        { "config show", ["<scenario>", "--set"] },
        { "bench", ["phold", "sparse", "memory"] },
        {
            "bench phold",
            ["--lps", "--events-per-lp", "--remote", "--lookahead", "--mean", "--end", "--seed", "--partitions", "--workers", "--no-reference", "--delivery"]
        },
        {
            "bench sparse",
            ["--leaves", "--mean-gap", "--send-fraction", "--latency-min", "--jitter-mean", "--end", "--seed", "--partitions", "--workers"]
        },
        { "bench memory", ["--entities", "--partitions"] },
    };

    [Theory]
    [MemberData(nameof(Verbs))]
    public void Help_exits_0_and_lists_options(string verb, string[] listed)
    {
        string[] args = [.. verb.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"];

        var result = Fgs.Run(args);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Contains("Usage:", result.Out, StringComparison.Ordinal);
        foreach (var item in listed) Assert.Contains(item, result.Out, StringComparison.Ordinal);
        Assert.True(string.IsNullOrWhiteSpace(result.Err), result.ToString());
    }

    [Theory]
    [InlineData("-h")]
    [InlineData("-?")]
    public void Short_help_aliases_work(string alias)
    {
        var result = Fgs.Run("run", alias);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Contains("--out", result.Out, StringComparison.Ordinal);
    }
}
