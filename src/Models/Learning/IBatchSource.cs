namespace FgsActors.Models.Learning;

/// <summary>
/// Labelled samples that a trainer or evaluator reads in mini-batches by index. Implementations hold the data in
/// whatever form suits them (bytes, floats, files) and write normalised float32 pixels on request. Reads must be
/// safe from several threads at once (trainers share one data set), and the same indices must always give the same
/// values, so training stays deterministic.
/// </summary>
public interface IBatchSource
{
    /// <summary>Number of samples; valid indices are 0 .. Count − 1.</summary>
    int Count { get; }

    /// <summary>Channels per sample (1 for grey-scale).</summary>
    int Channels { get; }

    /// <summary>Rows per sample.</summary>
    int Height { get; }

    /// <summary>Columns per sample.</summary>
    int Width { get; }

    /// <summary>
    /// Writes the samples named by <paramref name="indices"/>, in that order, into <paramref name="pixels"/>
    /// (indices.Length × C × H × W floats, row-major NCHW, already normalised) and their class labels into
    /// <paramref name="labels"/> (indices.Length values in 0 .. classes − 1).
    /// </summary>
    void CopyBatch(ReadOnlySpan<int> indices, Span<float> pixels, Span<long> labels);
}

/// <summary>Helpers over <see cref="IBatchSource"/>.</summary>
public static class BatchSourceExtensions
{
    /// <summary>The shape of one sample.</summary>
    public static FeatureShape SampleShape(this IBatchSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new FeatureShape(source.Channels, source.Height, source.Width);
    }

    /// <summary>Throws unless samples of <paramref name="source"/> have the input shape of <paramref name="network"/>.</summary>
    internal static void RequireShape(this IBatchSource source, NetworkSpec network, string paramName)
    {
        var shape = source.SampleShape();
        if (shape != network.Input)
            throw new ArgumentException($"samples are {shape}, network {network.Name} takes {network.Input}", paramName);
    }
}
