using FgsActors.Cli.Tests.Support;

namespace FgsActors.Cli.Tests.BadInput;

/// <summary>
/// Bad values in the sections of real training (<c>fgs.training</c>, <c>fgs.data</c>) are bad input like the fleet
/// sections': exit 2, a message naming the key, where it was set, what was expected and what was found, and no run,
/// whether training is on or not. Each case is checked as a <c>--set</c> on the quickstart and as a line of a scenario.
/// </summary>
public sealed class TrainingConfigValuesNameKeyExpectedAndFound
{
    // (the --set overrides, the first one being the offending key; the key the message names; a fragment of what was
    //  expected; a fragment of what was found)
    public static TheoryData<string[], string, string, string> Cases => new()
    {
        { ["fgs.training.network=resnet18"], "'fgs.training.network'", "expected one of lenet5, mlp", "found \"resnet18\"" },
        { ["fgs.training.algorithm=scaffold"], "'fgs.training.algorithm'", "expected one of fedavg, fedprox, fedavgm", "found \"scaffold\"" },
        { ["fgs.training.batch-size=0"], "'fgs.training.batch-size'", "expected an integer >= 1", "found \"0\"" },
        { ["fgs.training.learning-rate=-0.1"], "'fgs.training.learning-rate'", "expected a number > 0", "found \"-0.1\"" },
        { ["fgs.training.server-momentum=1"], "'fgs.training.server-momentum'", "expected a number in [0, 1)", "found \"1\"" },
        { ["fgs.training.device=\"cuda:-1\""], "'fgs.training.device'", "expected one of auto, cpu, cuda or cuda:N (N an integer >= 0)", "found \"cuda:-1\"" },
        { ["fgs.training.device=tpu"], "'fgs.training.device'", "expected one of auto, cpu, cuda or cuda:N", "found \"tpu\"" },
        { ["fgs.training.workers=0"], "'fgs.training.workers'", "expected an integer >= 1 or \"auto\"", "found \"0\"" },
        { ["fgs.training.target-accuracy=85"], "'fgs.training.target-accuracy'", "expected a number in (0, 1]", "found \"85\"" },
        { ["fgs.data.dataset=cifar10"], "'fgs.data.dataset'", "expected one of fashion-mnist, synthetic", "found \"cifar10\"" },
        { ["fgs.data.train-samples=-5"], "'fgs.data.train-samples'", "expected an integer >= 0 or \"all\"", "found \"-5\"" },
        { ["fgs.data.partition=pathological"], "'fgs.data.partition'", "expected one of iid, dirichlet, shards, quantity", "found \"pathological\"" },
        { ["fgs.data.dirichlet-alpha=0"], "'fgs.data.dirichlet-alpha'", "expected a number > 0", "found \"0\"" },
        { ["fgs.data.shard-classes=11"], "'fgs.data.shard-classes'", "expected an integer in [1, 10]", "found \"11\"" },
        {
            ["fgs.data.fashion-mnist-dir=\"\"", "fgs.training.enabled=on"],
            "'fgs.data.fashion-mnist-dir'", "expected the directory of the Fashion-MNIST IDX files (required when fgs.data.dataset = fashion-mnist)", "found \"\""
        },
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
    public void Training_sections_are_checked_even_when_another_model_runs()
    {
        using var temp = new TempDir();
        var scenario = temp.Scenario("phold.conf", "fgs.run.model = phold\nfgs.training.eval-every = 0");

        FleetRunRejections.AssertRunRejected(temp, scenario, [], "'fgs.training.eval-every'", "phold.conf:3", "expected an integer >= 1", "found \"0\"");
    }

    [Fact]
    public void Config_show_names_a_misspelt_training_key_and_suggests_the_right_one()
    {
        var result = Fgs.Run("config", "show", Repo.Quickstart, "--set", "fgs.training.learning-rte=0.1");

        BadInputAssert.AssertRejected(result, "'fgs.training.learning-rte'", "in --set", "did you mean 'fgs.training.learning-rate'");
    }
}
