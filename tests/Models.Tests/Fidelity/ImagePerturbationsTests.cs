using FgsActors.Models.Fidelity;
using Xunit;

namespace FgsActors.Models.Tests.Fidelity;

public sealed class ImagePerturbationsTests
{
    [Fact]
    public void Blur_keeps_a_constant_image_constant()
    {
        var images = Enumerable.Repeat(0.3f, 2 * 5 * 6).ToArray();

        Assert.All(ImagePerturbations.GaussianBlur(images, 5, 6, 1.5), v => Assert.Equal(0.3f, v, 6));
    }

    [Fact]
    public void Blur_spreads_an_impulse_into_the_product_of_two_normalised_kernels()
    {
        // σ = 1, radius 3: k(t) = exp(−t²/2) / Σ_{|s|≤3} exp(−s²/2), Σ = 2.5059498..., so the centre keeps k(0)² and
        // the pixel one step right gets k(0)·k(1).
        var images = new float[9 * 9];
        images[4 * 9 + 4] = 1;
        var norm = Enumerable.Range(-3, 7).Sum(t => Math.Exp(-t * t / 2.0));

        var blurred = ImagePerturbations.GaussianBlur(images, 9, 9, 1.0);

        Assert.Equal(1 / (norm * norm), blurred[4 * 9 + 4], 6);
        Assert.Equal(Math.Exp(-0.5) / (norm * norm), blurred[4 * 9 + 5], 6);
        Assert.Equal(blurred[4 * 9 + 5], blurred[5 * 9 + 4], 7);
        Assert.Equal(1.0, blurred.Sum(v => (double)v), 5);
    }

    [Fact]
    public void Noise_is_seeded_clipped_and_of_the_requested_spread()
    {
        var images = Enumerable.Repeat(0.5f, 20_000).ToArray();

        var a = ImagePerturbations.AddGaussianNoise(images, 0.1, seed: 4);
        var b = ImagePerturbations.AddGaussianNoise(images, 0.1, seed: 4);
        var c = ImagePerturbations.AddGaussianNoise(images, 0.1, seed: 5);
        var heavy = ImagePerturbations.AddGaussianNoise(images, 2.0, seed: 4);

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        var mean = a.Average(v => (double)v);
        var sd = Math.Sqrt(a.Sum(v => (v - mean) * (v - mean)) / (a.Length - 1));
        Assert.Equal(0.5, mean, 2);
        Assert.InRange(sd, 0.095, 0.105);
        Assert.All(heavy, v => Assert.InRange(v, 0f, 1f));
        Assert.Contains(heavy, v => v == 0f);
        Assert.Equal(images, ImagePerturbations.AddGaussianNoise(images, 0, seed: 4));
    }

    [Fact]
    public void Uniform_noise_fills_zero_to_one()
    {
        var noise = ImagePerturbations.UniformNoise(10, 28, 28, seed: 1);

        Assert.Equal(7840, noise.Length);
        Assert.All(noise, v => Assert.InRange(v, 0f, 1f));
        Assert.Equal(0.5, noise.Average(v => (double)v), 1);
        Assert.Equal(noise, ImagePerturbations.UniformNoise(10, 28, 28, seed: 1));
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => ImagePerturbations.GaussianBlur(new float[10], 3, 3, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImagePerturbations.GaussianBlur(new float[9], 3, 3, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImagePerturbations.AddGaussianNoise(new float[9], double.NaN, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImagePerturbations.UniformNoise(-1, 3, 3, 1));
    }
}
