using FgsActors.Models.Data;

namespace FgsActors.Models.Tests.Data;

/// <summary>
/// The real Fashion-MNIST files. CI installs them (apt-get install dataset-fashion-mnist); when they are missing these
/// tests fail with the loader's message saying how to install them. Exclude with --filter "Category!=Data".
/// </summary>
[Trait("Category", "Data")]
public sealed class FashionMnistDataTests(FashionMnistDataTests.Loaded data) : IClassFixture<FashionMnistDataTests.Loaded>
{
    public sealed class Loaded
    {
        private readonly Lazy<(ImageDataset Train, ImageDataset Test)> _sets = new(() => FashionMnist.Load(FashionMnist.DefaultDirectory));

        public ImageDataset Train => _sets.Value.Train;

        public ImageDataset Test => _sets.Value.Test;
    }

    [Fact]
    public void Sizes_and_classes()
    {
        Assert.Equal((60000, 28, 28, 10), (data.Train.Count, data.Train.Height, data.Train.Width, data.Train.Classes));
        Assert.Equal((10000, 28, 28, 10), (data.Test.Count, data.Test.Height, data.Test.Width, data.Test.Classes));
    }

    [Fact]
    public void Classes_are_balanced()
    {
        Assert.All(data.Train.ClassCounts(), count => Assert.Equal(6000, count));
        Assert.All(data.Test.ClassCounts(), count => Assert.Equal(1000, count));
    }

    [Fact]
    public void First_items_match_the_published_files()
    {
        // Read independently with Python's gzip module from the installed files.
        Assert.Equal(new[] { 9, 0, 0, 3, 0, 2, 7, 2, 5, 5, 0, 9 }, Enumerable.Range(0, 12).Select(data.Train.Label));
        Assert.Equal(new[] { 9, 2, 1, 1, 6, 1, 4, 6, 5, 7, 4, 5 }, Enumerable.Range(0, 12).Select(data.Test.Label));
        Assert.Equal(76247, Sum(data.Train.Image(0)));
        Assert.Equal(33456, Sum(data.Test.Image(0)));
        Assert.Equal("Ankle boot", FashionMnist.ClassNames[data.Train.Label(0)]);
    }

    [Fact]
    public void Batch_is_normalised()
    {
        var batch = data.Train.Batch([0]);
        Assert.Equal(784, batch.Length);
        Assert.All(batch, v => Assert.InRange(v, 0f, 1f));
        Assert.Equal(76247 / 255.0, batch.Sum(v => (double)v), 3);
    }

    private static int Sum(ReadOnlySpan<byte> pixels)
    {
        var sum = 0;
        foreach (var p in pixels)
            sum += p;
        return sum;
    }
}
