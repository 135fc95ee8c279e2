using MathNet.Numerics.Distributions;

namespace FgsActors.Models.Data;

/// <summary>
/// A small image classification task for fast tests: each class has a fixed template — a bar through the centre at
/// angle π·c/C plus a blob on a ring at angle 2π·c/C — and each image is its class's template shifted by up to 2
/// pixels each way, scaled in contrast (0.7–1) and overlaid with Gaussian noise (σ = 0.1). The templates do not
/// depend on the seed, so sets generated with different seeds (train, test) are samples of the same task; an MLP or
/// LeNet learns it in a few epochs.
/// </summary>
public static class SyntheticImages
{
    private const int MaxShift = 2;
    private const double NoiseSigma = 0.1;
    private const double MinContrast = 0.7;

    /// <summary>
    /// <paramref name="count"/> images of <paramref name="size"/>×<paramref name="size"/> pixels, classes balanced
    /// (counts differ by at most one) in a random order; identical for equal arguments.
    /// </summary>
    public static ImageDataset Generate(int count, int seed, int classes = 10, int size = 28)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(classes, 256);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 8);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, 1024);

        var templates = Enumerable.Range(0, classes).Select(c => Template(c, classes, size)).ToArray();
        var random = Seeded.Generator(seed);
        var labels = new byte[count];
        for (var i = 0; i < count; i++)
            labels[i] = (byte)(i % classes);
        Seeded.Shuffle(random, labels.AsSpan());

        var pixels = new byte[checked(count * size * size)];
        for (var i = 0; i < count; i++)
        {
            var template = templates[labels[i]];
            var dx = random.Next(-MaxShift, MaxShift + 1);
            var dy = random.Next(-MaxShift, MaxShift + 1);
            var contrast = MinContrast + (1 - MinContrast) * random.NextDouble();
            var image = pixels.AsSpan(i * size * size, size * size);
            for (var y = 0; y < size; y++)
            {
                for (var x = 0; x < size; x++)
                {
                    int sx = x - dx, sy = y - dy;
                    var ink = sx >= 0 && sx < size && sy >= 0 && sy < size ? template[sy * size + sx] : 0.0;
                    var value = contrast * ink + Normal.Sample(random, 0.0, NoiseSigma);
                    image[y * size + x] = (byte)Math.Round(255 * Math.Clamp(value, 0.0, 1.0));
                }
            }
        }

        return new ImageDataset(pixels, labels, size, size, classes);
    }

    /// <summary>Class <paramref name="c"/>'s noise-free template, intensities in [0, 1], row-major.</summary>
    internal static double[] Template(int c, int classes, int size)
    {
        var centre = (size - 1) / 2.0;
        var width = size / 28.0 * 1.5;      // bar: Gaussian cross-section, σ = 1.5 px at 28×28
        var blobSigma = size / 28.0 * 2.5;
        var radius = 0.3 * size;
        var barAngle = Math.PI * c / classes;
        var blobAngle = 2 * Math.PI * c / classes;
        var (bx, by) = (centre + radius * Math.Cos(blobAngle), centre + radius * Math.Sin(blobAngle));
        var (ux, uy) = (Math.Cos(barAngle), Math.Sin(barAngle));
        var template = new double[size * size];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                double rx = x - centre, ry = y - centre;
                var along = rx * ux + ry * uy;
                var across = -rx * uy + ry * ux;
                // The bar ends 0.1·size short of the edges so shifted copies stay inside the image.
                var bar = Math.Exp(-across * across / (2 * width * width)) * (Math.Abs(along) <= 0.4 * size ? 1.0 : 0.0);
                var blobDistance2 = (x - bx) * (x - bx) + (y - by) * (y - by);
                var blob = Math.Exp(-blobDistance2 / (2 * blobSigma * blobSigma));
                template[y * size + x] = Math.Max(bar, blob);
            }
        }

        return template;
    }
}
