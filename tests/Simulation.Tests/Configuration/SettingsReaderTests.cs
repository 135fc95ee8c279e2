using FgsActors.Simulation.Configuration;

namespace FgsActors.Simulation.Tests.Configuration;

public class SettingsReaderTests
{
    private static SettingsReader Reader(string value) => new(Trees.Of(("fgs.k", value)));

    [Theory]
    [InlineData("42", 42)]
    [InlineData("-7", -7)]
    [InlineData(" 5 ", 5)]
    public void GetIntReadsIntegers(string text, int expected)
    {
        Assert.Equal(expected, Reader(text).GetInt("fgs.k"));
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("ten")]
    [InlineData("1e3")]
    public void GetIntRejectsWhatIsNotAnInt(string text)
    {
        var error = Assert.Throws<ConfigException>(() => Reader(text).GetInt("fgs.k"));
        Assert.Equal($"config key 'fgs.k' in test.conf: expected an integer, found \"{text}\"", error.Message);
    }

    [Fact]
    public void GetIntAboveTheTypeRangeStatesTheMaximum()
    {
        var error = Assert.Throws<ConfigException>(() => Reader("2147483648").GetInt("fgs.k")); // int.MaxValue + 1
        Assert.Equal("config key 'fgs.k' in test.conf: expected an integer and at most 2147483647, found \"2147483648\"", error.Message);
    }

    [Fact]
    public void GetIntNamesTheRangeInTheError()
    {
        var error = Assert.Throws<ConfigException>(() => Reader("-3").GetInt("fgs.k", 1));
        Assert.Equal("config key 'fgs.k' in test.conf: expected an integer >= 1, found \"-3\"", error.Message);
        Assert.Equal("fgs.k", error.Key);
        Assert.Equal("an integer >= 1", error.Expected);
        Assert.Equal("\"-3\"", error.Found);
        Assert.Equal("test.conf", error.Origin);

        var both = Assert.Throws<ConfigException>(() => Reader("11").GetInt("fgs.k", 1, 10));
        Assert.Equal("an integer in [1, 10]", both.Expected);
        var upper = Assert.Throws<ConfigException>(() => Reader("11").GetInt("fgs.k", max: 10));
        Assert.Equal("an integer <= 10", upper.Expected);
        Assert.Equal(10, Reader("10").GetInt("fgs.k", 1, 10));
    }

    [Fact]
    public void GetLongAndGetULongCoverTheirWholeRange()
    {
        Assert.Equal(long.MaxValue, Reader("9223372036854775807").GetLong("fgs.k"));
        Assert.Equal(ulong.MaxValue, Reader("18446744073709551615").GetULong("fgs.k"));
        var negative = Assert.Throws<ConfigException>(() => Reader("-1").GetULong("fgs.k"));
        Assert.Equal("an integer >= 0", negative.Expected);
    }

    [Theory]
    [InlineData("auto", 8)]
    [InlineData("AUTO", 8)]
    [InlineData("3", 3)]
    public void GetIntOrAutoMapsAutoToTheGivenValue(string text, int expected)
    {
        Assert.Equal(expected, Reader(text).GetIntOrAuto("fgs.k", 1, int.MaxValue, autoValue: 8));
    }

    [Fact]
    public void GetIntOrAutoSaysBothFormsInTheError()
    {
        var error = Assert.Throws<ConfigException>(() => Reader("-3").GetIntOrAuto("fgs.k", 1, int.MaxValue, 8));
        Assert.Equal("config key 'fgs.k' in test.conf: expected an integer >= 1 or \"auto\", found \"-3\"", error.Message);
    }

    [Fact]
    public void GetDoubleHonoursInclusiveAndExclusiveBounds()
    {
        Assert.Equal(0.25, Reader("0.25").GetDouble("fgs.k"));
        Assert.Equal(1000.0, Reader("1e3").GetDouble("fgs.k"));
        Assert.Equal(0.0, Reader("0").GetDouble("fgs.k", min: 0));

        var exclusive = Assert.Throws<ConfigException>(() => Reader("0").GetDouble("fgs.k", min: 0, minExclusive: true));
        Assert.Equal("a number > 0", exclusive.Expected);
        var interval = Assert.Throws<ConfigException>(() => Reader("1").GetDouble("fgs.k", 0, 1, minExclusive: true, maxExclusive: true));
        Assert.Equal("a number in (0, 1)", interval.Expected);
        var upper = Assert.Throws<ConfigException>(() => Reader("2.5").GetDouble("fgs.k", max: 2));
        Assert.Equal("a number <= 2", upper.Expected);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e400")]
    [InlineData("half")]
    public void GetDoubleRejectsNonFiniteAndNonNumbers(string text)
    {
        var error = Assert.Throws<ConfigException>(() => Reader(text).GetDouble("fgs.k"));
        Assert.Equal("a number", error.Expected);
    }

    [Fact]
    public void GetProbabilityIsAClosedUnitInterval()
    {
        Assert.Equal(0.0, Reader("0").GetProbability("fgs.k"));
        Assert.Equal(1.0, Reader("1").GetProbability("fgs.k"));
        var error = Assert.Throws<ConfigException>(() => Reader("1.01").GetProbability("fgs.k"));
        Assert.Equal("config key 'fgs.k' in test.conf: expected a probability in [0, 1], found \"1.01\"", error.Message);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("yes", true)]
    [InlineData("On", true)]
    [InlineData("false", false)]
    [InlineData("no", false)]
    [InlineData("OFF", false)]
    public void GetBoolReadsHoconBooleans(string text, bool expected)
    {
        Assert.Equal(expected, Reader(text).GetBool("fgs.k"));
    }

    [Fact]
    public void GetBoolRejectsOtherWords()
    {
        var error = Assert.Throws<ConfigException>(() => Reader("1").GetBool("fgs.k"));
        Assert.Equal("true or false (yes/no and on/off also work)", error.Expected);
    }

    [Fact]
    public void GetEnumIsCaseInsensitiveAndReturnsTheCanonicalWord()
    {
        Assert.Equal("sparse", Reader("Sparse").GetEnum("fgs.k", "phold", "sparse"));
        var error = Assert.Throws<ConfigException>(() => Reader("pholdd").GetEnum("fgs.k", "phold", "sparse"));
        Assert.Equal("config key 'fgs.k' in test.conf: expected one of phold, sparse, found \"pholdd\"", error.Message);
    }

    [Fact]
    public void GetStringAcceptsAnyScalarIncludingEmpty()
    {
        Assert.Equal("", Reader("").GetString("fgs.k"));
        Assert.Equal("a b", Reader("a b").GetString("fgs.k"));
    }

    [Fact]
    public void GetDurationReturnsTicksAndStatesTheRangeInTheCoarsestUnit()
    {
        Assert.Equal(3_600_000_000_000L, Reader("1 h").GetDuration("fgs.k"));
        var error = Assert.Throws<ConfigException>(() => Reader("0s").GetDuration("fgs.k", minTicks: 1_000_000));
        Assert.Equal(
            "config key 'fgs.k' in test.conf: expected a duration such as 100ms, 1 h or 0.1s (a bare number means seconds) >= 1ms, found \"0s\"",
            error.Message);
        var negative = Assert.Throws<ConfigException>(() => Reader("-1s").GetDuration("fgs.k"));
        Assert.Equal("\"-1s\"", negative.Found);
        var tooLong = Assert.Throws<ConfigException>(() => Reader("1e20d").GetDuration("fgs.k"));
        Assert.Equal("\"1e20d\"", tooLong.Found);
        var ranged = Assert.Throws<ConfigException>(() => Reader("3h").GetDuration("fgs.k", 1, 7_200_000_000_000));
        Assert.EndsWith("in [1ns, 2h]", ranged.Expected);
    }

    [Fact]
    public void NullListsAndObjectsAreNotScalars()
    {
        var tree = new ConfigTree(
        [
            new ConfigEntry("fgs.null", null, null, "n.conf"),
            new ConfigEntry("fgs.list", null, ["1", "2"], "l.conf"),
            new ConfigEntry("fgs.obj.inner", "1", null, "o.conf"),
        ]);
        var reader = new SettingsReader(tree);

        Assert.Equal("config key 'fgs.null' in n.conf: expected an integer, found null", Assert.Throws<ConfigException>(() => reader.GetInt("fgs.null")).Message);
        Assert.Equal("config key 'fgs.list' in l.conf: expected a string, found [\"1\", \"2\"]", Assert.Throws<ConfigException>(() => reader.GetString("fgs.list")).Message);
        Assert.Equal("config key 'fgs.obj' in o.conf: expected a string, found an object", Assert.Throws<ConfigException>(() => reader.GetString("fgs.obj")).Message);
        var empty = new SettingsReader(new ConfigTree([], ["fgs.empty"]));
        Assert.Equal("config key 'fgs.empty': expected a string, found an object", Assert.Throws<ConfigException>(() => empty.GetString("fgs.empty")).Message);
    }

    [Fact]
    public void AMissingKeySaysSoAndWhatWasExpected()
    {
        var error = Assert.Throws<ConfigException>(() => Reader("1").GetInt("fgs.absent", 1));
        Assert.Equal("fgs.absent", error.Key);
        Assert.StartsWith("config key 'fgs.absent' is missing (expected an integer >= 1)", error.Message);
    }
}
