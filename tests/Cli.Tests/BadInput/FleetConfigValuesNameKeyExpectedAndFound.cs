using FgsActors.Cli.Tests.Support;

namespace FgsActors.Cli.Tests.BadInput;

/// <summary>
/// Out-of-range fleet settings (tier mix, tiers, network, aggregator, workload) are bad input: exit 2, a
/// message naming the key (or section), where it was set, what was expected and what was found, and no run.
/// Each case is checked as a <c>--set</c> on the quickstart and as a line of a scenario file.
/// </summary>
public sealed class FleetConfigValuesNameKeyExpectedAndFound
{
    // (the --set overrides, the first one being the offending key; the key or section the message names;
    //  a fragment of what was expected; a fragment of what was found)
    public static TheoryData<string[], string, string, string> Cases => new()
    {
        // 1. tier fractions that do not sum to 1
        { ["fgs.fleet.mix.gateway=0.5"], "'fgs.fleet.mix'", "expected tier fractions summing to 1", "which sum to 1.4" },
        { ["fgs.fleet.mix.smartphone=0"], "'fgs.fleet.mix'", "expected tier fractions summing to 1", "which sum to 0.6" },

        // 2. negative (or zero) rates and tier figures
        { ["fgs.network.down-capacity-bps=-5"], "'fgs.network.down-capacity-bps'", "expected a number > 0 or \"unlimited\"", "found \"-5\"" },
        { ["fgs.network.up-capacity-bps=0"], "'fgs.network.up-capacity-bps'", "expected a number > 0 or \"unlimited\"", "found \"0\"" },
        { ["fgs.fleet.tiers.sbc.idle-power-w=-1"], "'fgs.fleet.tiers.sbc.idle-power-w'", "expected a number >= 0", "found \"-1\"" },
        { ["fgs.fleet.tiers.sbc.ram-mb=-4096"], "'fgs.fleet.tiers.sbc.ram-mb'", "expected a number > 0", "found \"-4096\"" },
        { ["fgs.fleet.tiers.smartphone.battery-wh=-15"], "'fgs.fleet.tiers.smartphone.battery-wh'", "expected a number > 0 or \"mains\"", "found \"-15\"" },
        { ["fgs.fleet.tiers.sbc.active-power-w=1"], "'fgs.fleet.tiers.sbc.active-power-w'", "expected a number >= fgs.fleet.tiers.sbc.idle-power-w (2.7)", "found \"1\"" },
        { ["fgs.fleet.devices=-1"], "'fgs.fleet.devices'", "expected an integer >= 0", "found \"-1\"" },

        // 3. probabilities and fractions outside their range
        { ["fgs.network.packet-loss=1.5"], "'fgs.network.packet-loss'", "expected a number in [0, 1)", "found \"1.5\"" },
        { ["fgs.network.packet-loss=1"], "'fgs.network.packet-loss'", "expected a number in [0, 1)", "found \"1\"" },
        { ["fgs.network.packet-loss=-0.01"], "'fgs.network.packet-loss'", "expected a number in [0, 1)", "found \"-0.01\"" },
        { ["fgs.fleet.mix.sbc=-0.1"], "'fgs.fleet.mix.sbc'", "expected a number in [0, 1]", "found \"-0.1\"" },
        { ["fgs.fleet.mix.sbc=1.5"], "'fgs.fleet.mix.sbc'", "expected a number in [0, 1]", "found \"1.5\"" },

        // 4. unknown tier in the mix, unknown radio class in a tier
        { ["fgs.fleet.mix.tablet=0.1"], "'fgs.fleet.mix.tablet'", "expected a tier defined under fgs.fleet.tiers (gateway, microcontroller, sbc, sbc-battery, smartphone)", "found the unknown tier 'tablet'" },
        { ["fgs.fleet.tiers.sbc.radio=bluetooth"], "'fgs.fleet.tiers.sbc.radio'", "expected a radio class, one of ethernet, wifi, wifi-ac, lte, 5g, lora, nb-iot", "found \"bluetooth\"" },

        // 7. aggregator
        { ["fgs.aggregator.over-commit=0.5"], "'fgs.aggregator.over-commit'", "expected a number >= 1", "found \"0.5\"" },
        { ["fgs.aggregator.over-commit=0"], "'fgs.aggregator.over-commit'", "expected a number >= 1", "found \"0\"" },
        // 20 x 1.3 = 26 devices invited per round: 27 updates can never arrive.
        {
            ["fgs.aggregator.target-updates=27", "fgs.aggregator.clients-per-round=20", "fgs.aggregator.straggler-policy=first-k"],
            "'fgs.aggregator.target-updates'", "expected an integer in [1, 26] (the devices invited per round", "found \"27\""
        },
        { ["fgs.aggregator.clients-per-round=0"], "'fgs.aggregator.clients-per-round'", "expected an integer >= 1", "found \"0\"" },
        { ["fgs.aggregator.deadline=0"], "'fgs.aggregator.deadline'", ">= 1ns", "found \"0\"" },
        { ["fgs.aggregator.deadline=0s"], "'fgs.aggregator.deadline'", ">= 1ns", "found \"0s\"" },
        { ["fgs.aggregator.deadline=-1s"], "'fgs.aggregator.deadline'", ">= 1ns", "found \"-1s\"" },

        // 8. workload
        { ["fgs.workload.batch-size=0"], "'fgs.workload.batch-size'", "expected an integer >= 1", "found \"0\"" },
        { ["fgs.workload.parameters=-1"], "'fgs.workload.parameters'", "expected an integer >= 1", "found \"-1\"" },
        { ["fgs.workload.parameters=0"], "'fgs.workload.parameters'", "expected an integer >= 1", "found \"0\"" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Set_on_the_quickstart_is_rejected_naming_key_expected_and_found(string[] sets, string key, string expected, string found)
    {
        using var temp = new TempDir();

        FleetRunRejections.AssertRunRejected(temp, Repo.Quickstart, sets, key, "--set", expected, found);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Scenario_file_value_is_rejected_naming_key_file_and_line(string[] sets, string key, string expected, string found)
    {
        using var temp = new TempDir();
        // Line 2 selects the fleet model; the offending key is on line 3, any keys it depends on follow.
        var lines = sets.Select(s => s.Replace("=", " = ", StringComparison.Ordinal));
        var scenario = temp.Scenario("bad.conf", "fgs.run.model = fleet\n" + string.Join("\n", lines));

        FleetRunRejections.AssertRunRejected(temp, scenario, [], key, "bad.conf:3", expected, found);
    }

    [Fact]
    public void Fleet_sections_are_checked_even_when_another_model_runs()
    {
        using var temp = new TempDir();
        var scenario = temp.Scenario("phold.conf", "fgs.run.model = phold\nfgs.network.packet-loss = 1.5");

        FleetRunRejections.AssertRunRejected(temp, scenario, [], "'fgs.network.packet-loss'", "phold.conf:3", "expected a number in [0, 1)", "found \"1.5\"");
    }

    [Fact]
    public void Mix_sum_message_lists_each_fraction_with_where_it_was_set()
    {
        using var temp = new TempDir();

        var result = FleetRunRejections.AssertRunRejected(temp, Repo.Quickstart, ["fgs.fleet.mix.gateway=0.5"], "'fgs.fleet.mix'");

        Assert.Contains("gateway = 0.5 (--set)", result.Err, StringComparison.Ordinal);
        Assert.Contains("smartphone = 0.4 (", result.Err, StringComparison.Ordinal);
        Assert.Contains("reference.conf:", result.Err, StringComparison.Ordinal);
    }
}
