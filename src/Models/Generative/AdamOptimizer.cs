using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FgsActors.Models.Generative;

/// <summary>
/// Adam (Kingma and Ba, ICLR 2015) without weight decay, the update of <c>torch.optim.Adam</c> with amsgrad off:
/// m ← β1·m + (1 − β1)·g; v ← β2·v + (1 − β2)·g²; w ← w − η·(m / (1 − β1^t)) / (√(v / (1 − β2^t)) + ε).
/// <para>
/// Why not <c>torch.optim.Adam</c>: like <see cref="Learning.MomentumSgd"/>, TorchSharp 0.107's optimisers pass
/// temporary <see cref="Scalar"/> objects to native calls, which a garbage collection on another thread can free
/// mid-call. Here every scalar lives in a field until <see cref="Dispose"/>; the bias corrections, which change every
/// step, are folded into per-step scalars that are created, used and disposed within <see cref="Step"/>.
/// </para>
/// </summary>
public sealed class AdamOptimizer : IDisposable
{
    private readonly Parameter[] _parameters;
    private readonly Tensor?[] _first;
    private readonly Tensor?[] _second;
    private readonly double _learningRate;
    private readonly double _beta1;
    private readonly double _beta2;
    private readonly Scalar _beta1Scalar;
    private readonly Scalar _oneMinusBeta1;
    private readonly Scalar _beta2Scalar;
    private readonly Scalar _oneMinusBeta2;
    private readonly Scalar _one;
    private long _steps;

    /// <param name="parameters">The parameters to update.</param>
    /// <param name="learningRate">η, > 0.</param>
    /// <param name="beta1">β1 in [0, 1).</param>
    /// <param name="beta2">β2 in [0, 1).</param>
    /// <param name="epsilon">ε added to the denominator, > 0 (PyTorch's default 1e-8).</param>
    public AdamOptimizer(IEnumerable<Parameter> parameters, double learningRate, double beta1 = 0.9, double beta2 = 0.999,
        double epsilon = 1e-8)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!(learningRate > 0)) throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "must be > 0");
        if (!(beta1 >= 0 && beta1 < 1)) throw new ArgumentOutOfRangeException(nameof(beta1), beta1, "must be in [0, 1)");
        if (!(beta2 >= 0 && beta2 < 1)) throw new ArgumentOutOfRangeException(nameof(beta2), beta2, "must be in [0, 1)");
        if (!(epsilon > 0)) throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "must be > 0");
        _parameters = parameters.ToArray();
        _first = new Tensor?[_parameters.Length];
        _second = new Tensor?[_parameters.Length];
        _learningRate = learningRate;
        _beta1 = beta1;
        _beta2 = beta2;
        Epsilon = epsilon;
        _beta1Scalar = beta1.ToScalar();
        _oneMinusBeta1 = (1 - beta1).ToScalar();
        _beta2Scalar = beta2.ToScalar();
        _oneMinusBeta2 = (1 - beta2).ToScalar();
        _one = 1.0.ToScalar();
    }

    /// <summary>ε of the denominator.</summary>
    public double Epsilon { get; }

    /// <summary>Steps taken so far (t).</summary>
    public long Steps => _steps;

    /// <summary>Clears the gradients (set to none, as PyTorch's default).</summary>
    public void ZeroGrad()
    {
        foreach (var p in _parameters)
            p.grad = null;
    }

    /// <summary>One update from the current gradients. Temporaries go to the caller's dispose scope.</summary>
    public void Step()
    {
        _steps++;
        var correction1 = 1 - Math.Pow(_beta1, _steps);
        var correction2 = 1 - Math.Pow(_beta2, _steps);
        // w ← w − (η / c1) · m / (√v / √c2 + ε), PyTorch's arrangement of the same formula.
        using var stepSize = (-_learningRate / correction1).ToScalar();
        using var inverseSqrtCorrection2 = (1 / Math.Sqrt(correction2)).ToScalar();
        using var epsilon = Epsilon.ToScalar();
        using var noGrad = torch.no_grad();
        for (var i = 0; i < _parameters.Length; i++)
        {
            var p = _parameters[i];
            var grad = p.grad;
            if (grad is null)
                continue;
            var m = _first[i] ??= torch.zeros_like(p).DetachFromDisposeScope();
            var v = _second[i] ??= torch.zeros_like(p).DetachFromDisposeScope();
            m.mul_(_beta1Scalar).add_(grad, _oneMinusBeta1);
            v.mul_(_beta2Scalar).addcmul_(grad, grad, _oneMinusBeta2);
            var denominator = v.sqrt().mul_(inverseSqrtCorrection2).add_(epsilon);
            p.addcdiv_(m, denominator, stepSize);
        }
        GC.KeepAlive(this);
    }

    public void Dispose()
    {
        for (var i = 0; i < _parameters.Length; i++)
        {
            _first[i]?.Dispose();
            _second[i]?.Dispose();
            _first[i] = null;
            _second[i] = null;
        }
        _beta1Scalar.Dispose();
        _oneMinusBeta1.Dispose();
        _beta2Scalar.Dispose();
        _oneMinusBeta2.Dispose();
        _one.Dispose();
    }
}
