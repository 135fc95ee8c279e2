using FgsActors.Cli.Reporting;
using FgsActors.Cli.Tests.Support;
using SkiaSharp;

namespace FgsActors.Cli.Tests.Reporting;

/// <summary>
/// <see cref="SampleGridImage.Write"/>: a PNG of the documented size, each class's images in its row in input order,
/// pixel values mapped to grey, empty cells light grey, and the same bytes for the same input.
/// </summary>
public sealed class SampleGridImageTests
{
    private const int Side = 28;
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly string[] Names = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>Black images, labels 0..9 repeated; class 3's second image has one white pixel at row 5, column 7.</summary>
    private static (float[] Images, int[] Labels) BlackImagesWithOneWhitePixel(int count)
    {
        var labels = Enumerable.Range(0, count).Select(i => i % 10).ToArray();
        var images = new float[count * Side * Side];
        var secondOfClass3 = 13;
        images[secondOfClass3 * Side * Side + 5 * Side + 7] = 1f;
        return (images, labels);
    }

    [Fact]
    public void The_png_has_the_layout_size_and_the_white_pixel_where_it_belongs()
    {
        using var temp = new TempDir();
        var (images, labels) = BlackImagesWithOneWhitePixel(30);
        var path = temp.At("samples.png");

        var layout = SampleGridImage.Write(path, images, labels, Side, Side, classes: 10, perClass: 4, Names);

        var bytes = File.ReadAllBytes(path);
        Assert.Equal(PngSignature, bytes[..8]);
        Assert.Equal(100 + 4 * 56 + 5 * 2, layout.Width);
        Assert.Equal(10 * 56 + 11 * 2, layout.Height);
        using var bitmap = SKBitmap.Decode(bytes);
        Assert.Equal(layout.Width, bitmap.Width);
        Assert.Equal(layout.Height, bitmap.Height);

        var (x0, y0) = layout.CellOrigin(3, 1);
        Assert.Equal((100 + 2 + 58, 2 + 3 * 58), (x0, y0));
        foreach (var (dx, dy) in new[] { (0, 0), (1, 0), (0, 1), (1, 1) }) // ×2: one input pixel is a 2×2 block
            Assert.Equal(SKColors.White, bitmap.GetPixel(x0 + 7 * 2 + dx, y0 + 5 * 2 + dy));
        Assert.Equal(SKColors.Black, bitmap.GetPixel(x0 + 7 * 2 + 2, y0 + 5 * 2));
        Assert.Equal(SKColors.Black, bitmap.GetPixel(x0 + 7 * 2, y0 + 5 * 2 - 1));
        var (firstX, firstY) = layout.CellOrigin(3, 0); // class 3's first image is all black
        Assert.Equal(SKColors.Black, bitmap.GetPixel(firstX + 7 * 2, firstY + 5 * 2));
        Assert.Equal(SKColors.White, bitmap.GetPixel(x0 - 1, y0)); // the gap between cells
    }

    [Fact]
    public void Cells_without_an_image_are_light_grey_and_values_are_clipped()
    {
        using var temp = new TempDir();
        int[] labels = [0, 1, 0];
        var images = new float[3 * Side * Side];
        images[0] = 2f;                           // clipped to white
        images[Side * Side] = 0.5f;               // class 1, first pixel: 128
        images[2 * Side * Side] = float.NaN;      // black
        var path = temp.At("grid.png");

        var layout = SampleGridImage.Write(path, images, labels, Side, Side, classes: 2, perClass: 3, scale: 1);

        using var bitmap = SKBitmap.Decode(path);
        Assert.Equal(0, layout.LabelWidth);
        Assert.Equal((3 * 28 + 4 * 2, 2 * 28 + 3 * 2), (bitmap.Width, bitmap.Height));
        Assert.Equal(SKColors.White, At(bitmap, layout, 0, 0));
        Assert.Equal(SKColors.Black, At(bitmap, layout, 0, 1));
        Assert.Equal(new SKColor(128, 128, 128), At(bitmap, layout, 1, 0));
        Assert.Equal(new SKColor(224, 224, 224), At(bitmap, layout, 0, 2)); // class 0 has only 2 images
        Assert.Equal(new SKColor(224, 224, 224), At(bitmap, layout, 1, 1));
    }

    [Fact]
    public void The_same_input_gives_the_same_bytes()
    {
        using var temp = new TempDir();
        var (images, labels) = BlackImagesWithOneWhitePixel(20);

        SampleGridImage.Write(temp.At("a.png"), images, labels, Side, Side, 10, 2, Names);
        SampleGridImage.Write(temp.At("b.png"), images, labels, Side, Side, 10, 2, Names);

        Assert.Equal(File.ReadAllBytes(temp.At("a.png")), File.ReadAllBytes(temp.At("b.png")));
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        using var temp = new TempDir();
        var path = temp.At("x.png");
        var one = new float[Side * Side];

        Assert.Contains("outside [0, 2)", Assert.Throws<ArgumentException>(() => SampleGridImage.Write(path, one, [2], Side, Side, 2, 1)).Message);
        Assert.Contains("do not make", Assert.Throws<ArgumentException>(() => SampleGridImage.Write(path, one, [0, 1], Side, Side, 2, 1)).Message);
        Assert.Contains("class names", Assert.Throws<ArgumentException>(() => SampleGridImage.Write(path, one, [0], Side, Side, 2, 1, ["only one"])).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleGridImage.Write(path, one, [0], Side, Side, 2, 0));
        Assert.False(File.Exists(path));
    }

    private static SKColor At(SKBitmap bitmap, SampleGridImage.Layout layout, int row, int column)
    {
        var (x, y) = layout.CellOrigin(row, column);
        return bitmap.GetPixel(x, y);
    }
}
