using FgsActors.Cli.Tests.Support;

namespace FgsActors.Cli.Tests.BadInput;

/// <summary>
/// Bad-input cases where src/ does not yet meet the contract. Each is skipped so the suite stays green; the
/// skip reason says what happens now. Remove the Skip once src/ is fixed.
/// </summary>
public sealed class ReportedSrcProblems
{
    // Now: "error: Cannot parse argument 'abc' for option '--lps' as expected type 'System.Int32'." (and
    // 'System.UInt64' for --seed, 'FgsActors.Actors.Kernel.EntityDelivery' for --delivery): System.CommandLine's
    // parse message leaks .NET type names. Expected: e.g. "--lps: expected an integer >= 1, found 'abc'".
    [Theory(Skip = "src: System.CommandLine parse errors name .NET types (System.Int32, System.UInt64, FgsActors.Actors.Kernel.EntityDelivery)")]
    [InlineData("phold", "--lps", "abc")]
    [InlineData("phold", "--seed", "-1")]
    [InlineData("phold", "--remote", "lots")]
    [InlineData("phold", "--delivery", "Foo")]
    [InlineData("sparse", "--leaves", "1e3")]
    public void Unparsable_bench_option_value_names_option_without_type_names(string bench, string option, string value)
    {
        var result = Fgs.Run("bench", bench, option, value);

        BadInputAssert.AssertRejected(result, option);
    }

    // Now: exit 0 path, the run never ends. PholdSettings.Validate checks double.IsInfinity(EndSeconds) but not
    // EndTicks == VirtualTime.Infinity, and VirtualTime.FromSeconds(1e30) saturates to Infinity, so PHOLD
    // (constant event population) runs "until never". SparseSettings.Validate does check EndTicks.
    [Fact(Skip = "src: bench phold --end 1e30 is accepted and runs forever (EndTicks saturates to VirtualTime.Infinity; PholdSettings.Validate checks only EndSeconds)")]
    public async Task Bench_phold_end_beyond_virtual_time_range_is_bad_input()
    {
        // Bounded wait: with the bug present the run would never return.
        var result = await Task.Run(() => Fgs.Run("bench", "phold", "--lps", "10", "--end", "1e30", "--no-reference", "--partitions", "1", "--workers", "1"))
            .WaitAsync(TimeSpan.FromSeconds(20));

        BadInputAssert.AssertRejected(result, "--end:");
    }

    // Now: "error: --end: expected a positive finite end time, found 9223372036854775807 ns": the user typed
    // seconds (1e30); the message shows the saturated tick count instead.
    [Fact(Skip = "src: bench sparse --end 1e30 message shows the saturated tick count 9223372036854775807 ns instead of the value given")]
    public void Bench_sparse_end_too_large_message_shows_the_value_given()
    {
        var result = Fgs.Run("bench", "sparse", "--leaves", "10", "--end", "1e30");

        BadInputAssert.AssertRejected(result, "--end:");
        Assert.DoesNotContain("9223372036854775807", result.Err, StringComparison.Ordinal);
    }

    // Now: "error: --out: '/tmp/.../afile' is a file; ..." although no --out was given: the directory came from
    // fgs.output.dir (RunDirectory.Prepare always says --out). Expected: the message names fgs.output.dir and
    // where it was set (file.conf:2).
    [Fact(Skip = "src: a bad fgs.output.dir is reported as '--out: ...' although --out was not given")]
    public void Bad_output_dir_from_config_names_the_config_key()
    {
        using var temp = new TempDir();
        var file = temp.Write("afile", "keep\n");
        var scenario = temp.Scenario("outdir.conf", $"fgs.output.dir = \"{file.Replace('\\', '/')}\"");

        var result = Fgs.Run("run", scenario, "--quiet");

        BadInputAssert.AssertRejected(result, "fgs.output.dir");
        Assert.DoesNotContain("--out", result.Err, StringComparison.Ordinal);
        Assert.Equal("keep\n", File.ReadAllText(file));
    }

    // Now: "config key 'fgs.phold.lps' in x.conf:2: expected an integer >= 1, found "3000000000"": 3e9 is >= 1,
    // so the message contradicts itself. SettingsReader.IntegerExpectation omits the type's own maximum.
    // Expected: "expected an integer in [1, 2147483647]".
    [Fact(Skip = "src: fgs.phold.lps = 3000000000 says 'expected an integer >= 1' (the int maximum is not stated)")]
    public void Integer_above_type_range_message_states_the_maximum()
    {
        using var temp = new TempDir();
        var scenario = temp.Scenario("big.conf", "fgs.phold.lps = 3000000000");

        var result = Fgs.Run("config", "show", scenario);

        BadInputAssert.AssertRejected(result, "'fgs.phold.lps'", "2147483647");
    }

    // Now: "expected a duration such as 100ms, 1 h or 0.1s (a bare number means seconds) >= 1ns, found "200000d"":
    // 200000d is >= 1ns; the real limit is the 64-bit nanosecond range (about 106751d), which is not stated.
    [Fact(Skip = "src: fgs.run.end = 200000d says 'expected ... >= 1ns' (the largest duration is not stated)")]
    public void Duration_beyond_virtual_time_range_message_states_the_maximum()
    {
        var result = Fgs.Run("config", "show", Repo.Quickstart, "--set", "fgs.run.end=200000d");

        BadInputAssert.AssertRejected(result, "'fgs.run.end'", "<=");
    }

    // Now: "error: Required argument missing for command: 'run'.": names the verb, not the missing argument.
    [Fact(Skip = "src: a missing scenario argument says \"Required argument missing for command: 'run'\" without naming <scenario>")]
    public void Missing_scenario_argument_is_named()
    {
        var result = Fgs.Run("run");

        BadInputAssert.AssertRejected(result, "scenario");
    }
}
