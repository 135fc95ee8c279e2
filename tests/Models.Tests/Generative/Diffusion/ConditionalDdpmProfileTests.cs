using FgsActors.Models.Generative;
using FgsActors.Models.Generative.Diffusion;
using FgsActors.Models.Learning;
using Xunit;
using static FgsActors.Models.Tests.Generative.Diffusion.TinyDdpm;

namespace FgsActors.Models.Tests.Generative.Diffusion;

public sealed class ConditionalDdpmProfileTests
{
    [Fact]
    public void The_profile_of_a_tiny_model_matches_the_layer_by_layer_counts()
    {
        // The 1×4×4, C = 8 U-Net of DiffusionUNetTests: 27,489 parameters, 110,080 multiply-adds, 5,056 activation floats.
        var model = new ConditionalDdpm(new ConditionalDdpmOptions
        {
            Image = new FeatureShape(1, 4, 4),
            BaseChannels = 8,
            DiffusionSteps = 100,
            SamplingSteps = 25,
        });

        Assert.Equal(new GenerativeProfile(
            Parameters: 27_489,
            TrainingFlopsPerSample: 3 * 220_160,
            ActivationBytesPerSample: 4 * 5_056,
            OptimizerStateCopies: 2,
            SamplingFlopsPerSample: 25 * 220_160), model.Profile);
        Assert.Equal(27_489, model.ParameterCount);
    }

    [Fact]
    public void The_default_model_is_the_Fashion_MNIST_one()
    {
        var model = new ConditionalDdpm();

        Assert.Equal(GenerativeKind.Ddpm, model.Kind);
        Assert.Equal("ddpm-unet32", model.Name);
        Assert.Equal(new FeatureShape(1, 28, 28), model.Image);
        Assert.Equal(10, model.Classes);
        Assert.Equal(400, model.Schedule.Steps);
        Assert.Equal(40, model.SamplingTimeSteps.Count);
        Assert.Equal(399, model.SamplingTimeSteps[^1]);
        Assert.Equal(model.ParameterCount, model.Profile.Parameters);
        Assert.Equal(model.ParameterCount, model.InitialWeights(1).Length);
        Assert.Equal(40 * model.Profile.TrainingFlopsPerSample / 3, model.Profile.SamplingFlopsPerSample, 6);
    }

    [Fact]
    public void Initial_weights_are_reproducible_and_follow_their_rules()
    {
        var first = Model.InitialWeights(7);
        var again = Model.InitialWeights(7);
        var other = Model.InitialWeights(8);
        var layout = LayoutOf(Model);

        Assert.Equal(Bits(first), Bits(again));
        Assert.NotEqual(Bits(first), Bits(other));
        Assert.Equal(Model.ParameterCount, first.Length);
        // Zero-initialised: each block's second convolution and the output convolution (Ho et al.).
        Assert.All(Slice(first, layout["down1.conv2.weight"]), w => Assert.Equal(0f, w));
        Assert.All(Slice(first, layout["out_conv.bias"]), w => Assert.Equal(0f, w));
        // GroupNorm: scale 1, shift 0.
        Assert.All(Slice(first, layout["up1_block.norm1.weight"]), w => Assert.Equal(1f, w));
        Assert.All(Slice(first, layout["up1_block.norm1.bias"]), w => Assert.Equal(0f, w));
        // Uniform(±1/√fan_in): in_conv has fan_in 1·3·3, so ±1/3, and a spread that fills it.
        var inConv = Slice(first, layout["in_conv.weight"]);
        Assert.All(inConv, w => Assert.InRange(w, -1f / 3, 1f / 3));
        Assert.True(inConv.Max() - inConv.Min() > 0.5f);
        // up2 (transposed, weight 16 × 16 × 2 × 2): PyTorch's fan_in is size(1)·k² = 64, so ±1/8.
        Assert.All(Slice(first, layout["up2.weight"]), w => Assert.InRange(w, -0.125f, 0.125f));
        // The label table is N(0, 1): 10 × 32 values with a spread well beyond any uniform bound above.
        var labels = Slice(first, layout["conditioning.label.weight"]);
        Assert.Equal(320, labels.Length);
        Assert.Contains(labels, w => Math.Abs(w) > 1.5f);
    }

    private static Dictionary<string, (int Offset, int Length)> LayoutOf(ConditionalDdpm model)
    {
        FgsActors.Models.Torch.TorchNative.EnsureLoaded();
        using var net = new DiffusionUNet(model.Shape);
        return FlatWeights.Layout(net).ToDictionary(s => s.Name, s => (s.Offset, s.Length));
    }

    private static float[] Slice(float[] weights, (int Offset, int Length) slice) =>
        weights.AsSpan(slice.Offset, slice.Length).ToArray();
}
