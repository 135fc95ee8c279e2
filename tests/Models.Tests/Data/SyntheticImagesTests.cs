using FgsActors.Models.Data;

namespace FgsActors.Models.Tests.Data;

public class SyntheticImagesTests
{
    [Fact]
    public void Same_seed_same_images()
    {
        var a = SyntheticImages.Generate(200, seed: 7);
        var b = SyntheticImages.Generate(200, seed: 7);
        Assert.Equal(a.Labels.ToArray(), b.Labels.ToArray());
        Assert.Equal(a.Batch(Enumerable.Range(0, 200).ToArray()), b.Batch(Enumerable.Range(0, 200).ToArray()));
    }

    [Fact]
    public void Different_seeds_differ()
    {
        var a = SyntheticImages.Generate(200, seed: 7);
        var b = SyntheticImages.Generate(200, seed: 8);
        Assert.NotEqual(a.Labels.ToArray(), b.Labels.ToArray());
        Assert.NotEqual(a.Image(0).ToArray(), b.Image(0).ToArray());
    }

    [Fact]
    public void Shape_and_balanced_classes()
    {
        var data = SyntheticImages.Generate(205, seed: 1);
        Assert.Equal((205, 28, 28, 10), (data.Count, data.Height, data.Width, data.Classes));
        Assert.Equal(new[] { 21, 21, 21, 21, 21, 20, 20, 20, 20, 20 }, data.ClassCounts());

        var small = SyntheticImages.Generate(12, seed: 1, classes: 4, size: 16);
        Assert.Equal((16, 16, 4), (small.Height, small.Width, small.Classes));
        Assert.Equal(new[] { 3, 3, 3, 3 }, small.ClassCounts());
    }

    [Fact]
    public void Images_have_ink_and_background()
    {
        var data = SyntheticImages.Generate(50, seed: 3);
        for (var i = 0; i < data.Count; i++)
        {
            var pixels = data.Image(i).ToArray();
            Assert.True(pixels.Count(p => p > 150) >= 20, $"image {i} has too little ink");
            Assert.True(pixels.Count(p => p < 60) >= 500, $"image {i} has too little background");
        }
    }

    /// <summary>
    /// Learnable across seeds: class means of one set classify another set (different seed) by nearest mean
    /// almost perfectly, so templates do not depend on the seed and the classes are well separated.
    /// </summary>
    [Theory]
    [InlineData(10, 28)]
    [InlineData(4, 16)]
    public void Nearest_class_mean_of_one_seed_classifies_another(int classes, int size)
    {
        var train = SyntheticImages.Generate(100 * classes, seed: 1, classes, size);
        var test = SyntheticImages.Generate(50 * classes, seed: 2, classes, size);
        var pixels = size * size;
        var means = new double[classes, pixels];
        var trainBatch = train.Batch(Enumerable.Range(0, train.Count).ToArray());
        for (var i = 0; i < train.Count; i++)
        {
            for (var p = 0; p < pixels; p++)
                means[train.Label(i), p] += trainBatch[i * pixels + p] / 100.0;
        }

        var correct = 0;
        var testBatch = test.Batch(Enumerable.Range(0, test.Count).ToArray());
        for (var i = 0; i < test.Count; i++)
        {
            var best = Enumerable.Range(0, classes).MinBy(c =>
            {
                var d = 0.0;
                for (var p = 0; p < pixels; p++)
                    d += Math.Pow(testBatch[i * pixels + p] - means[c, p], 2);
                return d;
            });
            correct += best == test.Label(i) ? 1 : 0;
        }

        Assert.True(correct >= 0.95 * test.Count, $"nearest-mean accuracy {correct}/{test.Count}");
    }
}
