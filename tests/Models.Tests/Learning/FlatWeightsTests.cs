using FgsActors.Models.Learning;
using FgsActors.Models.Torch;
using TorchSharp;
using Xunit;

namespace FgsActors.Models.Tests.Learning;

public sealed class FlatWeightsTests
{
    [Fact]
    public void Set_then_get_round_trips_in_named_parameters_order()
    {
        TorchNative.EnsureLoaded();
        var spec = NetworkCatalog.Get(NetworkKind.LeNet5);
        var weights = Enumerable.Range(0, spec.ParameterCount).Select(i => i * 1e-4f - 1f).ToArray();
        using var scope = torch.NewDisposeScope();
        using var module = spec.Build();

        FlatWeights.Set(module, weights);

        Assert.Equal(weights, FlatWeights.Get(module));
        // The first conv2 weight sits right after conv1's 150 weights and 6 biases.
        var conv2 = module.named_parameters().Single(p => p.name == "conv2.weight").parameter;
        Assert.Equal(weights[156], conv2.flatten()[0].item<float>());
        Assert.Equal([16L, 6, 5, 5], conv2.shape);
    }

    [Fact]
    public void Wrong_lengths_are_rejected()
    {
        TorchNative.EnsureLoaded();
        using var scope = torch.NewDisposeScope();
        using var module = NetworkCatalog.Get(NetworkKind.Mlp).Build();

        Assert.Throws<ArgumentException>(() => FlatWeights.Set(module, new float[10]));
        Assert.Throws<ArgumentException>(() => FlatWeights.CopyTo(module, new float[199_211]));
    }

    [Fact]
    public void Initial_weights_are_reproducible_and_follow_pytorch_default_bounds()
    {
        var spec = NetworkCatalog.Get(NetworkKind.LeNet5);

        var a = spec.InitialWeights(7);
        var b = spec.InitialWeights(7);
        var c = spec.InitialWeights(8);

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        // conv1: fan-in 25, bound 0.2; fc3: fan-in 84, bound ≈ 0.109.
        var layout = spec.ParameterLayout().ToDictionary(s => s.Name);
        Assert.All(a.AsSpan(layout["conv1.weight"].Offset, layout["conv1.weight"].Length).ToArray(), w => Assert.InRange(w, -0.2f, 0.2f));
        var fc3 = a.AsSpan(layout["fc3.weight"].Offset, layout["fc3.weight"].Length).ToArray();
        Assert.All(fc3, w => Assert.InRange(w, -0.1092f, 0.1092f));
        Assert.True(fc3.Max() > 0.09f && fc3.Min() < -0.09f, "draws should span the bound");
    }
}
