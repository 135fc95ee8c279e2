using System.Globalization;

namespace FgsActors.Models.Metrics;

/// <summary>
/// Inception-style score from a classifier's outputs on generated samples (Salimans et al., "Improved Techniques
/// for Training GANs", NeurIPS 2016): IS = exp(E_x KL(p(y|x) ‖ p(y))), with p(y) the mean of the rows. It lies in
/// [1, K]: 1 when every sample gets the same distribution, K when the outputs are one-hot and spread evenly over
/// the K classes. One value over all rows (no splits).
/// </summary>
public static class InceptionScore
{
    /// <summary>Default tolerance on |Σ_y p(y|x) − 1| (outputs written with a few decimals do not sum to 1 exactly).</summary>
    public const double DefaultTolerance = 1e-3;

    /// <summary>
    /// IS of N ≥ 1 rows of K ≥ 1 class probabilities: each entry finite and ≥ 0, each row summing to 1 within
    /// <paramref name="tolerance"/>. Rows are renormalised to sum to exactly 1; 0·ln 0 counts as 0.
    /// </summary>
    public static double FromProbabilities(double[][] probabilities, double tolerance = DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        if (probabilities.Length == 0) throw new ArgumentException("at least one row of probabilities is needed", nameof(probabilities));
        var rows = new double[probabilities.Length][];
        for (var i = 0; i < probabilities.Length; i++)
        {
            if (probabilities[i] is null) throw new ArgumentException($"row {i} is null", nameof(probabilities));
            rows[i] = probabilities[i];
        }
        return Compute(rows, tolerance);
    }

    /// <inheritdoc cref="FromProbabilities(double[][], double)"/>
    public static double FromProbabilities(float[][] probabilities, double tolerance = DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        return FromProbabilities(probabilities.Select(row => row?.Select(p => (double)p).ToArray()).ToArray()!, tolerance);
    }

    /// <summary>IS of an N × K matrix of class probabilities (one row per sample).</summary>
    public static double FromProbabilities(double[,] probabilities, double tolerance = DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        var rows = new double[probabilities.GetLength(0)][];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = new double[probabilities.GetLength(1)];
            for (var k = 0; k < rows[i].Length; k++) rows[i][k] = probabilities[i, k];
        }
        return FromProbabilities(rows, tolerance);
    }

    /// <summary>
    /// Why <paramref name="row"/> is not a probability vector, or null when it is: a non-finite or negative entry
    /// (named by its 1-based column), or a sum further than <paramref name="tolerance"/> from 1.
    /// </summary>
    public static string? CheckRow(ReadOnlySpan<double> row, double tolerance = DefaultTolerance)
    {
        CheckTolerance(tolerance);
        if (row.Length == 0) return "expected at least one class probability, found none";
        var sum = 0.0;
        for (var k = 0; k < row.Length; k++)
        {
            if (!double.IsFinite(row[k]) || row[k] < 0)
                return $"column {k + 1}: expected a probability ≥ 0, found {Format(row[k])}";
            sum += row[k];
        }
        return Math.Abs(sum - 1.0) <= tolerance
            ? null
            : $"the probabilities sum to {Format(sum)}, expected 1 (within {Format(tolerance)})";
    }

    private static double Compute(double[][] rows, double tolerance)
    {
        CheckTolerance(tolerance);
        var k = rows[0].Length;
        var normalised = new double[rows.Length][];
        var marginal = new double[k];
        for (var i = 0; i < rows.Length; i++)
        {
            if (rows[i].Length != k)
                throw new ArgumentException($"row {i} has {rows[i].Length} classes, row 0 has {k}", "probabilities");
            var problem = CheckRow(rows[i], tolerance);
            if (problem is not null) throw new ArgumentException($"row {i}: {problem}", "probabilities");
            var sum = rows[i].Sum();
            normalised[i] = new double[k];
            for (var y = 0; y < k; y++)
            {
                normalised[i][y] = rows[i][y] / sum;
                marginal[y] += normalised[i][y];
            }
        }
        for (var y = 0; y < k; y++) marginal[y] /= rows.Length;

        var meanKl = 0.0;
        foreach (var row in normalised)
        {
            var kl = 0.0;
            for (var y = 0; y < k; y++)
            {
                if (row[y] > 0) kl += row[y] * (Math.Log(row[y]) - Math.Log(marginal[y])); // marginal[y] ≥ row[y]/N > 0
            }
            meanKl += kl;
        }
        meanKl /= rows.Length;
        return Math.Exp(Math.Max(meanKl, 0.0)); // KL ≥ 0; a −1e-17 from rounding is 0
    }

    private static void CheckTolerance(double tolerance)
    {
        if (!double.IsFinite(tolerance) || tolerance < 0 || tolerance >= 1)
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "the row-sum tolerance must be in [0, 1)");
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
