using FgsActors.Models.Data;

namespace FgsActors.Models.Tests.Data;

public class ImageDatasetTests
{
    // Three 2×3 images: image i has pixels 10·i + p for p = 0..5, except image 2 which is 0, 51, 102, 153, 204, 255.
    private static ImageDataset Three() => new(
        [0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 15, 0, 51, 102, 153, 204, 255],
        [2, 0, 1], height: 2, width: 3, classes: 3);

    [Fact]
    public void Shape_and_labels()
    {
        var data = Three();
        Assert.Equal((3, 2, 3, 3, 6), (data.Count, data.Height, data.Width, data.Classes, data.PixelsPerImage));
        Assert.Equal(2, data.Label(0));
        Assert.Equal(new byte[] { 2, 0, 1 }, data.Labels.ToArray());
        Assert.Equal(new byte[] { 10, 11, 12, 13, 14, 15 }, data.Image(1).ToArray());
        Assert.Equal(new[] { 1, 1, 1 }, data.ClassCounts());
    }

    [Fact]
    public void Batch_is_pixel_over_255_image_after_image()
    {
        var batch = Three().Batch([2, 0]);
        Assert.Equal(new[] { 0f, 0.2f, 0.4f, 0.6f, 0.8f, 1f, 0f, 1 / 255f, 2 / 255f, 3 / 255f, 4 / 255f, 5 / 255f }, batch);
    }

    [Fact]
    public void CopyBatch_and_labels_into_given_buffers()
    {
        var data = Three();
        var pixels = new float[12];
        var labels = new long[2];
        data.CopyBatch([1, 1], pixels);
        data.CopyLabels([1, 0], labels);
        Assert.Equal(10 / 255f, pixels[0]);
        Assert.Equal(10 / 255f, pixels[6]);
        Assert.Equal(new long[] { 0, 2 }, labels);
        Assert.Throws<ArgumentException>(() => data.CopyBatch([1], pixels));
        Assert.Throws<ArgumentException>(() => data.CopyLabels([1], labels));
        Assert.Throws<ArgumentOutOfRangeException>(() => data.CopyBatch([3, 0], pixels));
    }

    [Fact]
    public void Subset_copies_the_chosen_images_in_order()
    {
        var data = Three();
        var subset = data.Subset([2, 1]);
        Assert.Equal(2, subset.Count);
        Assert.Equal((2, 3, 3), (subset.Height, subset.Width, subset.Classes));
        Assert.Equal(new byte[] { 1, 0 }, subset.Labels.ToArray());
        Assert.Equal(data.Image(2).ToArray(), subset.Image(0).ToArray());
        Assert.Equal(data.Image(1).ToArray(), subset.Image(1).ToArray());
        Assert.Equal(0, data.Subset([]).Count);
    }

    [Fact]
    public void Index_out_of_range()
    {
        var data = Three();
        Assert.Throws<ArgumentOutOfRangeException>(() => data.Image(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => data.Image(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => data.Subset([0, 3]));
    }

    [Fact]
    public void Constructor_checks_sizes_and_labels()
    {
        Assert.Contains("expected 2·2·2 = 8 pixels for 2 images, found 7",
            Assert.Throws<ArgumentException>(() => new ImageDataset(new byte[7], [0, 1], 2, 2, 2)).Message);
        Assert.Contains("label 2 of image 1 is outside [0, 2)",
            Assert.Throws<ArgumentException>(() => new ImageDataset(new byte[8], [0, 2], 2, 2, 2)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ImageDataset([], [], 0, 2, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ImageDataset([], [], 2, 2, 257));
    }
}
