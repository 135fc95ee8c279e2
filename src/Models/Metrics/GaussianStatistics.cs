using MathNet.Numerics.LinearAlgebra;

namespace FgsActors.Models.Metrics;

/// <summary>
/// The mean and the sample covariance (divisor N − 1) of a set of feature vectors: the Gaussian that FID fits to
/// each set. Immutable; <see cref="Of(double[][])"/> and its overloads compute it from rows of features.
/// </summary>
public sealed class GaussianStatistics
{
    /// <summary>Relative asymmetry |Σij − Σji| / max|Σ| accepted (and removed by symmetrising).</summary>
    public const double SymmetryTolerance = 1e-6;

    private readonly double[] _mean;
    private readonly double[,] _covariance;

    /// <summary>Statistics given directly (e.g. precomputed reference statistics).</summary>
    /// <param name="mean">μ, length d.</param>
    /// <param name="covariance">Σ, d × d, symmetric (within a relative 1e-6; it is symmetrised), finite, with a non-negative diagonal.</param>
    /// <param name="count">Number of samples behind the estimate, if known (0 = unknown).</param>
    public GaussianStatistics(double[] mean, double[,] covariance, int count = 0)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(covariance);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _mean = CheckedMean(mean, nameof(mean));
        _covariance = CheckedCovariance(covariance, mean.Length, nameof(covariance));
        Count = count;
    }

    // Unchecked: for statistics computed here, already symmetric and finite (the arrays are owned).
    private GaussianStatistics(int count, double[] mean, double[,] covariance)
    {
        _mean = mean;
        _covariance = covariance;
        Count = count;
    }

    /// <summary>Feature dimension d.</summary>
    public int Dimension => _mean.Length;

    /// <summary>Number of samples behind the estimate (0 when the statistics were given and the count was not).</summary>
    public int Count { get; }

    /// <summary>μ.</summary>
    public IReadOnlyList<double> Mean => _mean;

    /// <summary>Σ[i, j].</summary>
    public double Covariance(int i, int j) => _covariance[i, j];

    /// <summary>A copy of Σ.</summary>
    public double[,] CovarianceToArray() => (double[,])_covariance.Clone();

    /// <summary>A copy of μ.</summary>
    public double[] MeanToArray() => (double[])_mean.Clone();

    internal Vector<double> MeanVector() => Vector<double>.Build.DenseOfArray(_mean);

    internal Matrix<double> CovarianceMatrix() => Matrix<double>.Build.DenseOfArray(_covariance);

    /// <summary>Statistics of N ≥ 2 feature vectors (rows), all of the same length d ≥ 1 and finite.</summary>
    public static GaussianStatistics Of(double[][] features)
    {
        var (n, d) = Shape(features, nameof(features));
        return Of(n, d, (i, j) => features[i][j], nameof(features));
    }

    /// <inheritdoc cref="Of(double[][])"/>
    public static GaussianStatistics Of(float[][] features)
    {
        var (n, d) = Shape(features, nameof(features));
        return Of(n, d, (i, j) => features[i][j], nameof(features));
    }

    /// <summary>Statistics of the N ≥ 2 rows of an N × d matrix of finite features.</summary>
    public static GaussianStatistics Of(double[,] features)
    {
        ArgumentNullException.ThrowIfNull(features);
        return Of(features.GetLength(0), features.GetLength(1), (i, j) => features[i, j], nameof(features));
    }

    private static (int N, int D) Shape<T>(T[][] features, string paramName)
    {
        ArgumentNullException.ThrowIfNull(features, paramName);
        if (features.Length == 0) return (0, 0);
        for (var i = 0; i < features.Length; i++)
        {
            if (features[i] is null) throw new ArgumentException($"row {i} is null", paramName);
            if (features[i].Length != features[0].Length)
                throw new ArgumentException($"row {i} has {features[i].Length} features, row 0 has {features[0].Length}", paramName);
        }
        return (features.Length, features[0].Length);
    }

    // Two passes (mean, then the centred cross-products) for accuracy; the product Xcᵀ·Xc goes to MathNet.
    private static GaussianStatistics Of(int n, int d, Func<int, int, double> at, string paramName)
    {
        if (n < 2) throw new ArgumentException($"at least 2 feature vectors are needed to estimate a covariance, found {n}", paramName);
        if (d < 1) throw new ArgumentException("feature vectors must have at least one component", paramName);
        var mean = new double[d];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < d; j++)
            {
                var x = at(i, j);
                if (!double.IsFinite(x)) throw new ArgumentException($"feature [{i}, {j}] is {x}, expected a finite number", paramName);
                mean[j] += x;
            }
        }
        for (var j = 0; j < d; j++) mean[j] /= n;

        var centred = Matrix<double>.Build.Dense(n, d, (i, j) => at(i, j) - mean[j]);
        var scatter = centred.TransposeThisAndMultiply(centred);
        var covariance = new double[d, d];
        for (var i = 0; i < d; i++)
        {
            covariance[i, i] = scatter[i, i] / (n - 1);
            for (var j = i + 1; j < d; j++)
            {
                var c = 0.5 * (scatter[i, j] + scatter[j, i]) / (n - 1);
                covariance[i, j] = c;
                covariance[j, i] = c;
            }
        }
        return new GaussianStatistics(n, mean, covariance);
    }

    private static double[] CheckedMean(double[] mean, string paramName)
    {
        if (mean.Length == 0) throw new ArgumentException("the mean must have at least one component", paramName);
        for (var i = 0; i < mean.Length; i++)
        {
            if (!double.IsFinite(mean[i])) throw new ArgumentException($"mean[{i}] is {mean[i]}, expected a finite number", paramName);
        }
        return (double[])mean.Clone();
    }

    private static double[,] CheckedCovariance(double[,] covariance, int d, string paramName)
    {
        if (covariance.GetLength(0) != d || covariance.GetLength(1) != d)
            throw new ArgumentException(
                $"the covariance is {covariance.GetLength(0)} × {covariance.GetLength(1)}, expected {d} × {d} to match the mean", paramName);
        var scale = 0.0;
        foreach (var c in covariance)
        {
            if (!double.IsFinite(c)) throw new ArgumentException($"the covariance holds {c}, expected finite numbers", paramName);
            scale = Math.Max(scale, Math.Abs(c));
        }
        var result = new double[d, d];
        for (var i = 0; i < d; i++)
        {
            if (covariance[i, i] < 0)
                throw new ArgumentException($"covariance[{i}, {i}] is {covariance[i, i]}, expected a variance ≥ 0", paramName);
            result[i, i] = covariance[i, i];
            for (var j = i + 1; j < d; j++)
            {
                if (Math.Abs(covariance[i, j] - covariance[j, i]) > SymmetryTolerance * scale)
                    throw new ArgumentException(
                        $"the covariance is not symmetric: [{i}, {j}] = {covariance[i, j]}, [{j}, {i}] = {covariance[j, i]}", paramName);
                var c = 0.5 * (covariance[i, j] + covariance[j, i]);
                result[i, j] = c;
                result[j, i] = c;
            }
        }
        return result;
    }
}
