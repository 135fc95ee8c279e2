using FgsActors.Simulation.Configuration;

namespace FgsActors.Simulation.Tests.Configuration;

public class FgsSettingsTests
{
    [Fact]
    public void TheReferenceDefaultsBindToHandComputedValues()
    {
        var settings = FgsSettings.Bind(Trees.WithDefaults(), processorCount: 6);

        Assert.Equal(new RunSettings("phold", 1UL, 100_000_000_000L, "default"), settings.Run);
        Assert.Equal(new KernelSettings(24, 6), settings.Kernel); // auto: 4 partitions per core, 1 worker per core
        Assert.Equal(new PholdConfig(100_000, 1, 0.9, 100_000_000L, 1_000_000_000L), settings.Phold);
        Assert.Equal(new SparseConfig(100_000, 3_600_000_000_000L, 0.01, 1_000_000L, 1_000_000L), settings.Sparse);
        Assert.Equal(new OutputSettings(""), settings.Output);
    }

    [Fact]
    public void ExplicitKernelCountsOverrideAuto()
    {
        var settings = FgsSettings.Bind(Trees.WithDefaults(("fgs.kernel.partitions", "16"), ("fgs.kernel.workers", "2")), processorCount: 6);
        Assert.Equal(new KernelSettings(16, 2), settings.Kernel);
    }

    [Fact]
    public void ABadPartitionCountNamesKeyOriginRangeAndValue()
    {
        var error = Assert.Throws<ConfigException>(() => FgsSettings.Bind(Trees.WithDefaults(("fgs.kernel.partitions", "-3")), 4));
        Assert.Equal("config key 'fgs.kernel.partitions' in test.conf: expected an integer >= 1 or \"auto\", found \"-3\"", error.Message);
    }

    [Fact]
    public void UnknownKeysAreRejectedWithASuggestion()
    {
        var error = Assert.Throws<ConfigException>(() => FgsSettings.Bind(Trees.WithDefaults(("fgs.kernal.partitions", "4")), 4));
        Assert.Equal("unknown config key 'fgs.kernal.partitions' in test.conf; did you mean 'fgs.kernel.partitions'?", error.Message);
        Assert.Equal("fgs.kernal.partitions", error.Key);
    }

    [Fact]
    public void UnknownKeysAreReportedBeforeBadValues()
    {
        // A typo is the likelier cause, and fixing it may fix the value too.
        var tree = Trees.WithDefaults(("fgs.run.seed", "minus one"), ("fgs.phold.lsp", "5"));
        var error = Assert.Throws<ConfigException>(() => FgsSettings.Bind(tree, 4));
        Assert.Equal("unknown config key 'fgs.phold.lsp' in test.conf; did you mean 'fgs.phold.lps'?", error.Message);
    }

    [Fact]
    public void AnUnknownKeyWithNothingCloseGetsNoSuggestion()
    {
        var error = Assert.Throws<ConfigException>(() => FgsSettings.Bind(Trees.WithDefaults(("fgs.colour", "blue")), 4));
        Assert.Equal("unknown config key 'fgs.colour' in test.conf", error.Message);
    }

    [Fact]
    public void KeysOutsideFgsAreLeftToTheirOwners()
    {
        var settings = FgsSettings.Bind(Trees.WithDefaults(("akka.loglevel", "DEBUG")), 4);
        Assert.Equal("phold", settings.Run.Model);
    }

    [Fact]
    public void AnEmptyUnknownSectionIsRejected()
    {
        var defaults = Trees.WithDefaults();
        var tree = new ConfigTree(defaults.Leaves.Values, ["fgs.kernal"]);
        var error = Assert.Throws<ConfigException>(() => FgsSettings.Bind(tree, 4));
        Assert.Equal("unknown config key 'fgs.kernal'; did you mean 'fgs.kernel'?", error.Message);
    }

    [Fact]
    public void AValueWhereASectionBelongsIsAWrongValueNotAnUnknownKey()
    {
        var leaves = Trees.WithDefaults().Leaves.Values.Where(e => !e.Path.StartsWith("fgs.output.", StringComparison.Ordinal))
            .Append(new ConfigEntry("fgs.output", "out", null, "x.conf"));
        var error = Assert.Throws<ConfigException>(() => FgsSettings.Bind(new ConfigTree(leaves), 4));
        Assert.Equal("config key 'fgs.output' in x.conf: expected a section { ... } holding keys such as 'fgs.output.dir', found \"out\"", error.Message);
    }

    [Fact]
    public void AnEmptyObjectWhereAValueBelongsIsAWrongValue()
    {
        var tree = new ConfigTree(Trees.WithDefaults(("fgs.run.name", null)).Leaves.Values, ["fgs.run.name"]);
        var error = Assert.Throws<ConfigException>(() => FgsSettings.Bind(tree, 4));
        Assert.Equal("config key 'fgs.run.name': expected a value, found an object", error.Message);
    }

    [Fact]
    public void AMissingKeyIsReported()
    {
        var error = Assert.Throws<ConfigException>(() => FgsSettings.Bind(Trees.WithDefaults(("fgs.run.seed", null)), 4));
        Assert.Equal("fgs.run.seed", error.Key);
    }

    [Theory]
    [InlineData("fgs.run.model", "tsp", "one of phold, sparse, fleet")]
    [InlineData("fgs.run.seed", "-1", "an integer >= 0")]
    [InlineData("fgs.run.end", "0s", "a duration such as 100ms, 1 h or 0.1s (a bare number means seconds) >= 1ns")]
    [InlineData("fgs.run.name", "", "a non-empty name without / \\ : * ? \" < > | or control characters")]
    [InlineData("fgs.run.name", "a/b", "a non-empty name without / \\ : * ? \" < > | or control characters")]
    [InlineData("fgs.run.name", "..", "a non-empty name without / \\ : * ? \" < > | or control characters")]
    [InlineData("fgs.kernel.workers", "0", "an integer >= 1 or \"auto\"")]
    [InlineData("fgs.phold.lps", "0", "an integer >= 1")]
    [InlineData("fgs.phold.events-per-lp", "0", "an integer >= 1")]
    [InlineData("fgs.phold.remote", "1.5", "a probability in [0, 1]")]
    [InlineData("fgs.phold.lookahead", "0s", "a duration such as 100ms, 1 h or 0.1s (a bare number means seconds) >= 1ns")]
    [InlineData("fgs.phold.mean", "50ms", "a duration >= fgs.phold.lookahead (100ms)")]
    [InlineData("fgs.sparse.leaves", "2147483647", "an integer in [1, 2147483646]")]
    [InlineData("fgs.sparse.mean-gap", "0", "a duration such as 100ms, 1 h or 0.1s (a bare number means seconds) >= 1ns")]
    [InlineData("fgs.sparse.send-fraction", "-0.1", "a probability in [0, 1]")]
    [InlineData("fgs.sparse.latency-min", "0ms", "a duration such as 100ms, 1 h or 0.1s (a bare number means seconds) >= 1ns")]
    [InlineData("fgs.sparse.jitter-mean", "-1ms", "a duration such as 100ms, 1 h or 0.1s (a bare number means seconds)")]
    [InlineData("fgs.output.checkpoint-every-rounds", "-1", "an integer >= 0")]
    [InlineData("fgs.output.checkpoint-every-rounds", "often", "an integer >= 0")]
    [InlineData("fgs.output.checkpoint-min-interval", "-5s", "a duration such as 100ms, 1 h or 0.1s (a bare number means seconds)")]
    public void EveryKeyIsValidated(string key, string value, string expected)
    {
        var error = Assert.Throws<ConfigException>(() => FgsSettings.Bind(Trees.WithDefaults((key, value)), 4));
        Assert.Equal(key, error.Key);
        Assert.Equal(expected, error.Expected);
        Assert.Equal("test.conf", error.Origin);
    }

    [Fact]
    public void ZeroJitterAndAMeanEqualToTheLookaheadAreAllowed()
    {
        var settings = FgsSettings.Bind(Trees.WithDefaults(("fgs.sparse.jitter-mean", "0"), ("fgs.phold.mean", "0.1s")), 4);
        Assert.Equal(0L, settings.Sparse.JitterMeanTicks);
        Assert.Equal(settings.Phold.LookaheadTicks, settings.Phold.MeanTicks);
    }

    [Fact]
    public void ProcessorCountMustBePositive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FgsSettings.Bind(Trees.WithDefaults(), 0));
    }

    [Fact]
    public void ToPholdSettingsConvertsTicksToSecondsWithoutLosingANanosecond()
    {
        var settings = FgsSettings.Bind(
            Trees.WithDefaults(("fgs.phold.lookahead", "123456789ns"), ("fgs.phold.mean", "2.5s"), ("fgs.run.end", "1h"), ("fgs.run.seed", "99")),
            4);
        var phold = settings.ToPholdSettings();

        Assert.Equal(100_000, phold.Lps);
        Assert.Equal(1, phold.EventsPerLp);
        Assert.Equal(0.9, phold.Remote);
        Assert.Equal(0.123456789, phold.LookaheadSeconds);
        Assert.Equal(2.5, phold.MeanSeconds);
        Assert.Equal(3600.0, phold.EndSeconds);
        Assert.Equal(99UL, phold.Seed);
        Assert.Equal(123_456_789L, phold.LookaheadTicks);
        Assert.Equal(3_600_000_000_000L, phold.EndTicks);
        Assert.Null(phold.Validate());
    }

    [Fact]
    public void ToSparseSettingsCarriesTicksAndTheRunsEndAndSeed()
    {
        var settings = FgsSettings.Bind(
            Trees.WithDefaults(("fgs.run.model", "sparse"), ("fgs.sparse.leaves", "1000"), ("fgs.run.end", "2h"), ("fgs.run.seed", "7")),
            4);
        var sparse = settings.ToSparseSettings();

        Assert.Equal(1000, sparse.Leaves);
        Assert.Equal(3_600_000_000_000L, sparse.MeanGapTicks);
        Assert.Equal(0.01, sparse.SendFraction);
        Assert.Equal(1_000_000L, sparse.LatencyMinTicks);
        Assert.Equal(1_000_000L, sparse.JitterMeanTicks);
        Assert.Equal(7_200_000_000_000L, sparse.EndTicks);
        Assert.Equal(7UL, sparse.Seed);
        Assert.Null(sparse.Validate());
    }
}
