using FgsActors.Models.Learning;

namespace FgsActors.Models.Federated;

/// <summary>
/// A real data set followed by synthetic images: indices below the real set's count read it, index real.Count + j
/// reads synthetic image j (floats already in [0, 1]) with its label.
/// </summary>
public sealed class AugmentedSource : IBatchSource
{
    private readonly IBatchSource _real;
    private readonly float[] _images;
    private readonly int[] _labels;
    private readonly int _size;

    public AugmentedSource(IBatchSource real, float[] images, int[] labels)
    {
        _real = real ?? throw new ArgumentNullException(nameof(real));
        _images = images ?? throw new ArgumentNullException(nameof(images));
        _labels = labels ?? throw new ArgumentNullException(nameof(labels));
        _size = real.Channels * real.Height * real.Width;
        if ((long)labels.Length * _size != images.Length)
            throw new ArgumentException($"{labels.Length} labels need {(long)labels.Length * _size} floats, found {images.Length}", nameof(images));
    }

    /// <summary>Synthetic images appended.</summary>
    public int SyntheticCount => _labels.Length;

    public int Count => _real.Count + _labels.Length;
    public int Channels => _real.Channels;
    public int Height => _real.Height;
    public int Width => _real.Width;

    public void CopyBatch(ReadOnlySpan<int> indices, Span<float> pixels, Span<long> labels)
    {
        var realCount = _real.Count;
        Span<int> one = stackalloc int[1];
        Span<long> label = stackalloc long[1];
        for (var b = 0; b < indices.Length; b++)
        {
            var index = indices[b];
            var target = pixels.Slice(b * _size, _size);
            if (index < realCount)
            {
                one[0] = index;
                _real.CopyBatch(one, target, label);
                labels[b] = label[0];
            }
            else
            {
                var j = index - realCount;
                _images.AsSpan(j * _size, _size).CopyTo(target);
                labels[b] = _labels[j];
            }
        }
    }
}
