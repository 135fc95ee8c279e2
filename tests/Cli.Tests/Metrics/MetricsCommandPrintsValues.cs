using System.Globalization;
using FgsActors.Cli.Tests.Support;
using FgsActors.Models.Metrics;

namespace FgsActors.Cli.Tests.Metrics;

/// <summary>
/// <c>fgs metrics fid A.csv B.csv</c> and <c>fgs metrics is P.csv</c> print one number (full precision, invariant
/// culture) and a newline on standard output, and nothing on standard error.
/// </summary>
public sealed class MetricsCommandPrintsValues
{
    private static double Printed(CliResult result)
    {
        Assert.Equal("", result.Err);
        Assert.EndsWith("\n", result.Out, StringComparison.Ordinal);
        var text = result.Out.Trim();
        Assert.DoesNotContain("\n", text, StringComparison.Ordinal);
        return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Fid_of_one_dimensional_hand_case()
    {
        using var temp = new TempDir();
        // {−1, 1}: mean 0, variance 2; {−2, 0, 2}: mean 0, variance 4 → 2 + 4 − 2·√8
        var a = temp.Write("a.csv", "-1\n1\n");
        var b = temp.Write("b.csv", "-2\n0\n2\n");

        Assert.Equal(6 - 2 * Math.Sqrt(8), Printed(Fgs.RunOk("metrics", "fid", a, b)), 1e-12);
    }

    [Fact]
    public void Fid_reads_headers_blank_lines_and_whitespace_and_prints_full_precision()
    {
        using var temp = new TempDir();
        double[][] rowsA = [[0.1, 2.0, -1.0], [1.3, 0.4, 0.0], [0.7, -0.2, 2.5], [2.2, 1.1, 0.3]];
        double[][] rowsB = [[1.0, 1.0, 1.0], [0.5, 3.0, -0.5], [2.5, 0.25, 1.5]];
        var a = temp.Write("a.csv", "f1,f2,f3\n\n" + string.Join("\n", rowsA.Select(r => string.Join(" , ", r.Select(Invariant)))) + "\n\n");
        var b = temp.Write("b.csv", string.Join("\r\n", rowsB.Select(r => string.Join(",", r.Select(Invariant)))));

        var result = Fgs.RunOk("metrics", "fid", a, b);

        var expected = Fid.FromFeatures(rowsA, rowsB);
        Assert.Equal(expected.ToString("R", CultureInfo.InvariantCulture), result.Out.Trim());
        // B's covariance is singular (3 samples in 3-D): the zero eigenvalue's round-off enters through a square
        // root, so the swapped order agrees to about √ε, not to the last digit.
        Assert.Equal(expected, Printed(Fgs.RunOk("metrics", "fid", b, a)), 1e-7 * expected);
    }

    [Fact]
    public void Fid_of_a_file_with_itself_is_zero()
    {
        using var temp = new TempDir();
        var a = temp.Write("a.csv", "x,y\n1,2\n3,5\n-1,0\n2,2\n");

        Assert.InRange(Printed(Fgs.RunOk("metrics", "fid", a, a)), 0.0, 1e-12);
    }

    [Fact]
    public void Is_of_one_hot_rows_spread_over_three_classes_is_three()
    {
        using var temp = new TempDir();
        var p = temp.Write("p.csv", "cat,dog,bird\n1,0,0\n0,1,0\n0,0,1\n\n1,0,0\n0,1,0\n0,0,1\n");

        Assert.Equal(3.0, Printed(Fgs.RunOk("metrics", "is", p)), 1e-12);
    }

    [Fact]
    public void Is_of_identical_rows_is_one()
    {
        using var temp = new TempDir();
        var p = temp.Write("p.csv", "0.2,0.3,0.5\n0.2,0.3,0.5\n");

        Assert.Equal(1.0, Printed(Fgs.RunOk("metrics", "is", p)), 1e-12);
    }

    [Fact]
    public void Is_hand_case_and_tolerance_option()
    {
        using var temp = new TempDir();
        var p = temp.Write("p.csv", "0.5,0.5\n1,0\n");
        var loose = temp.Write("loose.csv", "0.45,0.45\n1,0\n");

        Assert.Equal(Math.Pow(4.0 / 3, 0.75), Printed(Fgs.RunOk("metrics", "is", p)), 1e-12);
        Assert.Equal(Math.Pow(4.0 / 3, 0.75), Printed(Fgs.RunOk("metrics", "is", loose, "--tolerance", "0.2")), 1e-12);
    }

    [Theory]
    [InlineData("", new[] { "metrics" })]
    [InlineData("metrics", new[] { "fid", "is" })]
    [InlineData("metrics fid", new[] { "<A.csv>", "<B.csv>" })]
    [InlineData("metrics is", new[] { "<P.csv>", "--tolerance" })]
    public void Help_lists_the_metrics_and_their_arguments(string verb, string[] listed)
    {
        var result = Fgs.Run([.. verb.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        foreach (var item in listed) Assert.Contains(item, result.Out, StringComparison.Ordinal);
        Assert.True(string.IsNullOrWhiteSpace(result.Err), result.ToString());
    }

    private static string Invariant(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
