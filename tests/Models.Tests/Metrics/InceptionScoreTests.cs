using FgsActors.Models.Metrics;
using Xunit;

namespace FgsActors.Models.Tests.Metrics;

public sealed class InceptionScoreTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(10)]
    public void One_hot_outputs_spread_evenly_over_k_classes_score_k(int k)
    {
        // Three samples per class, each classified with certainty.
        var rows = Enumerable.Range(0, 3 * k).Select(i => OneHot(i % k, k)).ToArray();

        Assert.Equal(k, InceptionScore.FromProbabilities(rows), 1e-12);
    }

    [Fact]
    public void Identical_outputs_score_one()
    {
        var rows = Enumerable.Range(0, 7).Select(_ => new[] { 0.2, 0.5, 0.3 }).ToArray();

        Assert.Equal(1.0, InceptionScore.FromProbabilities(rows), 1e-12);
    }

    [Fact]
    public void Hand_case()
    {
        // p(y) = (0.75, 0.25); KL = ½ln(2/3) + ½ln 2 = ½ln(4/3) and ln(4/3); mean ¾ln(4/3) → IS = (4/3)^¾.
        var score = InceptionScore.FromProbabilities(new double[][] { [0.5, 0.5], [1.0, 0.0] });

        Assert.Equal(Math.Pow(4.0 / 3, 0.75), score, 1e-12);
    }

    [Fact]
    public void Rows_within_the_tolerance_are_renormalised()
    {
        var exact = InceptionScore.FromProbabilities(new double[][] { [0.5, 0.5], [1.0, 0.0] });
        var rounded = InceptionScore.FromProbabilities(new double[][] { [0.5004, 0.5004], [0.9995, 0.0] });

        Assert.Equal(exact, rounded, 1e-12);
    }

    [Fact]
    public void Float_and_matrix_inputs_agree_with_double_rows()
    {
        var rows = new double[][] { [0.25, 0.75], [0.5, 0.5], [1.0, 0.0] };
        var expected = InceptionScore.FromProbabilities(rows);

        Assert.Equal(expected, InceptionScore.FromProbabilities(rows.Select(r => r.Select(p => (float)p).ToArray()).ToArray()), 1e-12);
        Assert.Equal(expected, InceptionScore.FromProbabilities(new double[,] { { 0.25, 0.75 }, { 0.5, 0.5 }, { 1.0, 0.0 } }), 1e-12);
    }

    [Fact]
    public void Score_lies_between_one_and_k()
    {
        var random = new Random(3);
        for (var trial = 0; trial < 100; trial++)
        {
            var k = random.Next(2, 8);
            var rows = Enumerable.Range(0, random.Next(1, 30)).Select(_ =>
            {
                var w = Enumerable.Range(0, k).Select(_ => Math.Pow(random.NextDouble(), 4)).ToArray();
                var s = w.Sum();
                return w.Select(x => x / s).ToArray();
            }).ToArray();

            Assert.InRange(InceptionScore.FromProbabilities(rows), 1.0, k + 1e-9);
        }
    }

    [Fact]
    public void Bad_rows_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => InceptionScore.FromProbabilities(Array.Empty<double[]>()));
        Assert.Throws<ArgumentException>(() => InceptionScore.FromProbabilities(new double[][] { [0.5, 0.4] }));
        Assert.Throws<ArgumentException>(() => InceptionScore.FromProbabilities(new double[][] { [1.2, -0.2] }));
        Assert.Throws<ArgumentException>(() => InceptionScore.FromProbabilities(new double[][] { [double.NaN, 1.0] }));
        Assert.Throws<ArgumentException>(() => InceptionScore.FromProbabilities(new double[][] { [0.5, 0.5], [1.0] }));
        Assert.Throws<ArgumentException>(() => InceptionScore.FromProbabilities(new double[][] { [] }));
        Assert.Throws<ArgumentOutOfRangeException>(() => InceptionScore.FromProbabilities(new double[][] { [1.0] }, tolerance: -1));
    }

    [Fact]
    public void Check_row_names_the_column_and_the_sum()
    {
        Assert.Null(InceptionScore.CheckRow([0.3, 0.7]));
        Assert.Contains("column 2", InceptionScore.CheckRow([1.1, -0.1]));
        Assert.Contains("sum to 0.9", InceptionScore.CheckRow([0.4, 0.5]));
        Assert.Null(InceptionScore.CheckRow([0.4, 0.5], tolerance: 0.2));
    }

    private static double[] OneHot(int hot, int k)
    {
        var row = new double[k];
        row[hot] = 1;
        return row;
    }
}
