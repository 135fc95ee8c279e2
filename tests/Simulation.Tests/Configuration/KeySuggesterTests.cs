using FgsActors.Simulation.Configuration;

namespace FgsActors.Simulation.Tests.Configuration;

public class KeySuggesterTests
{
    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("abc", "abc", 0)]
    [InlineData("kernal", "kernel", 1)]
    [InlineData("partitons", "partitions", 1)]
    public void EditDistanceIsLevenshtein(string a, string b, int expected)
    {
        Assert.Equal(expected, KeySuggester.EditDistance(a, b));
        Assert.Equal(expected, KeySuggester.EditDistance(b, a));
    }

    [Theory]
    [InlineData("fgs.kernal.partitions", "fgs.kernel.partitions")] // slip in a section name
    [InlineData("fgs.kernel.partitons", "fgs.kernel.partitions")]  // slip in the key
    [InlineData("fgs.run.lps", "fgs.phold.lps")]                   // right key, wrong section
    [InlineData("fgs.phold.seed", "fgs.run.seed")]
    [InlineData("fgs.sparse.meangap", "fgs.sparse.mean-gap")]
    public void SuggestsTheKeyThatWasMeant(string typed, string expected)
    {
        Assert.Equal(expected, KeySuggester.Suggest(typed, FgsKeys.All));
    }

    [Theory]
    [InlineData("fgs.colour")]
    [InlineData("fgs.run.temperature")]
    [InlineData("fgs.phold.x")]
    public void StaysSilentWhenNothingIsClose(string typed)
    {
        Assert.Null(KeySuggester.Suggest(typed, FgsKeys.All));
    }
}
