using FgsActors.Actors.Configuration;

namespace FgsActors.Actors.Tests.Configuration;

public class HoconOutlineScannerTests
{
    private static List<string> Keys(string text) =>
        HoconOutlineScanner.Scan(text).Items.OfType<KeyDefinition>().Select(k => $"{k.Path}@{k.Line}").ToList();

    private static HoconSyntaxException Problem(string text) => Assert.Throws<HoconSyntaxException>(() => HoconOutlineScanner.Scan(text));

    [Fact]
    public void RecordsEveryKeyWithItsFullPathAndLine()
    {
        const string text = """
            # comment
            fgs {
              run { seed = 2, end = 1h }
              kernel.partitions = 4   // trailing comment
              "quoted key" : "v"
              list = [1, 2,
                3]
              obj = { a = 1 }
            }
            top = x
            """;

        Assert.Equal(
            ["fgs@2", "fgs.run@3", "fgs.run.seed@3", "fgs.run.end@3", "fgs.kernel.partitions@4", "fgs.quoted key@5", "fgs.list@6", "fgs.obj@8", "fgs.obj.a@8", "top@10"],
            Keys(text));
    }

    [Fact]
    public void RecordsIncludesWithTheObjectTheyAreIn()
    {
        var items = HoconOutlineScanner.Scan("include \"../reference.conf\"\nfgs {\n  include \"more.conf\"\n}\n").Items;

        Assert.Equal(new IncludeDirective("../reference.conf", "", 1), items[0]);
        Assert.Equal(new IncludeDirective("more.conf", "fgs", 3), items[2]);
    }

    [Fact]
    public void AKeyNamedIncludeIsAKey()
    {
        Assert.Equal(["include@1"], Keys("include = 5"));
    }

    [Fact]
    public void ListElementsMaySitOnTheirOwnLinesWithATrailingComma()
    {
        Assert.Equal(["a@1", "b@5"], Keys("a = [\n  1\n  2,\n]\nb = 1"));
    }

    [Fact]
    public void KeysInsideListsAreNotConfigPaths()
    {
        Assert.Equal(["a@1"], Keys("a = [{ b = 1 }, { c = 2 }]"));
    }

    [Fact]
    public void DecodesEscapesInQuotedKeys()
    {
        Assert.Equal(["a\"b\u00e9@1"], Keys("\"a\\\"b\\u00e9\" = 1"));
    }

    [Fact]
    public void AcceptsABracedRootAndTripleQuotedStrings()
    {
        Assert.Equal(["a@1", "b@3"], Keys("{ a = \"\"\"two\nlines\"\"\"\nb = 1 }"));
    }

    // Each of the following would make Akka.NET 1.5's parser hang, crash, stop early or misread silently.
    [Theory]
    [InlineData("a = 1\nb = [1, 2\n", 2, "'[' opened at line 2 is never closed")]
    [InlineData("a = 1\nb = [1, 2\nc = 3\n", 3, "unexpected '=' inside the list opened at line 2 (missing ']'?)")]
    [InlineData("a = ${?HOME}", 1, "substitutions (${...}) are not supported")]
    [InlineData("a = 1\na = ${a}", 2, "substitutions (${...}) are not supported")]
    [InlineData("a = 1\n}\nb = 2", 2, "unexpected '}' with no matching '{'")]
    [InlineData("a = \"open\nb = 2", 1, "unterminated string")]
    [InlineData("a {\n  b = 1\n  c = \n}", 3, "key 'a.c' has no value")]
    [InlineData("a {\n  c  2\n}", 2, "expected '=', ':' or '{' after key 'c', found '2'")]
    [InlineData("a {\n  b = 1\n", 1, "'{' opened at line 1 is never closed")]
    [InlineData("include x.conf", 1, "include needs a quoted file name")]
    [InlineData("include file(\"x.conf\")", 1, "include needs a quoted file name")]
    [InlineData("a { b = 1 }, c = 2", 1, "rejects a comma after 'a { ... }'")]
    [InlineData("a = \"\\q\"", 1, "unknown escape '\\q'")]
    [InlineData("a = http://x", 1, "unexpected ':' in the value of 'a'")]
    [InlineData("a = [1, }", 1, "unexpected '}' inside the list opened at line 1")]
    [InlineData("a = [1,,2]", 1, "empty element in the list opened at line 1")]
    [InlineData("a = [\n, 1]", 2, "empty element in the list opened at line 1")]
    [InlineData("= 3", 1, "expected a key, found '='")]
    [InlineData("{ a = 1 } b = 2", 1, "unexpected 'b' after the '}' that closes the root object")]
    [InlineData("a = \"\"\"never closed", 1, "unterminated \"\"\" string")]
    public void RejectsWhatAkkaWouldMisreadWithTheLine(string text, int line, string problem)
    {
        var error = Problem(text);
        Assert.Equal(line, error.Line);
        Assert.Contains(problem, error.Message);
    }
}
