using FgsActors.Models.Learning;
using FgsActors.Models.Torch;
using TorchSharp;
using Xunit;

namespace FgsActors.Models.Tests.Learning;

public sealed class ProximalTermTests
{
    [Fact]
    public void Value_and_gradient_match_the_hand_case()
    {
        // w = [[1, 2], [3, 4]], b = [0.5, −0.5]; w_g = [[0, 2], [1, 5]], b_g = [0, 0]; μ = 0.1.
        // w − w_g = [[1, 0], [2, −1]], b − b_g = [0.5, −0.5]; ‖·‖² = 1 + 0 + 4 + 1 + 0.25 + 0.25 = 6.5.
        // value = μ/2 · 6.5 = 0.325; gradient = μ·(w − w_g) = [[0.1, 0], [0.2, −0.1]] and [0.05, −0.05].
        TorchNative.EnsureLoaded();
        using var scope = torch.NewDisposeScope();
        var w = torch.tensor(new float[] { 1, 2, 3, 4 }, [2, 2], requires_grad: true);
        var b = torch.tensor(new float[] { 0.5f, -0.5f }, [2], requires_grad: true);
        var wg = torch.tensor(new float[] { 0, 2, 1, 5 }, [2, 2]);
        var bg = torch.zeros(2);

        var term = ProximalTerm.Loss([w, b], [wg, bg], mu: 0.1);
        term.backward();

        Assert.Equal(0.325f, term.item<float>(), 1e-6f);
        AssertClose([0.1f, 0f, 0.2f, -0.1f], w.grad!.data<float>().ToArray());
        AssertClose([0.05f, -0.05f], b.grad!.data<float>().ToArray());
    }

    [Fact]
    public void AddGradient_adds_mu_times_the_distance_to_the_global_weights()
    {
        TorchNative.EnsureLoaded();
        using var scope = torch.NewDisposeScope();
        var w = torch.tensor(new float[] { 1, 2, 3, 4 }, [2, 2], requires_grad: true);
        var wg = torch.tensor(new float[] { 0, 2, 1, 5 }, [2, 2]);
        w.sum().backward(); // gradient of the data loss: all ones

        ProximalTerm.AddGradient([w], [wg], mu: 0.1);

        AssertClose([1.1f, 1f, 1.2f, 0.9f], w.grad!.data<float>().ToArray());
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], actual[i], 1e-6f);
    }
}
