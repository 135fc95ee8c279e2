using FgsActors.Models.Randomness;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FgsActors.Models.Generative.Diffusion;

/// <summary>
/// Reproducible initial weights of a <see cref="DiffusionUNet"/>, drawn from one xoshiro256** stream in flat-weight
/// (<c>named_parameters</c>) order instead of torch's global generator:
/// <list type="bullet">
/// <item>convolutions, transposed convolutions and linear layers: weight and bias from U(−1/√fan_in, 1/√fan_in), PyTorch's
/// default (fan_in = size(1) × kernel area of the weight, which for a transposed convolution is C_out·k², as in PyTorch);</item>
/// <item>except the last convolution of each residual block and the output convolution, which start at zero, as in Ho et
/// al.'s reference code (<c>init_scale=0</c>): every block starts as the identity and the first prediction is ε̂ = 0;</item>
/// <item>GroupNorm: scale 1, shift 0 (PyTorch's default);</item>
/// <item>the class embedding table: N(0, 1) (PyTorch's default for <c>nn.Embedding</c>).</item>
/// </list>
/// Values that are not drawn (zeros, ones) consume no random numbers.
/// </summary>
internal static class UNetInitialization
{
    /// <summary>The initial flat weights of <paramref name="module"/> for <paramref name="seed"/>.</summary>
    public static float[] Draw(DiffusionUNet module, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(module);
        var rules = new Dictionary<string, Rule>(StringComparer.Ordinal);
        foreach (var (name, child) in module.named_modules())
        {
            var prefix = name.Length == 0 ? "" : name + ".";
            switch (child)
            {
                case Conv2d or ConvTranspose2d or Linear:
                    var weight = child.named_parameters(recurse: false).Single(p => p.name == "weight").parameter;
                    var rule = IsZeroInitialised(name) ? Rule.Zero : Rule.Uniform(1.0 / Math.Sqrt(FanIn(weight)));
                    foreach (var (parameter, _) in child.named_parameters(recurse: false))
                        rules.Add(prefix + parameter, rule);
                    break;
                case GroupNorm:
                    rules.Add(prefix + "weight", Rule.One);
                    rules.Add(prefix + "bias", Rule.Zero);
                    break;
                case Embedding:
                    rules.Add(prefix + "weight", Rule.StandardNormal);
                    break;
            }
        }

        var random = new Xoshiro256StarStar(seed);
        var weights = new List<float>();
        foreach (var (name, parameter) in module.named_parameters())
        {
            if (!rules.TryGetValue(name, out var rule))
                throw new InvalidOperationException($"no initialisation rule for parameter {name}");
            var values = new float[parameter.numel()];
            rule.Fill(random, values);
            weights.AddRange(values);
        }
        return weights.ToArray();
    }

    private static bool IsZeroInitialised(string moduleName) =>
        moduleName == DiffusionUNet.OutputConvolution ||
        moduleName.EndsWith("." + ResidualBlock.ZeroInitialisedConvolution, StringComparison.Ordinal);

    /// <summary>PyTorch's fan_in: the weight's second dimension times the product of the kernel dimensions.</summary>
    private static long FanIn(Tensor weight)
    {
        var shape = weight.shape;
        var fanIn = shape[1];
        for (var i = 2; i < shape.Length; i++)
            fanIn *= shape[i];
        return fanIn;
    }

    private enum Distribution
    {
        Zero,
        One,
        StandardNormal,
        Uniform,
    }

    /// <summary>How one parameter tensor is filled: a constant, N(0, 1), or U(−bound, bound).</summary>
    private readonly record struct Rule(Distribution Distribution, double Bound)
    {
        public static Rule Zero => new(Distribution.Zero, 0);

        public static Rule One => new(Distribution.One, 0);

        public static Rule StandardNormal => new(Distribution.StandardNormal, 0);

        public static Rule Uniform(double bound) => new(Distribution.Uniform, bound);

        public void Fill(Xoshiro256StarStar random, Span<float> values)
        {
            switch (Distribution)
            {
                case Distribution.Zero:
                    values.Clear();
                    break;
                case Distribution.One:
                    values.Fill(1f);
                    break;
                case Distribution.StandardNormal:
                    NormalDraws.Fill(random, values);
                    break;
                default:
                    for (var i = 0; i < values.Length; i++)
                        values[i] = (float)((2 * random.NextDouble() - 1) * Bound);
                    break;
            }
        }
    }
}
