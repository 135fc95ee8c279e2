namespace FgsActors.Models.Learning;

/// <summary>
/// An <see cref="IBatchSource"/> over float pixels already in memory (N × C × H × W, normalised) and their labels.
/// Immutable once built: the arrays are copied, so reads are thread-safe.
/// </summary>
public sealed class ArrayBatchSource : IBatchSource
{
    private readonly float[] _pixels;
    private readonly long[] _labels;
    private readonly int _sampleLength;

    public ArrayBatchSource(ReadOnlySpan<float> pixels, ReadOnlySpan<long> labels, FeatureShape sampleShape)
    {
        _sampleLength = sampleShape.Elements;
        if (pixels.Length != (long)labels.Length * _sampleLength)
            throw new ArgumentException(
                $"{pixels.Length} pixels do not make {labels.Length} samples of {sampleShape} ({_sampleLength} each)", nameof(pixels));
        foreach (var label in labels)
        {
            if (label < 0)
                throw new ArgumentOutOfRangeException(nameof(labels), label, "labels must be ≥ 0");
        }
        _pixels = pixels.ToArray();
        _labels = labels.ToArray();
        Channels = sampleShape.Channels;
        Height = sampleShape.Height;
        Width = sampleShape.Width;
    }

    public int Count => _labels.Length;

    public int Channels { get; }

    public int Height { get; }

    public int Width { get; }

    /// <summary>Label of sample <paramref name="index"/>.</summary>
    public long LabelOf(int index) => _labels[index];

    public void CopyBatch(ReadOnlySpan<int> indices, Span<float> pixels, Span<long> labels)
    {
        if (pixels.Length != (long)indices.Length * _sampleLength)
            throw new ArgumentException($"pixels hold {pixels.Length} floats, {indices.Length} samples need {(long)indices.Length * _sampleLength}", nameof(pixels));
        if (labels.Length != indices.Length)
            throw new ArgumentException($"labels hold {labels.Length} values, {indices.Length} samples need as many", nameof(labels));
        for (var i = 0; i < indices.Length; i++)
        {
            var index = indices[i];
            if ((uint)index >= (uint)_labels.Length)
                throw new ArgumentOutOfRangeException(nameof(indices), index, $"sample index must lie in [0, {_labels.Length})");
            _pixels.AsSpan(index * _sampleLength, _sampleLength).CopyTo(pixels.Slice(i * _sampleLength, _sampleLength));
            labels[i] = _labels[index];
        }
    }
}
