using FgsActors.Cli.Tests.Support;

namespace FgsActors.Cli.Tests.Metrics;

/// <summary>
/// Malformed metrics inputs are bad input: exit 2, nothing on stdout, and a one-line message <c>file:line: ...</c>
/// (physical line numbers, counting blank lines and the header) without a stack trace.
/// </summary>
public sealed class MetricsBadInputNamesFileAndLine
{
    private const string GoodFeatures = "1,2\n2,1\n0,0\n";

    // (content of the bad file, line of the error, fragments the message must hold)
    public static TheoryData<string, int, string[]> FeatureCases => new()
    {
        { "1,2\n3,4\n5\n", 3, ["expected 2 comma-separated values (as in the first row, on line 1), found 1"] },
        { "a,b\n1,2\n\n3,4,5\n", 4, ["expected 2 comma-separated values (as in the header, on line 1), found 3"] },
        { "1,2\n3,abc\n", 2, ["column 2: expected a finite number, found 'abc'"] },
        { "f1,f2\n1,2\nx,4\n", 3, ["column 1 ('f1'): expected a finite number, found 'x'"] },
        { "1,2\n3,\n", 2, ["column 2: expected a finite number, found an empty field"] },
        { "1,2\n3,NaN\n", 2, ["column 2", "found 'NaN'"] },
        { "f1,f2\n\n1,2\n", 3, ["expected at least 2 rows of features to estimate a covariance, found 1"] },
    };

    [Theory]
    [MemberData(nameof(FeatureCases))]
    public void Bad_feature_file_is_named_by_file_and_line(string content, int line, string[] mentions)
    {
        using var temp = new TempDir();
        var good = temp.Write("good.csv", GoodFeatures);
        var bad = temp.Write("bad.csv", content);

        BadInputAssert.AssertRejected(Fgs.Run("metrics", "fid", good, bad), [$"{bad}:{line}: ", .. mentions]);
        BadInputAssert.AssertRejected(Fgs.Run("metrics", "fid", bad, good), [$"{bad}:{line}: ", .. mentions]);
    }

    [Fact]
    public void Different_feature_dimensions_name_both_files()
    {
        using var temp = new TempDir();
        var a = temp.Write("a.csv", GoodFeatures);
        var b = temp.Write("b.csv", "x,y,z\n1,2,3\n4,5,6\n");

        BadInputAssert.AssertRejected(Fgs.Run("metrics", "fid", a, b),
            $"{b}:2: ", $"found 3 values per row, but {a} has 2 (line 1)", "same feature dimension");
    }

    [Theory]
    [InlineData("", "expected at least one row of numbers, found none")]
    [InlineData("\n\n", "expected at least one row of numbers, found none")]
    [InlineData("f1,f2\n", "expected at least one row of numbers, found only a header, on line 1")]
    public void Feature_file_without_rows_is_named(string content, string mention)
    {
        using var temp = new TempDir();
        var good = temp.Write("good.csv", GoodFeatures);
        var bad = temp.Write("bad.csv", content);

        BadInputAssert.AssertRejected(Fgs.Run("metrics", "fid", good, bad), $"{bad}: {mention}");
    }

    [Fact]
    public void Missing_files_are_named()
    {
        using var temp = new TempDir();
        var good = temp.Write("good.csv", GoodFeatures);
        var missing = temp.At("missing.csv");

        BadInputAssert.AssertRejected(Fgs.Run("metrics", "fid", good, missing), $"{missing}: file not found");
        BadInputAssert.AssertRejected(Fgs.Run("metrics", "fid", missing, good), $"{missing}: file not found");
        BadInputAssert.AssertRejected(Fgs.Run("metrics", "is", missing), $"{missing}: file not found");
        BadInputAssert.AssertRejected(Fgs.Run("metrics", "is", temp.Path), $"{temp.Path}: is a directory");
    }

    public static TheoryData<string, int, string[]> ProbabilityCases => new()
    {
        { "0.5,0.5\n0.5,0.4\n", 2, ["the probabilities sum to 0.9, expected 1 (within 0.001)"] },
        { "a,b,c\n\n0.2,0.3,0.5\n0.7,0.7,0\n", 4, ["the probabilities sum to 1.4, expected 1"] },
        { "1,0\n1.5,-0.5\n", 2, ["column 2: expected a probability ≥ 0, found -0.5"] },
        { "1,0\n0,1\n1\n", 3, ["expected 2 comma-separated values (as in the first row, on line 1), found 1"] },
        { "1,0\n0,one\n", 2, ["column 2: expected a finite number, found 'one'"] },
    };

    [Theory]
    [MemberData(nameof(ProbabilityCases))]
    public void Bad_probability_file_is_named_by_file_and_line(string content, int line, string[] mentions)
    {
        using var temp = new TempDir();
        var bad = temp.Write("p.csv", content);

        BadInputAssert.AssertRejected(Fgs.Run("metrics", "is", bad), [$"{bad}:{line}: ", .. mentions]);
    }

    [Theory]
    [InlineData("-0.1")]
    [InlineData("1")]
    [InlineData("NaN")]
    public void Bad_tolerance_names_the_option(string tolerance)
    {
        using var temp = new TempDir();
        var p = temp.Write("p.csv", "1,0\n");

        BadInputAssert.AssertRejected(Fgs.Run("metrics", "is", p, "--tolerance", tolerance), "--tolerance");
    }

    [Fact]
    public void Missing_arguments_are_bad_input()
    {
        Assert.Equal(2, Fgs.Run("metrics", "fid", "only-one.csv").ExitCode);
        Assert.Equal(2, Fgs.Run("metrics", "is").ExitCode);
    }
}
