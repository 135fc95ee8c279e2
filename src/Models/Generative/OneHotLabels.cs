namespace FgsActors.Models.Generative;

/// <summary>
/// One-hot class codes, the conditioning input of a conditional VAE (Sohn et al., NeurIPS 2015) and a conditional GAN
/// (Mirza and Osindero, 2014): row i of the n × classes matrix is 1 at column labels[i] and 0 elsewhere. Built on the
/// managed side, so that no scalar arguments reach TorchSharp (see <see cref="AdamOptimizer"/>).
/// </summary>
public static class OneHotLabels
{
    /// <summary>Row-major n × <paramref name="classes"/> one-hot matrix; every label must lie in [0, classes).</summary>
    public static float[] Encode(ReadOnlySpan<long> labels, int classes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        var codes = new float[checked(labels.Length * classes)];
        for (var i = 0; i < labels.Length; i++)
        {
            var label = labels[i];
            if (label < 0 || label >= classes)
                throw new ArgumentException($"label {label} at position {i} is outside [0, {classes})", nameof(labels));
            codes[i * classes + (int)label] = 1f;
        }
        return codes;
    }

    /// <inheritdoc cref="Encode(ReadOnlySpan{long}, int)"/>
    public static float[] Encode(ReadOnlySpan<int> labels, int classes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        var codes = new float[checked(labels.Length * classes)];
        for (var i = 0; i < labels.Length; i++)
        {
            var label = labels[i];
            if ((uint)label >= (uint)classes)
                throw new ArgumentException($"label {label} at position {i} is outside [0, {classes})", nameof(labels));
            codes[i * classes + label] = 1f;
        }
        return codes;
    }
}
