using FgsActors.Models.Generative.Diffusion;
using FgsActors.Models.Learning;
using FgsActors.Models.Torch;
using TorchSharp;
using Xunit;

namespace FgsActors.Models.Tests.Generative.Diffusion;

public sealed class DiffusionUNetTests
{
    [Theory]
    [InlineData(1, 28, 28)]
    [InlineData(3, 8, 12)]
    public void The_predicted_noise_has_the_shape_of_the_input(int channels, int height, int width)
    {
        TorchNative.EnsureLoaded();
        var shape = new UNetShape(new FeatureShape(channels, height, width), baseChannels: 8, classes: 4);
        using var scope = torch.NewDisposeScope();
        using var net = new DiffusionUNet(shape);
        using var noGrad = torch.no_grad();

        var output = net.forward(
            torch.zeros(3, channels, height, width),
            torch.tensor(SinusoidalTimeEmbedding.Compute([0, 5, 9], shape.TimeFeatures), [3, shape.TimeFeatures]),
            torch.tensor(new long[] { 0, 3, 1 }));

        Assert.Equal([3L, channels, height, width], output.shape);
    }

    [Fact]
    public void The_parameter_count_adds_up_layer_by_layer()
    {
        TorchNative.EnsureLoaded();
        // C = 8 on 1×4×4, 10 classes: d = 8, E = 32. A residual block (in → out) holds 2·in (norm1) + 9·in·out + out
        // (conv1) + 32·out + out (shift) + 2·out (norm2) + 9·out·out + out (conv2) [+ in·out + out (skip)].
        const int expected =
            (8 * 32 + 32) + (32 * 32 + 32) + 10 * 32 // time MLP and label table: 1664
            + (9 * 8 + 8)                           // in_conv 1 → 8: 80
            + 1464                                  // down1 8 → 8
            + (9 * 8 * 8 + 8)                       // pool1: 584
            + 4208                                  // down2 8 → 16 (with skip)
            + (9 * 16 * 16 + 16)                    // pool2: 2320
            + 5232                                  // middle 16 → 16
            + (16 * 16 * 4 + 16)                    // up2, 2×2 transposed: 1040
            + 8096                                  // up2_block 32 → 16
            + (16 * 8 * 4 + 8)                      // up1: 520
            + 2192                                  // up1_block 16 → 8
            + 16                                    // out_norm
            + (9 * 8 + 1);                          // out_conv 8 → 1: 73
        var shape = new UNetShape(new FeatureShape(1, 4, 4), baseChannels: 8, classes: 10);
        using var scope = torch.NewDisposeScope();
        using var net = new DiffusionUNet(shape);

        Assert.Equal(27_489, expected);
        Assert.Equal(expected, FlatWeights.Count(net));
    }

    [Fact]
    public void The_forward_cost_adds_up_layer_by_layer()
    {
        // Same tiny U-Net: pixels 16 / 4 / 1 at the three levels. Multiply-adds:
        //   time MLP 8·32 + 32·32 = 1280; in_conv 9·1·8·16 = 1152
        //   down1: 2·9·8·8·16 + 32·8 = 18688; pool1 9·8·8·4 = 2304
        //   down2: 9·8·16·4 + 9·16·16·4 + 32·16 + 8·16·4 = 14848; pool2 9·16·16 = 2304
        //   middle: 2·9·16·16 + 32·16 = 5120; up2 4·16·16·1 = 1024
        //   up2_block: 9·32·16·4 + 9·16·16·4 + 32·16 + 32·16·4 = 30208; up1 4·16·8·4 = 2048
        //   up1_block: 9·16·8·16 + 9·8·8·16 + 32·8 + 16·8·16 = 29952; out_conv 9·8·16 = 1152
        // Activations (floats): conditioning 6·32 = 192; in_conv 128; down1 1032; pool1 32; down2 528; pool2 16;
        //   middle 144; up2 64; concat 128; up2_block 720; up1 128; concat 256; up1_block 1416; out_norm+SiLU 256; out 16.
        var cost = DiffusionUNet.Cost(new UNetShape(new FeatureShape(1, 4, 4), baseChannels: 8, classes: 10));

        Assert.Equal(110_080, cost.MultiplyAdds);
        Assert.Equal(220_160, cost.ForwardFlops);
        Assert.Equal(5_056, cost.ActivationFloats);
    }

    [Fact]
    public void Widths_that_GroupNorm_cannot_split_and_sizes_that_do_not_halve_twice_are_rejected()
    {
        var image = new FeatureShape(1, 28, 28);
        Assert.Throws<ArgumentOutOfRangeException>(() => new UNetShape(image, baseChannels: 12, classes: 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new UNetShape(image, baseChannels: 0, classes: 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new UNetShape(image, baseChannels: 8, classes: 0));
        Assert.Throws<ArgumentException>(() => new UNetShape(new FeatureShape(1, 30, 28), baseChannels: 8, classes: 10));
    }
}
