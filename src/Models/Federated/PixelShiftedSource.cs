using FgsActors.Models.Learning;

namespace FgsActors.Models.Federated;

/// <summary>
/// A batch source whose pixels are changed in contrast and brightness: x′ = clamp(contrast·(x − ½) + ½ + brightness, 0, 1).
/// Labels pass through unchanged.
/// </summary>
public sealed class PixelShiftedSource : IBatchSource
{
    private readonly IBatchSource _inner;
    private readonly float _contrast;
    private readonly float _brightness;

    public PixelShiftedSource(IBatchSource inner, double contrast, double brightness)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        if (!(contrast > 0)) throw new ArgumentOutOfRangeException(nameof(contrast), contrast, "contrast must be > 0");
        if (!(brightness >= -1 && brightness <= 1)) throw new ArgumentOutOfRangeException(nameof(brightness), brightness, "brightness must be in [-1, 1]");
        _contrast = (float)contrast;
        _brightness = (float)brightness;
    }

    public int Count => _inner.Count;
    public int Channels => _inner.Channels;
    public int Height => _inner.Height;
    public int Width => _inner.Width;

    public void CopyBatch(ReadOnlySpan<int> indices, Span<float> pixels, Span<long> labels)
    {
        _inner.CopyBatch(indices, pixels, labels);
        for (var i = 0; i < pixels.Length; i++)
            pixels[i] = Math.Clamp(_contrast * (pixels[i] - 0.5f) + 0.5f + _brightness, 0f, 1f);
    }
}
