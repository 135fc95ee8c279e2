using FgsActors.Models.Generative;
using FgsActors.Models.Torch;
using TorchSharp;
using TorchSharp.Modules;
using Xunit;

namespace FgsActors.Models.Tests.Generative;

public sealed class AdamOptimizerTests
{
    public AdamOptimizerTests()
    {
        TorchNative.EnsureLoaded();
        torch.set_num_threads(1);
    }

    [Fact]
    public void Two_steps_on_half_the_squared_norm_match_the_hand_computed_update()
    {
        // L = ½‖w‖², so g = w. η = 0.1, β1 = 0.9, β2 = 0.999, ε = 1e-8, w0 = (1, −2).
        // Step 1: m̂ = g, v̂ = g², w1 = w0 − η·sign(w0) = (0.9, −1.9).
        // Step 2 for w = 0.9: m2 = 0.9·0.1 + 0.1·0.9 = 0.18, m̂ = 0.18 / 0.19 = 0.947368…;
        //   v2 = 0.999·0.001 + 0.001·0.81 = 0.001809, v̂ = 0.001809 / 0.001999 = 0.904952…;
        //   w2 = 0.9 − 0.1·0.947368 / 0.951290 = 0.8004122.
        // Step 2 for w = −1.9: m2 = −0.37, m̂ = −1.947368…; v2 = 0.007606, v̂ = 3.804902…; w2 = −1.8001665.
        using var scope = torch.NewDisposeScope();
        var w = new Parameter(torch.tensor(new[] { 1f, -2f }));
        using var adam = new AdamOptimizer([w], learningRate: 0.1, beta1: 0.9, beta2: 0.999);
        var after = new float[2][];
        for (var step = 0; step < 2; step++)
        {
            adam.ZeroGrad();
            w.mul(w).sum().div(torch.tensor(2f)).backward();
            adam.Step();
            after[step] = w.data<float>().ToArray();
        }

        Assert.Equal(0.9f, after[0][0], 6);
        Assert.Equal(-1.9f, after[0][1], 6);
        Assert.Equal(0.8004122297, after[1][0], 6);
        Assert.Equal(-1.8001664866, after[1][1], 6);
        Assert.Equal(2, adam.Steps);
    }

    [Fact]
    public void A_constant_gradient_moves_every_weight_by_the_learning_rate_per_step()
    {
        // Closed form: with g constant, m_t = (1 − β1^t)·g and v_t = (1 − β2^t)·g², so the bias-corrected
        // m̂ = g and √v̂ = |g|: each step moves w by −η·g / (|g| + ε) ≈ −η·sign(g), whatever |g|.
        using var scope = torch.NewDisposeScope();
        var a = torch.tensor(new[] { 0.5f, -3f, 2e-3f, 40f });
        var w = new Parameter(torch.tensor(new[] { 0.25f, 1f, -1f, 0f }));
        const double rate = 0.01;
        const int steps = 5;
        using var adam = new AdamOptimizer([w], rate, beta1: 0.5, beta2: 0.999);
        for (var step = 0; step < steps; step++)
        {
            adam.ZeroGrad();
            w.mul(a).sum().backward();
            adam.Step();
        }

        var result = w.data<float>().ToArray();
        float[] g = [0.5f, -3f, 2e-3f, 40f];
        float[] start = [0.25f, 1f, -1f, 0f];
        for (var i = 0; i < result.Length; i++)
            Assert.Equal(start[i] - steps * rate * g[i] / (Math.Abs(g[i]) + 1e-8), result[i], 5);
    }

    [Fact]
    public void Parameters_without_a_gradient_are_left_alone()
    {
        using var scope = torch.NewDisposeScope();
        var used = new Parameter(torch.tensor(new[] { 1f }));
        var unused = new Parameter(torch.tensor(new[] { 3f }));
        using var adam = new AdamOptimizer([used, unused], learningRate: 0.5);
        adam.ZeroGrad();
        used.mul(used).sum().backward();
        adam.Step();
        Assert.Equal(0.5f, used.data<float>()[0], 6);
        Assert.Equal(3f, unused.data<float>()[0]);
    }

    [Fact]
    public void Bad_settings_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdamOptimizer([], learningRate: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdamOptimizer([], 0.1, beta1: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdamOptimizer([], 0.1, beta2: -0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdamOptimizer([], 0.1, epsilon: 0));
    }
}
