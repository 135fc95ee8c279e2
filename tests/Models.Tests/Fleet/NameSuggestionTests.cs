using FgsActors.Models.Fleet;

namespace FgsActors.Models.Tests.Fleet;

public class NameSuggestionTests
{
    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("mcu", "mcu", 0)]
    [InlineData("gatway", "gateway", 1)]
    public void Distance_is_levenshtein(string a, string b, int expected)
    {
        Assert.Equal(expected, NameSuggestion.Distance(a, b));
        Assert.Equal(expected, NameSuggestion.Distance(b, a));
    }

    [Fact]
    public void Closest_is_deterministic_on_ties()
    {
        Assert.Equal("ab", NameSuggestion.Closest("a", ["ac", "ab"]));
    }
}
