using FgsActors.Models.Generative.Diffusion;
using Xunit;
using static FgsActors.Models.Tests.Generative.Diffusion.TinyDdpm;

namespace FgsActors.Models.Tests.Generative.Diffusion;

public sealed class ConditionalDdpmSamplingTests
{
    private static readonly float[] Weights = TrainedWeights();

    /// <summary>Non-zero output convolutions, so that samples depend on the labels and the network.</summary>
    private static float[] TrainedWeights()
    {
        var initial = Model.InitialWeights(6);
        var delta = Model.Train(Job(initial, Range(0, 32), Settings(steps: 3), seed: 6)).Delta;
        return initial.Zip(delta, (w, d) => w + d).ToArray();
    }

    [Fact]
    public void The_same_call_gives_identical_images_and_another_seed_other_ones()
    {
        int[] labels = [0, 3, 3, 9];

        var first = Model.Sample(Weights, labels, seed: 5);
        var second = Model.Sample(Weights, labels, seed: 5);
        var other = Model.Sample(Weights, labels, seed: 6);

        Assert.Equal(Bits(first), Bits(second));
        Assert.NotEqual(Bits(first), Bits(other));
    }

    [Fact]
    public void Images_are_one_per_label_with_pixels_in_the_unit_interval()
    {
        var images = Model.Sample(Weights, [1, 2, 7], seed: 1);

        Assert.Equal(3 * 28 * 28, images.Length);
        Assert.All(images, p => Assert.InRange(p, 0f, 1f));
        Assert.Contains(images, p => p > 0f && p < 1f);
    }

    [Fact]
    public void The_label_conditions_the_image()
    {
        // Same starting noise (same seed, one image each), different class: different trajectories.
        var zero = Model.Sample(Weights, [0], seed: 2);
        var five = Model.Sample(Weights, [5], seed: 2);

        Assert.NotEqual(Bits(zero), Bits(five));
    }

    [Fact]
    public void Batching_does_not_change_the_starting_noise_of_an_image()
    {
        // x_T is drawn image after image, so the first image of a longer call starts from the same noise; with
        // SamplingBatch = 1 every image is denoised alone, which must reproduce a call for that image alone.
        var oneByOne = new ConditionalDdpm(Options with { SamplingBatch = 1 });
        int[] labels = [4, 8];

        var both = oneByOne.Sample(Weights, labels, seed: 3);
        var first = oneByOne.Sample(Weights, [4], seed: 3);

        Assert.Equal(Bits(first), Bits(both[..(28 * 28)]));
    }

    [Fact]
    public void No_labels_give_no_images() =>
        Assert.Empty(Model.Sample(Weights, [], seed: 1));
}
