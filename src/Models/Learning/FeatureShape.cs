namespace FgsActors.Models.Learning;

/// <summary>
/// Shape of one sample's feature map between layers, channels × height × width (batch dimension left out).
/// A flat vector of n features is (n, 1, 1).
/// </summary>
public readonly record struct FeatureShape
{
    public FeatureShape(int channels, int height, int width)
    {
        if (channels <= 0 || height <= 0 || width <= 0)
            throw new ArgumentOutOfRangeException(nameof(channels), $"{channels}×{height}×{width}",
                "every dimension of a feature shape must be > 0");
        Channels = channels;
        Height = height;
        Width = width;
    }

    /// <summary>A flat vector of <paramref name="features"/> values: (features, 1, 1).</summary>
    public static FeatureShape Flat(int features) => new(features, 1, 1);

    public int Channels { get; }

    public int Height { get; }

    public int Width { get; }

    /// <summary>Values per sample: C·H·W.</summary>
    public int Elements => checked(Channels * Height * Width);

    /// <summary>Whether this is a flat vector (H = W = 1).</summary>
    public bool IsFlat => Height == 1 && Width == 1;

    public override string ToString() => IsFlat ? $"{Channels}" : $"{Channels}×{Height}×{Width}";
}
