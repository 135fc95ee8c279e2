using FgsActors.Models.Federated;
using FgsActors.Models.Learning;

namespace FgsActors.Models.Tests.Federated;

/// <summary>A real set of three 1×1×2 samples followed by two synthetic ones.</summary>
public sealed class AugmentedSourceTests
{
    private static readonly ArrayBatchSource Real = new([0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f], [4L, 5L, 6L], new FeatureShape(1, 1, 2));
    private static readonly float[] Synthetic = [0.7f, 0.8f, 0.9f, 1.0f];

    [Fact]
    public void Indices_below_the_real_count_read_real_samples_and_the_rest_read_synthetic_ones_with_their_labels()
    {
        var source = new AugmentedSource(Real, Synthetic, [7, 9]);
        var pixels = new float[8];
        var labels = new long[4];

        source.CopyBatch([4, 0, 3, 2], pixels, labels);

        Assert.Equal([0.9f, 1.0f, 0.1f, 0.2f, 0.7f, 0.8f, 0.5f, 0.6f], pixels);
        Assert.Equal([9L, 4L, 7L, 6L], labels);
        Assert.Equal((5, 2), (source.Count, source.SyntheticCount));
        Assert.Equal((1, 1, 2), (source.Channels, source.Height, source.Width));
    }

    [Fact]
    public void No_synthetic_images_leave_the_real_set_as_it_is()
    {
        var source = new AugmentedSource(Real, [], []);
        var pixels = new float[6];
        var labels = new long[3];

        source.CopyBatch([2, 1, 0], pixels, labels);

        Assert.Equal([0.5f, 0.6f, 0.3f, 0.4f, 0.1f, 0.2f], pixels);
        Assert.Equal([6L, 5L, 4L], labels);
        Assert.Equal(3, source.Count);
    }

    [Fact]
    public void Images_that_do_not_match_the_labels_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new AugmentedSource(Real, Synthetic, [7]));
        Assert.Throws<ArgumentException>(() => new AugmentedSource(Real, Synthetic[..3], [7, 9]));
        Assert.Throws<ArgumentNullException>(() => new AugmentedSource(null!, Synthetic, [7, 9]));
        Assert.Throws<ArgumentNullException>(() => new AugmentedSource(Real, null!, [7, 9]));
        Assert.Throws<ArgumentNullException>(() => new AugmentedSource(Real, Synthetic, null!));
    }
}
