using FgsActors.Cli.Tests.Support;

namespace FgsActors.Cli.Tests.BadInput;

/// <summary>
/// Bad-input cases first found failing (type names in parse errors, a run that never ended, messages that
/// blamed the wrong key or hid the limit); kept as regression tests.
/// </summary>
public sealed class MessageRegressions
{
    // Was: "error: Cannot parse argument 'abc' for option '--lps' as expected type 'System.Int32'." (and
    // 'System.UInt64' for --seed, 'FgsActors.Actors.Kernel.EntityDelivery' for --delivery): System.CommandLine's
    // parse message leaks .NET type names. Expected: e.g. "--lps: expected an integer >= 1, found 'abc'".
    [Theory]
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

    // Was: exit 0 path, the run never ends. PholdSettings.Validate checks double.IsInfinity(EndSeconds) but not
    // EndTicks == VirtualTime.Infinity, and VirtualTime.FromSeconds(1e30) saturates to Infinity, so PHOLD
    // (constant event population) runs "until never". SparseSettings.Validate does check EndTicks.
    [Fact]
    public async Task Bench_phold_end_beyond_virtual_time_range_is_bad_input()
    {
        // Bounded wait: with the bug present the run would never return.
        var result = await Task.Run(() => Fgs.Run("bench", "phold", "--lps", "10", "--end", "1e30", "--no-reference", "--partitions", "1", "--workers", "1"))
            .WaitAsync(TimeSpan.FromSeconds(20));

        BadInputAssert.AssertRejected(result, "--end:");
    }

    // Was: "error: --end: expected a positive finite end time, found 9223372036854775807 ns": the user typed
    // seconds (1e30); the message shows the saturated tick count instead.
    [Fact]
    public void Bench_sparse_end_too_large_message_shows_the_value_given()
    {
        var result = Fgs.Run("bench", "sparse", "--leaves", "10", "--end", "1e30");

        BadInputAssert.AssertRejected(result, "--end:");
        Assert.DoesNotContain("9223372036854775807", result.Err, StringComparison.Ordinal);
    }

    // Was: "error: --out: '/tmp/.../afile' is a file; ..." although no --out was given: the directory came from
    // fgs.output.dir (RunDirectory.Prepare always says --out). Expected: the message names fgs.output.dir and
    // where it was set (file.conf:2).
    [Fact]
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

    // Was: "config key 'fgs.phold.lps' in x.conf:2: expected an integer >= 1, found "3000000000"": 3e9 is >= 1,
    // so the message contradicts itself. SettingsReader.IntegerExpectation omits the type's own maximum.
    // Expected: "expected an integer in [1, 2147483647]".
    [Fact]
    public void Integer_above_type_range_message_states_the_maximum()
    {
        using var temp = new TempDir();
        var scenario = temp.Scenario("big.conf", "fgs.phold.lps = 3000000000");

        var result = Fgs.Run("config", "show", scenario);

        BadInputAssert.AssertRejected(result, "'fgs.phold.lps'", "2147483647");
    }

    // Was: "expected a duration such as 100ms, 1 h or 0.1s (a bare number means seconds) >= 1ns, found "200000d"":
    // 200000d is >= 1ns; the real limit is the 64-bit nanosecond range (about 106751d), which is not stated.
    [Fact]
    public void Duration_beyond_virtual_time_range_message_states_the_maximum()
    {
        var result = Fgs.Run("config", "show", Repo.Quickstart, "--set", "fgs.run.end=200000d");

        BadInputAssert.AssertRejected(result, "'fgs.run.end'", "106751d");
    }

    // Was: "error: Required argument missing for command: 'run'.": names the verb, not the missing argument.
    [Fact]
    public void Missing_scenario_argument_is_named()
    {
        var result = Fgs.Run("run");

        BadInputAssert.AssertRejected(result, "scenario");
    }
}
