using FgsActors.Models.Metrics;

namespace FgsActors.Models.Fidelity;

/// <summary>
/// Per-class means and scatter matrices of a labelled set of feature vectors, from which the Gaussian statistics of
/// the same set reweighted to any class histogram follow without resampling: local FID compares a device's real
/// data with the generated pool reweighted to that device's class proportions.
/// <para>
/// With class weights w_c (Σ w_c = 1) spread evenly over the G_c samples of class c, each sample x_i of class c gets
/// the weight u_i = w_c / G_c, and the weighted mean and the unbiased covariance for such "reliability" weights are
/// μ = Σ_c w_c m_c and Σ = [Σ_c (w_c/G_c) C_c + w_c (m_c − μ)(m_c − μ)ᵀ] / (1 − Σ_c w_c²/G_c), where m_c and
/// C_c = Σ_{i∈c} (x_i − m_c)(x_i − m_c)ᵀ are the class's mean and scatter. With w_c = G_c/N this is exactly the
/// ordinary sample covariance (divisor N − 1) of the whole set, and with one class it is that class's sample
/// covariance, so local and global FID are estimated the same way.
/// </para>
/// </summary>
internal sealed class ClassConditionalMoments
{
    private readonly int[] _counts;
    private readonly double[][] _means;
    private readonly double[][,] _scatters;

    private ClassConditionalMoments(int dimension, int[] counts, double[][] means, double[][,] scatters)
    {
        Dimension = dimension;
        _counts = counts;
        _means = means;
        _scatters = scatters;
    }

    /// <summary>Feature dimension d.</summary>
    public int Dimension { get; }

    /// <summary>Number of classes K.</summary>
    public int ClassCount => _counts.Length;

    /// <summary>G_c, the samples of class <paramref name="c"/>.</summary>
    public int Count(int c) => _counts[c];

    /// <summary>Moments of <paramref name="features"/> (rows of equal length d ≥ 1) grouped by <paramref name="labels"/> in [0, classes).</summary>
    public static ClassConditionalMoments Of(float[][] features, IReadOnlyList<int> labels, int classes)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        if (features.Length == 0) throw new ArgumentException("no feature vectors", nameof(features));
        if (labels.Count != features.Length)
            throw new ArgumentException($"{labels.Count} labels for {features.Length} feature vectors", nameof(labels));
        var d = features[0].Length;
        var counts = new int[classes];
        var means = new double[classes][];
        var scatters = new double[classes][,];
        for (var c = 0; c < classes; c++)
        {
            means[c] = new double[d];
            scatters[c] = new double[d, d];
        }
        for (var i = 0; i < features.Length; i++)
        {
            var c = labels[i];
            counts[c]++;
            var mean = means[c];
            for (var j = 0; j < d; j++) mean[j] += features[i][j];
        }
        for (var c = 0; c < classes; c++)
        {
            if (counts[c] == 0) continue;
            for (var j = 0; j < d; j++) means[c][j] /= counts[c];
        }
        var centred = new double[d];
        for (var i = 0; i < features.Length; i++)
        {
            var c = labels[i];
            var mean = means[c];
            var scatter = scatters[c];
            for (var j = 0; j < d; j++) centred[j] = features[i][j] - mean[j];
            for (var j = 0; j < d; j++)
            {
                var a = centred[j];
                if (a == 0) continue; // post-ReLU features are often exactly at their (zero) mean
                for (var l = j; l < d; l++) scatter[j, l] += a * centred[l];
            }
        }
        foreach (var scatter in scatters)
        {
            for (var j = 0; j < d; j++)
            {
                for (var l = j + 1; l < d; l++) scatter[l, j] = scatter[j, l];
            }
        }
        return new ClassConditionalMoments(d, counts, means, scatters);
    }

    /// <summary>
    /// The statistics of the set reweighted to class weights <paramref name="weights"/> (K values ≥ 0 summing to 1);
    /// every class with a positive weight needs G_c ≥ 2 (then 1 − Σ w_c²/G_c ≥ 1/2). Count is the number of samples
    /// in the classes with a positive weight.
    /// </summary>
    public GaussianStatistics Mixture(ReadOnlySpan<double> weights)
    {
        if (weights.Length != ClassCount)
            throw new ArgumentException($"{weights.Length} class weights for {ClassCount} classes", nameof(weights));
        var d = Dimension;
        var total = 0.0;
        foreach (var w in weights) total += w;
        if (!(Math.Abs(total - 1.0) <= 1e-9)) throw new ArgumentException($"class weights sum to {total}, expected 1", nameof(weights));
        var mean = new double[d];
        var sumOfSquares = 0.0;
        var used = 0;
        for (var c = 0; c < weights.Length; c++)
        {
            var w = weights[c];
            if (!(w >= 0) || !double.IsFinite(w)) throw new ArgumentException($"class weight {c} is {w}, expected a finite number ≥ 0", nameof(weights));
            if (w == 0) continue;
            if (_counts[c] < 2) throw new ArgumentException($"class {c} has weight {w} but {_counts[c]} samples; at least 2 are needed", nameof(weights));
            for (var j = 0; j < d; j++) mean[j] += w * _means[c][j];
            sumOfSquares += w * w / _counts[c];
            used += _counts[c];
        }

        var covariance = new double[d, d];
        var offset = new double[d];
        for (var c = 0; c < weights.Length; c++)
        {
            var w = weights[c];
            if (w == 0) continue;
            var perSample = w / _counts[c];
            var scatter = _scatters[c];
            for (var j = 0; j < d; j++) offset[j] = _means[c][j] - mean[j];
            for (var j = 0; j < d; j++)
            {
                for (var l = j; l < d; l++) covariance[j, l] += perSample * scatter[j, l] + w * offset[j] * offset[l];
            }
        }
        var denominator = 1.0 - sumOfSquares;
        for (var j = 0; j < d; j++)
        {
            for (var l = j; l < d; l++)
            {
                covariance[j, l] /= denominator;
                covariance[l, j] = covariance[j, l];
            }
        }
        return new GaussianStatistics(mean, covariance, used);
    }
}
