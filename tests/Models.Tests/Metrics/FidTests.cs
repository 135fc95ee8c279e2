using FgsActors.Models.Metrics;
using Xunit;

namespace FgsActors.Models.Tests.Metrics;

public sealed class FidTests
{
    [Fact]
    public void One_dimension_hand_case()
    {
        // (0 − 1)² + 1 + 4 − 2·√(1·4) = 1 + 5 − 4 = 2
        var fid = Fid.FromStatistics([0.0], new double[,] { { 1 } }, [1.0], new double[,] { { 4 } });

        Assert.Equal(2.0, fid, 1e-12);
    }

    [Fact]
    public void Diagonal_hand_case()
    {
        // ‖(3, 4)‖² + Σ(√1 − √σ)² = 25 + (1 − 2)² + (1 − 3)² = 30
        var fid = Fid.FromStatistics([0.0, 0.0], new double[,] { { 1, 0 }, { 0, 1 } }, [3.0, 4.0], new double[,] { { 4, 0 }, { 0, 9 } });

        Assert.Equal(30.0, fid, 1e-12);
    }

    [Fact]
    public void Correlated_hand_case()
    {
        // Σ1Σ2 = [[2, 4], [1, 8]] has eigenvalues 5 ± √13, so Tr((Σ1Σ2)^½) = √(5 + √13) + √(5 − √13);
        // FID = ‖(1, 2)‖² + 4 + 5 − 2·(2.93352 + 1.18084) = 5.7712204.
        var fid = Fid.FromStatistics([0.0, 0.0], new double[,] { { 2, 1 }, { 1, 2 } }, [1.0, 2.0], new double[,] { { 1, 0 }, { 0, 4 } });

        var exact = 5 + 9 - 2 * (Math.Sqrt(5 + Math.Sqrt(13)) + Math.Sqrt(5 - Math.Sqrt(13)));
        Assert.Equal(5.7712204, fid, 1e-6);
        Assert.Equal(exact, fid, 1e-12);
    }

    [Fact]
    public void Identical_samples_give_zero()
    {
        var features = RandomFeatures(seed: 1, n: 50, d: 6, shift: 0.0);

        var fid = Fid.FromFeatures(features, features.Select(row => (double[])row.Clone()).ToArray());

        Assert.InRange(fid, 0.0, 1e-9);
    }

    [Fact]
    public void One_dimension_features_use_the_n_minus_1_covariance()
    {
        // {−1, 1}: mean 0, sample variance 2; {0, 2}: mean 1, sample variance 2 → 1 + 2 + 2 − 2·2 = 1.
        // (With divisor N the variances would be 1 and the FID the same 1, so also check a case where it matters.)
        Assert.Equal(1.0, Fid.FromFeatures([[-1.0], [1.0]], [[0.0], [2.0]]), 1e-12);
        // {−1, 1}: variance 2; {−2, 0, 2}: variance 4 → 0 + 2 + 4 − 2·√8 (divisor N would give 1 + 8/3 − 2·√(8/3)).
        Assert.Equal(6 - 2 * Math.Sqrt(8), Fid.FromFeatures([[-1.0], [1.0]], [[-2.0], [0.0], [2.0]]), 1e-12);
    }

    [Fact]
    public void From_features_matches_from_statistics_of_the_sample_statistics()
    {
        var a = RandomFeatures(seed: 2, n: 40, d: 5, shift: 0.0);
        var b = RandomFeatures(seed: 3, n: 25, d: 5, shift: 0.7);

        var (meanA, covA) = NaiveStatistics(a);
        var (meanB, covB) = NaiveStatistics(b);

        Assert.Equal(Fid.FromStatistics(meanA, covA, meanB, covB), Fid.FromFeatures(a, b), 1e-10);
    }

    [Fact]
    public void Float_double_and_matrix_inputs_agree()
    {
        var a = RandomFeatures(seed: 4, n: 30, d: 3, shift: 0.0).Select(r => r.Select(x => (double)(float)x).ToArray()).ToArray();
        var b = RandomFeatures(seed: 5, n: 20, d: 3, shift: 1.0).Select(r => r.Select(x => (double)(float)x).ToArray()).ToArray();

        var fromDouble = Fid.FromFeatures(a, b);
        var fromFloat = Fid.FromFeatures(ToFloat(a), ToFloat(b));
        var fromMatrix = Fid.FromFeatures(ToMatrix(a), ToMatrix(b));

        Assert.Equal(fromDouble, fromFloat, 1e-12);
        Assert.Equal(fromDouble, fromMatrix, 1e-12);
    }

    [Fact]
    public void Symmetric_in_its_arguments()
    {
        var a = RandomFeatures(seed: 6, n: 60, d: 8, shift: 0.0);
        var b = RandomFeatures(seed: 7, n: 45, d: 8, shift: 0.5);

        var ab = Fid.FromFeatures(a, b);
        var ba = Fid.FromFeatures(b, a);

        Assert.True(ab > 0);
        Assert.Equal(ab, ba, 1e-9 * ab);
    }

    [Fact]
    public void Two_by_two_trace_term_matches_the_closed_form()
    {
        // For 2 × 2 M with non-negative eigenvalues, Tr(M^½) = √(Tr M + 2√det M).
        var random = new Random(8);
        for (var trial = 0; trial < 200; trial++)
        {
            var s1 = RandomSpd2(random);
            var s2 = RandomSpd2(random);
            var m = Multiply(s1, s2);
            var trace = Math.Sqrt(m[0, 0] + m[1, 1] + 2 * Math.Sqrt(m[0, 0] * m[1, 1] - m[0, 1] * m[1, 0]));
            var expected = s1[0, 0] + s1[1, 1] + s2[0, 0] + s2[1, 1] - 2 * trace;

            var fid = Fid.FromStatistics([0.0, 0.0], s1, [0.0, 0.0], s2);

            Assert.Equal(Math.Max(expected, 0), fid, 1e-9 * (1 + Math.Abs(expected)));
        }
    }

    [Fact]
    public void Diagonal_covariances_give_the_sum_of_squared_root_differences()
    {
        var random = new Random(9);
        for (var trial = 0; trial < 50; trial++)
        {
            var d = random.Next(1, 12);
            var v1 = Enumerable.Range(0, d).Select(_ => random.NextDouble() * 5).ToArray();
            var v2 = Enumerable.Range(0, d).Select(_ => random.NextDouble() * 5).ToArray();
            var m1 = Enumerable.Range(0, d).Select(_ => random.NextDouble() - 0.5).ToArray();
            var m2 = Enumerable.Range(0, d).Select(_ => random.NextDouble() - 0.5).ToArray();
            var expected = Enumerable.Range(0, d).Sum(i => Math.Pow(m1[i] - m2[i], 2) + Math.Pow(Math.Sqrt(v1[i]) - Math.Sqrt(v2[i]), 2));

            Assert.Equal(expected, Fid.FromStatistics(m1, Diagonal(v1), m2, Diagonal(v2)), 1e-9);
        }
    }

    [Fact]
    public void Singular_covariances_from_fewer_samples_than_dimensions_are_handled()
    {
        var a = RandomFeatures(seed: 10, n: 4, d: 10, shift: 0.0);
        var b = RandomFeatures(seed: 11, n: 5, d: 10, shift: 0.2);

        var ab = Fid.FromFeatures(a, b);

        Assert.True(double.IsFinite(ab) && ab > 0);
        Assert.Equal(ab, Fid.FromFeatures(b, a), 1e-8 * ab);
        Assert.InRange(Fid.FromFeatures(a, a), 0.0, 1e-9);
    }

    [Fact]
    public void Translating_both_sets_changes_nothing()
    {
        var a = RandomFeatures(seed: 12, n: 30, d: 4, shift: 0.0);
        var b = RandomFeatures(seed: 13, n: 30, d: 4, shift: 1.0);
        double[][] Move(double[][] x) => x.Select(r => r.Select((v, j) => v + 10.0 * (j + 1)).ToArray()).ToArray();

        Assert.Equal(Fid.FromFeatures(a, b), Fid.FromFeatures(Move(a), Move(b)), 1e-9);
    }

    [Fact]
    public void Bad_inputs_are_rejected()
    {
        var identity = new double[,] { { 1, 0 }, { 0, 1 } };
        Assert.Throws<ArgumentException>(() => Fid.FromStatistics([0.0, 0.0], identity, [0.0], new double[,] { { 1 } }));
        Assert.Throws<ArgumentException>(() => Fid.FromStatistics([0.0, 0.0], new double[,] { { 1 } }, [0.0, 0.0], identity));
        Assert.Throws<ArgumentException>(() => Fid.FromStatistics([0.0, 0.0], new double[,] { { 1, 0.5 }, { 0, 1 } }, [0.0, 0.0], identity));
        Assert.Throws<ArgumentException>(() => Fid.FromStatistics([0.0, 0.0], new double[,] { { -1, 0 }, { 0, 1 } }, [0.0, 0.0], identity));
        Assert.Throws<ArgumentException>(() => Fid.FromStatistics([double.NaN, 0.0], identity, [0.0, 0.0], identity));
        Assert.Throws<ArgumentException>(() => Fid.FromStatistics([0.0, 0.0], new double[,] { { 1, 0 }, { 0, double.PositiveInfinity } }, [0.0, 0.0], identity));
        Assert.Throws<ArgumentException>(() => Fid.FromFeatures([[1.0]], [[1.0], [2.0]]));
        Assert.Throws<ArgumentException>(() => Fid.FromFeatures([[1.0, 2.0], [3.0]], [[1.0], [2.0]]));
        Assert.Throws<ArgumentException>(() => Fid.FromFeatures([[1.0, 2.0], [3.0, 4.0]], [[1.0], [2.0]]));
        Assert.Throws<ArgumentException>(() => Fid.FromFeatures([[1.0], [double.NaN]], [[1.0], [2.0]]));
    }

    [Fact]
    public void Gaussian_statistics_of_a_hand_case()
    {
        // Corners of a 2 × 2 square: mean (1, 1), variances 4/3 (= 4·1² / 3), covariance 0.
        var stats = GaussianStatistics.Of(new double[][] { [0, 0], [2, 0], [0, 2], [2, 2] });

        Assert.Equal(4, stats.Count);
        Assert.Equal(2, stats.Dimension);
        Assert.Equal([1.0, 1.0], stats.Mean);
        Assert.Equal(4.0 / 3, stats.Covariance(0, 0), 1e-15);
        Assert.Equal(4.0 / 3, stats.Covariance(1, 1), 1e-15);
        Assert.Equal(0.0, stats.Covariance(0, 1), 1e-15);
        Assert.Equal(0.0, stats.Covariance(1, 0), 1e-15);
    }

    [Fact]
    public void Given_statistics_are_copied_and_symmetrised()
    {
        var mean = new[] { 1.0, 2.0 };
        var covariance = new double[,] { { 2, 1 }, { 1 + 1e-9, 3 } };

        var stats = new GaussianStatistics(mean, covariance);
        mean[0] = 99;
        covariance[0, 0] = 99;

        Assert.Equal(1.0, stats.Mean[0]);
        Assert.Equal(2.0, stats.Covariance(0, 0));
        Assert.Equal(stats.Covariance(0, 1), stats.Covariance(1, 0));
    }

    internal static double[][] RandomFeatures(int seed, int n, int d, double shift)
    {
        var random = new Random(seed);
        var mixing = Enumerable.Range(0, d).Select(_ => Enumerable.Range(0, d).Select(_ => random.NextDouble() - 0.5).ToArray()).ToArray();
        return Enumerable.Range(0, n).Select(_ =>
        {
            var z = Enumerable.Range(0, d).Select(_ => random.NextDouble() * 2 - 1).ToArray();
            return Enumerable.Range(0, d).Select(i => shift + z[i] + Enumerable.Range(0, d).Sum(j => mixing[i][j] * z[j])).ToArray();
        }).ToArray();
    }

    private static (double[] Mean, double[,] Covariance) NaiveStatistics(double[][] x)
    {
        var n = x.Length;
        var d = x[0].Length;
        var mean = Enumerable.Range(0, d).Select(j => x.Sum(r => r[j]) / n).ToArray();
        var covariance = new double[d, d];
        for (var i = 0; i < d; i++)
            for (var j = 0; j < d; j++)
                covariance[i, j] = x.Sum(r => (r[i] - mean[i]) * (r[j] - mean[j])) / (n - 1);
        return (mean, covariance);
    }

    private static double[,] RandomSpd2(Random random)
    {
        var a = random.NextDouble() * 4 - 2;
        var b = random.NextDouble() * 4 - 2;
        var c = random.NextDouble() * 4 - 2;
        var e = random.NextDouble() * 4 - 2;
        // BBᵀ + small ridge: symmetric positive definite
        return new double[,] { { a * a + b * b + 0.01, a * c + b * e }, { a * c + b * e, c * c + e * e + 0.01 } };
    }

    private static double[,] Multiply(double[,] x, double[,] y)
    {
        var r = new double[2, 2];
        for (var i = 0; i < 2; i++)
            for (var j = 0; j < 2; j++)
                r[i, j] = x[i, 0] * y[0, j] + x[i, 1] * y[1, j];
        return r;
    }

    private static double[,] Diagonal(double[] values)
    {
        var m = new double[values.Length, values.Length];
        for (var i = 0; i < values.Length; i++) m[i, i] = values[i];
        return m;
    }

    private static float[][] ToFloat(double[][] x) => x.Select(r => r.Select(v => (float)v).ToArray()).ToArray();

    private static double[,] ToMatrix(double[][] x)
    {
        var m = new double[x.Length, x[0].Length];
        for (var i = 0; i < x.Length; i++)
            for (var j = 0; j < x[0].Length; j++)
                m[i, j] = x[i][j];
        return m;
    }
}
