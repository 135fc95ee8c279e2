namespace FgsActors.Models.Data;

/// <summary>
/// N grey images of Height×Width pixels with one class label each, stored compactly: one byte per pixel (row-major,
/// image after image) and one byte per label. 60,000 Fashion-MNIST images take 47 MB. Batches are copied out as
/// floats in [0, 1] (pixel/255) laid out B×1×H×W, ready for a tensor.
/// </summary>
public sealed class ImageDataset
{
    // pixel/255 for every byte value, so a batch copy is one table look-up per pixel.
    private static readonly float[] Normalised = BuildNormalised();

    private readonly byte[] _pixels;
    private readonly byte[] _labels;

    /// <summary>
    /// Wraps the arrays without copying them (the data set takes ownership; do not change them afterwards).
    /// </summary>
    /// <param name="pixels">labels.Length·height·width bytes, row-major per image.</param>
    /// <param name="labels">One label per image, each in [0, <paramref name="classes"/>).</param>
    /// <param name="height">Image height, pixels (≥ 1).</param>
    /// <param name="width">Image width, pixels (≥ 1).</param>
    /// <param name="classes">Number of classes, 1..256.</param>
    public ImageDataset(byte[] pixels, byte[] labels, int height, int width, int classes)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(classes, 256);
        if ((long)labels.Length * height * width != pixels.Length)
            throw new ArgumentException(
                $"expected {labels.Length}·{height}·{width} = {(long)labels.Length * height * width} pixels for {labels.Length} images, found {pixels.Length}",
                nameof(pixels));
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] >= classes)
                throw new ArgumentException($"label {labels[i]} of image {i} is outside [0, {classes})", nameof(labels));
        }

        _pixels = pixels;
        _labels = labels;
        Height = height;
        Width = width;
        Classes = classes;
    }

    /// <summary>Number of images.</summary>
    public int Count => _labels.Length;

    /// <summary>Image height, pixels.</summary>
    public int Height { get; }

    /// <summary>Image width, pixels.</summary>
    public int Width { get; }

    /// <summary>Number of classes; every label is in [0, Classes).</summary>
    public int Classes { get; }

    /// <summary>Height·Width: the floats one image takes in a batch.</summary>
    public int PixelsPerImage => Height * Width;

    /// <summary>All labels, one per image (what the partitioners split).</summary>
    public ReadOnlySpan<byte> Labels => _labels;

    /// <summary>The class of image <paramref name="index"/>.</summary>
    public int Label(int index) => _labels[index];

    /// <summary>The raw pixels (0..255) of image <paramref name="index"/>, row-major.</summary>
    public ReadOnlySpan<byte> Image(int index)
    {
        CheckIndex(index, nameof(index));
        return _pixels.AsSpan(index * PixelsPerImage, PixelsPerImage);
    }

    /// <summary>
    /// Copies the images at <paramref name="indices"/> into <paramref name="destination"/> as floats pixel/255 in
    /// [0, 1], laid out B×1×H×W (image after image, row-major). The destination must hold exactly
    /// indices.Length·Height·Width floats.
    /// </summary>
    public void CopyBatch(ReadOnlySpan<int> indices, Span<float> destination)
    {
        var size = PixelsPerImage;
        if ((long)indices.Length * size != destination.Length)
            throw new ArgumentException(
                $"expected room for {indices.Length}·{size} = {(long)indices.Length * size} floats, found {destination.Length}",
                nameof(destination));
        var table = Normalised;
        for (var b = 0; b < indices.Length; b++)
        {
            var index = indices[b];
            CheckIndex(index, nameof(indices));
            var source = _pixels.AsSpan(index * size, size);
            var target = destination.Slice(b * size, size);
            for (var p = 0; p < source.Length; p++)
                target[p] = table[source[p]];
        }
    }

    /// <summary>A new B×1×H×W float array holding the images at <paramref name="indices"/>, pixel/255.</summary>
    public float[] Batch(ReadOnlySpan<int> indices)
    {
        var batch = new float[checked(indices.Length * PixelsPerImage)];
        CopyBatch(indices, batch);
        return batch;
    }

    /// <summary>
    /// Copies the labels at <paramref name="indices"/> into <paramref name="destination"/> as 64-bit integers (the
    /// target type of a cross-entropy loss). The destination must hold exactly indices.Length values.
    /// </summary>
    public void CopyLabels(ReadOnlySpan<int> indices, Span<long> destination)
    {
        if (indices.Length != destination.Length)
            throw new ArgumentException($"expected room for {indices.Length} labels, found {destination.Length}", nameof(destination));
        for (var b = 0; b < indices.Length; b++)
        {
            CheckIndex(indices[b], nameof(indices));
            destination[b] = _labels[indices[b]];
        }
    }

    /// <summary>A new data set holding copies of the images at <paramref name="indices"/>, in that order.</summary>
    public ImageDataset Subset(ReadOnlySpan<int> indices)
    {
        var size = PixelsPerImage;
        var pixels = new byte[checked(indices.Length * size)];
        var labels = new byte[indices.Length];
        for (var b = 0; b < indices.Length; b++)
        {
            var index = indices[b];
            CheckIndex(index, nameof(indices));
            _pixels.AsSpan(index * size, size).CopyTo(pixels.AsSpan(b * size, size));
            labels[b] = _labels[index];
        }

        return new ImageDataset(pixels, labels, Height, Width, Classes);
    }

    /// <summary>How many images each class has: element c counts label c.</summary>
    public int[] ClassCounts()
    {
        var counts = new int[Classes];
        foreach (var label in _labels)
            counts[label]++;
        return counts;
    }

    private void CheckIndex(int index, string paramName)
    {
        if ((uint)index >= (uint)_labels.Length)
            throw new ArgumentOutOfRangeException(paramName, index, $"image index must be in [0, {_labels.Length})");
    }

    private static float[] BuildNormalised()
    {
        var table = new float[256];
        for (var v = 0; v < table.Length; v++)
            table[v] = v / 255f;
        return table;
    }
}
