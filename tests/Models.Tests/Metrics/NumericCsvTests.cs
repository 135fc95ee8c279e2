using FgsActors.Models.Metrics;
using Xunit;

namespace FgsActors.Models.Tests.Metrics;

public sealed class NumericCsvTests
{
    private static NumericTable Parse(string text) => NumericCsv.Parse(new StringReader(text), "x.csv");

    private static MetricsInputException Rejects(string text) => Assert.Throws<MetricsInputException>(() => Parse(text));

    [Fact]
    public void Header_blank_lines_comments_and_whitespace()
    {
        var table = Parse("\uFEFFf1, f2\n\n# a comment\n 1.5 , -2e-3\n3,4\n\n");

        Assert.Equal(["f1", "f2"], table.Header!);
        Assert.Equal(2, table.Columns);
        Assert.Equal([[1.5, -0.002], [3.0, 4.0]], table.Rows);
        Assert.Equal([4, 5], table.Lines);
    }

    [Fact]
    public void Without_a_header_the_first_line_is_data()
    {
        var table = Parse("1,2\n3,4\n");

        Assert.Null(table.Header);
        Assert.Equal([1, 2], table.Lines);
    }

    [Theory]
    [InlineData("1,2\n3\n", 2, "expected 2 comma-separated values (as in the first row, on line 1), found 1")]
    [InlineData("a,b\n1,2\n3,4,5\n", 3, "expected 2 comma-separated values (as in the header, on line 1), found 3")]
    [InlineData("1,2\n3,abc\n", 2, "column 2: expected a finite number, found 'abc'")]
    [InlineData("a,b\n\n1,2\n3,x\n", 4, "column 2 ('b'): expected a finite number, found 'x'")]
    [InlineData("1,2\n,4\n", 2, "column 1: expected a finite number, found an empty field")]
    [InlineData("1,NaN\n", 1, "column 2: expected a finite number, found 'NaN'")]
    [InlineData("1,1e999\n", 1, "column 2: expected a finite number, found '1e999'")]
    [InlineData("1,2,x\n", 1, "column 3: expected a finite number, found 'x'")]
    public void Bad_rows_name_line_and_column(string text, int line, string detail)
    {
        var e = Rejects(text);

        Assert.Equal(line, e.Line);
        Assert.Equal(detail, e.Detail);
        Assert.Equal($"x.csv:{line}: {detail}", e.Message);
    }

    [Theory]
    [InlineData("", "expected at least one row of numbers, found none")]
    [InlineData("\n\n", "expected at least one row of numbers, found none")]
    [InlineData("a,b\n", "expected at least one row of numbers, found only a header, on line 1")]
    public void Files_without_data_are_rejected(string text, string detail)
    {
        var e = Rejects(text);

        Assert.Equal(0, e.Line);
        Assert.Equal($"x.csv: {detail}", e.Message);
    }

    [Fact]
    public void Missing_file_is_named()
    {
        var path = Path.Combine(Path.GetTempPath(), "fgs-no-such-file-" + Guid.NewGuid().ToString("N") + ".csv");

        var e = Assert.Throws<MetricsInputException>(() => NumericCsv.Read(path));

        Assert.Equal($"{path}: file not found", e.Message);
    }
}
