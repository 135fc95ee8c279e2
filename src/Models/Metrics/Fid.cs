using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace FgsActors.Models.Metrics;

/// <summary>
/// Fréchet distance between two Gaussians fitted to feature vectors (FID, Heusel et al., "GANs Trained by a Two
/// Time-Scale Update Rule Converge to a Local Nash Equilibrium", NeurIPS 2017):
/// FID = ‖μ1 − μ2‖² + Tr(Σ1 + Σ2 − 2(Σ1Σ2)^½), with sample covariances (divisor N − 1).
/// </summary>
/// <remarks>
/// Σ1Σ2 is not symmetric, so its square root is not taken directly. With A = Σ1^½ (symmetric PSD),
/// Σ1Σ2 = A·(AΣ2A)·A⁻¹ is similar to the symmetric PSD matrix AΣ2A, hence
/// Tr((Σ1Σ2)^½) = Σ √λ(AΣ2A). Both matrices go through MathNet's symmetric eigen-decomposition: Σ1 = V diag(λ) Vᵀ
/// gives A = V diag(√max(λ, 0)) Vᵀ (negative round-off eigenvalues clamped), and the eigenvalues of AΣ2A are taken
/// from its orthogonally similar form D·(VᵀΣ2V)·D with D = diag(√max(λ, 0)), which saves a matrix product; negative
/// round-off eigenvalues are clamped to 0 again. This works for singular covariances (N ≤ d) and needs no
/// regularising ε. A result below 0 from cancellation (identical statistics) is returned as 0.
/// </remarks>
public static class Fid
{
    /// <summary>FID between two sets of feature vectors (rows), each N ≥ 2 rows of the same dimension d.</summary>
    public static double FromFeatures(float[][] a, float[][] b) =>
        FromStatistics(GaussianStatistics.Of(a), GaussianStatistics.Of(b));

    /// <inheritdoc cref="FromFeatures(float[][], float[][])"/>
    public static double FromFeatures(double[][] a, double[][] b) =>
        FromStatistics(GaussianStatistics.Of(a), GaussianStatistics.Of(b));

    /// <summary>FID between two N × d feature matrices (one row per sample; the row counts may differ).</summary>
    public static double FromFeatures(double[,] a, double[,] b) =>
        FromStatistics(GaussianStatistics.Of(a), GaussianStatistics.Of(b));

    /// <summary>FID between N(μ1, Σ1) and N(μ2, Σ2); see <see cref="GaussianStatistics(double[], double[,], int)"/> for the checks.</summary>
    public static double FromStatistics(double[] mean1, double[,] covariance1, double[] mean2, double[,] covariance2) =>
        FromStatistics(new GaussianStatistics(mean1, covariance1), new GaussianStatistics(mean2, covariance2));

    /// <summary>FID between two fitted Gaussians of the same dimension.</summary>
    public static double FromStatistics(GaussianStatistics first, GaussianStatistics second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Dimension != second.Dimension)
            throw new ArgumentException($"feature dimensions differ: {first.Dimension} and {second.Dimension}", nameof(second));

        var difference = first.MeanVector() - second.MeanVector();
        var sigma1 = first.CovarianceMatrix();
        var sigma2 = second.CovarianceMatrix();
        var fid = difference.DotProduct(difference) + sigma1.Trace() + sigma2.Trace() - 2 * TraceOfSquareRootOfProduct(sigma1, sigma2);
        return Math.Max(fid, 0.0);
    }

    /// <summary>Tr((Σ1Σ2)^½) for symmetric PSD Σ1, Σ2 (see the remarks on <see cref="Fid"/>).</summary>
    internal static double TraceOfSquareRootOfProduct(Matrix<double> sigma1, Matrix<double> sigma2)
    {
        var d = sigma1.RowCount;
        var evd1 = sigma1.Evd(Symmetricity.Symmetric);
        var v = evd1.EigenVectors;
        var root = new double[d];
        for (var i = 0; i < d; i++) root[i] = Math.Sqrt(Math.Max(evd1.EigenValues[i].Real, 0.0));

        var rotated = v.TransposeThisAndMultiply(sigma2).Multiply(v); // Vᵀ Σ2 V
        var inner = Matrix<double>.Build.Dense(d, d, (i, j) => root[i] * 0.5 * (rotated[i, j] + rotated[j, i]) * root[j]);
        var eigenvalues = inner.Evd(Symmetricity.Symmetric).EigenValues;
        var trace = 0.0;
        for (var i = 0; i < d; i++) trace += Math.Sqrt(Math.Max(eigenvalues[i].Real, 0.0));
        return trace;
    }
}
