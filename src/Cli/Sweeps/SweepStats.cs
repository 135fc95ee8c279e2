using MathNet.Numerics.Distributions;

namespace FgsActors.Cli.Sweeps;

/// <summary>
/// Mean, sample standard deviation (n − 1) and the Student-t 95 % confidence interval of the mean,
/// mean ± t(0.975, n − 1)·std/√n, of one metric over a grid point's seeds. With n = 1 there is no spread: std and
/// the interval are NaN (empty in sweep.csv).
/// </summary>
public readonly record struct SweepStats(int N, double Mean, double Std, double Ci95Low, double Ci95High)
{
    public static SweepStats Of(IReadOnlyList<double> values)
    {
        ArgumentOutOfRangeException.ThrowIfZero(values.Count);
        var n = values.Count;
        var mean = values.Average();
        if (n == 1) return new SweepStats(1, mean, double.NaN, double.NaN, double.NaN);
        var std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (n - 1));
        var half = TQuantile975(n - 1) * std / Math.Sqrt(n);
        return new SweepStats(n, mean, std, mean - half, mean + half);
    }

    /// <summary>t(0.975, df): the two-sided 95 % quantile of Student's t with <paramref name="df"/> degrees of freedom.</summary>
    public static double TQuantile975(int df) => StudentT.InvCDF(0, 1, df, 0.975);
}
