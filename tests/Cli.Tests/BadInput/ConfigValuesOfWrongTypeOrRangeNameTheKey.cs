using FgsActors.Cli.Tests.Support;

namespace FgsActors.Cli.Tests.BadInput;

/// <summary>
/// A scenario value of the wrong type or out of range is bad input (exit 2) whose message names the full key
/// path and the file that set it; <c>run</c> writes no summary.json and <c>config show</c> shows nothing.
/// </summary>
public sealed class ConfigValuesOfWrongTypeOrRangeNameTheKey
{
    // (line 2 of the scenario, the key the message must name)
    public static TheoryData<string, string> Cases => new()
    {
        { "fgs.kernel.partitions = \"many\"", "fgs.kernel.partitions" },
        { "fgs.kernel.partitions = 0", "fgs.kernel.partitions" },
        { "fgs.kernel.partitions = 2.5", "fgs.kernel.partitions" },
        { "fgs.kernel.workers = -1", "fgs.kernel.workers" },
        { "fgs.phold.lookahead = -1s", "fgs.phold.lookahead" },
        { "fgs.phold.lookahead = 0s", "fgs.phold.lookahead" },
        { "fgs.phold.remote = 1.5", "fgs.phold.remote" },
        { "fgs.phold.mean = 50ms", "fgs.phold.mean" }, // below the default lookahead of 100ms
        { "fgs.phold.lps = 0", "fgs.phold.lps" },
        { "fgs.run.end = 5 parsecs", "fgs.run.end" },
        { "fgs.run.model = foo", "fgs.run.model" },
        { "fgs.run.seed = -1", "fgs.run.seed" },
        { "fgs.run.seed = [1, 2]", "fgs.run.seed" },
        { "fgs.run.name = \"a/b\"", "fgs.run.name" },
        { "fgs.sparse.send-fraction = 2", "fgs.sparse.send-fraction" },
        { "fgs.sparse.leaves = 0", "fgs.sparse.leaves" },
        { "fgs.sparse.latency-min = 0ms", "fgs.sparse.latency-min" },
        { "fgs.phold = 3", "fgs.phold" }, // a value where a section belongs
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Run_exits_2_names_key_and_file_and_writes_no_summary(string line, string key)
    {
        using var temp = new TempDir();
        var scenario = temp.Scenario("bad.conf", line);
        var outDir = temp.At("out");

        var result = Fgs.Run("run", scenario, "--out", outDir, "--quiet");

        BadInputAssert.AssertRejected(result, $"'{key}'", "bad.conf:2");
        BadInputAssert.AssertNoSummary(outDir);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Config_show_exits_2_and_names_key(string line, string key)
    {
        using var temp = new TempDir();
        var scenario = temp.Scenario("bad.conf", line);

        var result = Fgs.Run("config", "show", scenario);

        BadInputAssert.AssertRejected(result, $"'{key}'", "bad.conf:2");
    }
}
