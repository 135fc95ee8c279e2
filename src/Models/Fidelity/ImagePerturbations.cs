using FgsActors.Models.Generative;
using FgsActors.Models.Randomness;

namespace FgsActors.Models.Fidelity;

/// <summary>
/// Controlled distribution shifts of real images, for checking that FID and IS move the right way (the sanity
/// experiments of Heusel et al. 2017, Fig. 2: Gaussian noise, blur, and so on): a blurred or noised copy of real
/// data should score worse than the data itself, and pure noise far worse. Images are grey, N × H × W floats,
/// row-major; every result is a new array and the same arguments give the same result.
/// </summary>
public static class ImagePerturbations
{
    /// <summary>
    /// Gaussian blur with standard deviation <paramref name="sigma"/> pixels (&gt; 0): a separable kernel of radius
    /// ⌈3σ⌉ normalised to sum 1, applied along rows then columns, borders extended by repeating the edge pixel (so a
    /// constant image stays constant).
    /// </summary>
    public static float[] GaussianBlur(float[] images, int height, int width, double sigma)
    {
        CheckImages(images, height, width);
        if (!(sigma > 0) || !double.IsFinite(sigma)) throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "the blur's σ must be finite and > 0");
        var radius = (int)Math.Ceiling(3 * sigma);
        var kernel = new double[2 * radius + 1];
        for (var t = -radius; t <= radius; t++) kernel[t + radius] = Math.Exp(-t * t / (2 * sigma * sigma));
        var sum = kernel.Sum();
        for (var t = 0; t < kernel.Length; t++) kernel[t] /= sum;

        var size = height * width;
        var result = new float[images.Length];
        var rows = new double[size];
        for (var start = 0; start < images.Length; start += size)
        {
            var image = images.AsSpan(start, size);
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    var acc = 0.0;
                    for (var t = -radius; t <= radius; t++) acc += kernel[t + radius] * image[y * width + Math.Clamp(x + t, 0, width - 1)];
                    rows[y * width + x] = acc;
                }
            }
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    var acc = 0.0;
                    for (var t = -radius; t <= radius; t++) acc += kernel[t + radius] * rows[Math.Clamp(y + t, 0, height - 1) * width + x];
                    result[start + y * width + x] = (float)acc;
                }
            }
        }
        return result;
    }

    /// <summary>
    /// Adds independent N(0, σ²) noise to every pixel (σ ≥ 0) and clips to [0, 1]; normal draws by Box–Muller from a
    /// xoshiro256** stream seeded with <paramref name="seed"/>.
    /// </summary>
    public static float[] AddGaussianNoise(float[] images, double sigma, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (!(sigma >= 0) || !double.IsFinite(sigma)) throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "the noise's σ must be finite and ≥ 0");
        var result = NormalDraws.Draw(new Xoshiro256StarStar(seed), images.Length);
        for (var i = 0; i < result.Length; i++)
            result[i] = Clip(images[i] + sigma * result[i]);
        return result;
    }

    /// <summary><paramref name="count"/> images of i.i.d. U[0, 1) pixels from a xoshiro256** stream seeded with <paramref name="seed"/>.</summary>
    public static float[] UniformNoise(int count, int height, int width, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        var random = new Xoshiro256StarStar(seed);
        var result = new float[checked(count * height * width)];
        for (var i = 0; i < result.Length; i++) result[i] = (float)random.NextDouble();
        return result;
    }

    private static float Clip(double value) => (float)Math.Clamp(value, 0.0, 1.0);

    private static void CheckImages(float[] images, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        if (images.Length % (height * width) != 0)
            throw new ArgumentException($"{images.Length} pixels are not a whole number of {height}×{width} images", nameof(images));
    }
}
