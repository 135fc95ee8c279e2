using Akka.Configuration;
using FgsActors.Actors.Configuration;

namespace FgsActors.Actors.Tests.Configuration;

public class AkkaParseErrorsTests
{
    [Fact]
    public void AnUnknownTokenPositionBecomesALineAndTheCharacter()
    {
        // "a = 1\n" and "b = 2\n" are 6 characters each, so the '@' on line 3 is at index 12.
        const string text = "a = 1\nb = 2\n@";
        var akkaError = Assert.ThrowsAny<Exception>(() => ConfigurationFactory.ParseString(text));
        Assert.Contains("position 12", akkaError.Message);

        var (line, problem) = AkkaParseErrors.Describe(akkaError, text);

        Assert.Equal(3, line);
        Assert.Equal("HOCON syntax error: unexpected '@'", problem);
    }

    [Fact]
    public void OtherMessagesKeepTheirFirstLineAndNoLine()
    {
        var (line, problem) = AkkaParseErrors.Describe(new FormatException("Unresolved substitution: x\r\nmore"), "a = 1");

        Assert.Null(line);
        Assert.Equal("HOCON syntax error: Unresolved substitution: x", problem);
    }
}
