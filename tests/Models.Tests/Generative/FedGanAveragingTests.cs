using FgsActors.Models.Generative.Gan;
using FgsActors.Models.Learning;
using Xunit;
using static FgsActors.Models.Tests.Generative.GenerativeTestData;

namespace FgsActors.Models.Tests.Generative;

/// <summary>FedGAN (Rasouli et al., arXiv 2006.07228) averages generator and discriminator alike: FedAvg on the flat vector.</summary>
public sealed class FedGanAveragingTests
{
    [Fact]
    public void FedAvg_weights_both_networks_by_the_clients_sample_counts()
    {
        var gan = new ConditionalGan(latentSize: 8, generatorWidth: 4, discriminatorWidth: 4);
        var global = gan.InitialWeights(1);
        var one = gan.Train(Job(gan, global, [5], seed: 1, steps: 2, batch: 4));
        var three = gan.Train(Job(gan, global, [10, 11, 12], seed: 2, steps: 2, batch: 4));
        Assert.Equal(1, one.Samples);
        Assert.Equal(3, three.Samples);

        var next = new FedAvg().Apply(global, [new ClientUpdate(0, one.Delta, one.Samples), new ClientUpdate(1, three.Delta, three.Samples)]);

        // The generator's project.weight[0, 0] (a latent input) and the discriminator's downsample.weight[0, 0, 1, 1]
        // (on the image channel): both get gradients from every sample.
        foreach (var i in new[] { 0, gan.GeneratorParameterCount + 5 })
        {
            Assert.NotEqual(0f, one.Delta[i]);
            Assert.NotEqual(one.Delta[i], three.Delta[i]);
            var expected = (float)(global[i] + (1.0 * one.Delta[i] + 3.0 * three.Delta[i]) / 4);
            Assert.Equal(expected, next[i]);
        }
    }
}
