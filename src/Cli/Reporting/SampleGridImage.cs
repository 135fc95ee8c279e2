using SkiaSharp;

namespace FgsActors.Cli.Reporting;

/// <summary>
/// A PNG of generated grey images laid out as a grid: one row per class (the first images of that intended class, in
/// input order, up to <c>perClass</c> columns), each image upscaled by an integer factor with nearest-neighbour pixels,
/// cells separated by white gaps, and the class names in a column on the left when given and a font is available.
/// Pixels map v ∈ [0, 1] → round(255·v) (values outside are clipped, NaN is black); a cell without an image (fewer
/// than <c>perClass</c> of that class) is light grey. The same input gives the same bytes on the same machine
/// (SkiaSharp's PNG encoder is deterministic; label text depends on the fonts installed).
/// </summary>
public static class SampleGridImage
{
    /// <summary>Default upscaling: 28×28 images become 56×56 cells.</summary>
    public const int DefaultScale = 2;

    /// <summary>White pixels between cells and around the grid.</summary>
    public const int Gap = 2;

    /// <summary>Width of the class-name column, pixels (when names are given).</summary>
    public const int LabelColumnWidth = 100;

    /// <summary>Grey of an empty cell.</summary>
    public const byte EmptyCellGrey = 224;

    /// <summary>Where everything lies in the picture.</summary>
    /// <param name="Rows">Classes (one row each).</param>
    /// <param name="Columns">Images per class.</param>
    /// <param name="CellWidth">Image width × scale.</param>
    /// <param name="CellHeight">Image height × scale.</param>
    /// <param name="LabelWidth">Width of the class-name column (0 without names).</param>
    public sealed record Layout(int Rows, int Columns, int CellWidth, int CellHeight, int LabelWidth)
    {
        /// <summary>Picture width: label column, then columns of cells with a gap before each and after the last.</summary>
        public int Width => LabelWidth + Columns * CellWidth + (Columns + 1) * Gap;

        /// <summary>Picture height: rows of cells with a gap before each and after the last.</summary>
        public int Height => Rows * CellHeight + (Rows + 1) * Gap;

        /// <summary>Top-left pixel (x, y) of the cell in <paramref name="row"/>, <paramref name="column"/>.</summary>
        public (int X, int Y) CellOrigin(int row, int column) =>
            (LabelWidth + Gap + column * (CellWidth + Gap), Gap + row * (CellHeight + Gap));
    }

    /// <summary>The layout <see cref="Write"/> uses for these arguments.</summary>
    public static Layout LayoutFor(int classes, int perClass, int height, int width, int scale = DefaultScale, bool withNames = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(perClass, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(scale, 16);
        return new Layout(classes, perClass, width * scale, height * scale, withNames ? LabelColumnWidth : 0);
    }

    /// <summary>
    /// Writes the grid of <paramref name="labels"/>.Length images (<paramref name="images"/>: N × H × W floats,
    /// row-major) to <paramref name="path"/> as a PNG and returns its layout.
    /// </summary>
    /// <param name="path">The PNG file (overwritten; its directory must exist).</param>
    /// <param name="images">N·H·W pixel values, nominally in [0, 1].</param>
    /// <param name="labels">The intended class of each image, in [0, <paramref name="classes"/>).</param>
    /// <param name="height">H, pixels per image column.</param>
    /// <param name="width">W, pixels per image row.</param>
    /// <param name="classes">Rows of the grid.</param>
    /// <param name="perClass">Columns: images shown per class.</param>
    /// <param name="classNames">Row labels, one per class (e.g. Fashion-MNIST's class names); null for none.</param>
    /// <param name="scale">Integer upscaling factor, 1–16.</param>
    public static Layout Write(string path, float[] images, int[] labels, int height, int width, int classes, int perClass,
        IReadOnlyList<string>? classNames = null, int scale = DefaultScale)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        var layout = LayoutFor(classes, perClass, height, width, scale, classNames is not null);
        var size = height * width;
        if (images.Length != (long)labels.Length * size)
            throw new ArgumentException($"{images.Length} pixels do not make {labels.Length} images of {height}×{width}", nameof(images));
        if (classNames is not null && classNames.Count != classes)
            throw new ArgumentException($"{classNames.Count} class names for {classes} classes", nameof(classNames));

        var chosen = new List<int>[classes];
        for (var c = 0; c < classes; c++) chosen[c] = [];
        for (var i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classes)
                throw new ArgumentException($"label {labels[i]} of image {i} is outside [0, {classes})", nameof(labels));
            if (chosen[labels[i]].Count < perClass) chosen[labels[i]].Add(i);
        }

        using var bitmap = new SKBitmap(new SKImageInfo(layout.Width, layout.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var pixels = bitmap.GetPixelSpan();
        pixels.Fill(255);
        for (var row = 0; row < classes; row++)
        {
            for (var column = 0; column < perClass; column++)
            {
                var (x0, y0) = layout.CellOrigin(row, column);
                var image = column < chosen[row].Count ? images.AsSpan(chosen[row][column] * size, size) : default;
                for (var y = 0; y < layout.CellHeight; y++)
                {
                    for (var x = 0; x < layout.CellWidth; x++)
                    {
                        var grey = image.IsEmpty ? EmptyCellGrey : Grey(image[(y / scale) * width + x / scale]);
                        var at = 4 * ((y0 + y) * layout.Width + x0 + x);
                        pixels[at] = pixels[at + 1] = pixels[at + 2] = grey;
                        pixels[at + 3] = 255;
                    }
                }
            }
        }
        if (classNames is not null) DrawNames(bitmap, layout, classNames);

        using var encoded = bitmap.Encode(SKEncodedImageFormat.Png, 100)
            ?? throw new InvalidOperationException("SkiaSharp could not encode the sample grid as PNG");
        using (var file = File.Create(path))
            encoded.SaveTo(file);
        return layout;
    }

    private static byte Grey(float value) =>
        float.IsNaN(value) ? (byte)0 : (byte)Math.Round(255 * Math.Clamp(value, 0f, 1f), MidpointRounding.AwayFromZero);

    /// <summary>Right-aligned names in the label column, vertically centred on their rows; skipped when no font is found.</summary>
    private static void DrawNames(SKBitmap bitmap, Layout layout, IReadOnlyList<string> names)
    {
        using var typeface = FindTypeface();
        if (typeface is null) return;
        using var canvas = new SKCanvas(bitmap);
        using var font = new SKFont(typeface, Math.Min(14f, layout.CellHeight * 0.4f));
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        for (var row = 0; row < names.Count; row++)
        {
            var (_, y0) = layout.CellOrigin(row, 0);
            var baseline = y0 + layout.CellHeight / 2f + font.Size * 0.35f;
            canvas.DrawText(names[row], layout.LabelWidth - 6, baseline, SKTextAlign.Right, font, paint);
        }
        canvas.Flush();
    }

    private static SKTypeface? FindTypeface()
    {
        string[] preferred = ["DejaVu Sans", "Liberation Sans", "Noto Sans", "Open Sans", "Arial", "Helvetica"];
        try
        {
            var manager = SKFontManager.Default;
            foreach (var family in preferred)
            {
                if (manager.MatchFamily(family) is { } typeface) return typeface;
            }
            return manager.FontFamilies.Any() ? manager.MatchFamily(manager.FontFamilies.First()) : null;
        }
        catch (Exception e) when (e is TypeInitializationException or DllNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }
}
