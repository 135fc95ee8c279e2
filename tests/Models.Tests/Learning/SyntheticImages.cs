using FgsActors.Models.Learning;

namespace FgsActors.Models.Tests.Learning;

/// <summary>
/// A tiny 1×28×28 data set with two easily separated classes: class 0 is a horizontal bar, class 1 a vertical bar,
/// each at a random position with uniform noise. Labels alternate 0, 1, 0, 1, …
/// </summary>
internal static class SyntheticImages
{
    public const int Side = 28;

    public static ArrayBatchSource TwoBars(int count, int seed)
    {
        var random = new Random(seed);
        var pixels = new float[count * Side * Side];
        var labels = new long[count];
        for (var s = 0; s < count; s++)
        {
            var label = s % 2;
            labels[s] = label;
            var image = pixels.AsSpan(s * Side * Side, Side * Side);
            for (var i = 0; i < image.Length; i++)
                image[i] = (float)(random.NextDouble() * 0.6 - 0.3);
            var at = random.Next(4, Side - 8);
            for (var a = 0; a < Side; a++)
            {
                for (var b = at; b < at + 4; b++)
                {
                    var (row, col) = label == 0 ? (b, a) : (a, b);
                    image[row * Side + col] += 1.5f;
                }
            }
        }
        return new ArrayBatchSource(pixels, labels, NetworkCatalog.Mnist);
    }
}
