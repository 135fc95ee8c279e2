using FgsActors.Models.Hardware;
using FgsActors.Models.Learning;
using FgsActors.Models.Torch;
using TorchSharp;
using Xunit;

namespace FgsActors.Models.Tests.Learning;

public sealed class NetworkProfileTests
{
    // LeNet-5 on 1×28×28, by hand:
    //   conv1 1→6 k5: 28−5+1 = 24 → 6×24×24; pool → 6×12×12; conv2 6→16 k5: 12−5+1 = 8 → 16×8×8; pool → 16×4×4 = 256.
    //   parameters: conv1 25·1·6 + 6 = 156; conv2 25·6·16 + 16 = 2,416; fc1 256·120 + 120 = 30,840;
    //               fc2 120·84 + 84 = 10,164; fc3 84·10 + 10 = 850; total 44,426.
    //   forward FLOPs: conv1 2·25·1·6·24·24 = 172,800; conv2 2·25·6·16·8·8 = 307,200; fc1 2·256·120 = 61,440;
    //                  fc2 2·120·84 = 20,160; fc3 2·84·10 = 1,680; total 563,280 (training 3× = 1,689,840).
    //   activations: 3,456 + 3,456 (relu) + 864 + 1,024 + 1,024 + 256 + 0 (flatten) + 120 + 120 + 84 + 84 + 10
    //                = 10,498 floats = 41,992 B.
    [Fact]
    public void LeNet5_counts_match_the_hand_computation()
    {
        var profile = NetworkCatalog.Get(NetworkKind.LeNet5).Profile;

        Assert.Equal(new FeatureShape(16, 4, 4), profile.Layers.Single(l => l.Name == "pool2").Output);
        Assert.Equal(FeatureShape.Flat(256), profile.Layers.Single(l => l.Name == "flatten").Output);
        Assert.Equal(44_426, profile.ParameterCount);
        Assert.Equal(177_704, profile.ParameterBytes);
        Assert.Equal(
            [156L, 0, 0, 2_416, 0, 0, 0, 30_840, 0, 10_164, 0, 850],
            profile.Layers.Select(l => l.Parameters));
        Assert.Equal(563_280, profile.ForwardFlopsPerSample);
        Assert.Equal(
            [172_800L, 0, 0, 307_200, 0, 0, 0, 61_440, 0, 20_160, 0, 1_680],
            profile.Layers.Select(l => l.ForwardFlops));
        Assert.Equal(1_689_840.0, profile.TrainingFlopsPerSample);
        Assert.Equal(10_498, profile.ActivationFloatsPerSample);
        Assert.Equal(41_992, profile.ActivationBytesPerSample);
        Assert.Equal(FeatureShape.Flat(10), profile.Output);
    }

    // MLP 784→200→200→10: parameters 157,000 + 40,200 + 2,010 = 199,210;
    // FLOPs 2·(156,800 + 40,000 + 2,000) = 397,600; activations 200 + 200 + 200 + 200 + 10 = 810 floats = 3,240 B.
    [Fact]
    public void Mlp_counts_match_the_hand_computation()
    {
        var profile = NetworkCatalog.Get(NetworkKind.Mlp).Profile;

        Assert.Equal(199_210, profile.ParameterCount);
        Assert.Equal(397_600, profile.ForwardFlopsPerSample);
        Assert.Equal(1_192_800.0, profile.TrainingFlopsPerSample);
        Assert.Equal(3_240, profile.ActivationBytesPerSample);
    }

    [Fact]
    public void Mlp_hidden_width_is_configurable()
    {
        var mlp = NetworkCatalog.Mlp(NetworkCatalog.Mnist, hidden: 64);
        // 784·64 + 64 + 64·64 + 64 + 64·10 + 10 = 50,240 + 4,160 + 650
        Assert.Equal(55_050, mlp.ParameterCount);
        Assert.Equal("mlp-64", mlp.Name);
    }

    [Fact]
    public void LeNet5_fc1_follows_the_input_shape()
    {
        // 3×32×32 (CIFAR): 28 → 14 → 10 → 5, so fc1 takes 16·5·5 = 400 (NIID-Bench's SimpleCNN).
        var cifar = NetworkCatalog.LeNet5(new FeatureShape(3, 32, 32));
        var fc1 = Assert.IsType<LinearLayer>(cifar.Layers.Single(l => l.Name == "fc1").Layer);
        Assert.Equal(400, fc1.InFeatures);
        Assert.Equal(456 + 2_416 + 48_120 + 10_164 + 850, cifar.ParameterCount);
    }

    [Fact]
    public void Shapes_that_do_not_chain_are_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new NetworkSpec(NetworkKind.Mlp, "bad", NetworkCatalog.Mnist, 10,
            [new("fc1", new LinearLayer(784, 10))]));
        Assert.Contains("flat input", e.Message);
        Assert.Throws<ArgumentException>(() => new NetworkSpec(NetworkKind.Mlp, "bad", NetworkCatalog.Mnist, 10,
            [new("flatten", new FlattenLayer()), new("fc1", new LinearLayer(784, 5))]));
    }

    [Fact]
    public void Profile_feeds_the_hardware_cost_and_memory_models()
    {
        var profile = NetworkCatalog.Get(NetworkKind.LeNet5).Profile;

        Assert.Equal(1_689_840.0, profile.TrainingCost().FlopsPerSample);
        var footprint = profile.Footprint(batchSize: 64);
        // 44,426 · 4 B · (1 + 1 momentum + 1 gradient) + 41,992 B · 64
        Assert.Equal(44_426L * 4 * 3 + 41_992L * 64, footprint.TrainingBytes);
        Assert.Equal(OptimizerState.SgdMomentum, footprint.OptimizerStateCopies);
    }

    [Theory]
    [InlineData(NetworkKind.LeNet5)]
    [InlineData(NetworkKind.Mlp)]
    public void Module_matches_the_spec_and_maps_a_batch_to_B_by_10(NetworkKind kind)
    {
        TorchNative.EnsureLoaded();
        var spec = NetworkCatalog.Get(kind);
        using var scope = torch.NewDisposeScope();
        using var module = spec.Build();

        Assert.Equal(spec.Profile.ParameterCount, module.parameters().Sum(p => p.numel()));
        Assert.Equal(spec.ParameterLayout(), FlatWeights.Layout(module));

        using var noGrad = torch.no_grad();
        var output = module.forward(torch.zeros(5, 1, 28, 28));
        Assert.Equal([5L, 10], output.shape);
    }
}
