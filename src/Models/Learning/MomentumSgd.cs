using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FgsActors.Models.Learning;

/// <summary>
/// SGD with momentum and L2 weight decay, the update of <c>torch.optim.SGD</c> (dampening 0, not Nesterov), op for op:
/// g ← ∇w + λ·w; v ← g on the first step, else v ← m·v + g; w ← w − η·v.
/// <para>
/// Why not <c>torch.optim.SGD</c> itself: TorchSharp 0.107 turns the doubles it passes to native calls (learning
/// rate, momentum, alpha = 1 of <c>Tensor.add</c>) into temporary <see cref="Scalar"/> objects that nothing keeps
/// alive during the call, so a garbage collection started by another thread can finalise (free) the native scalar
/// while libtorch reads it: the step fails at random with "Expected false to be true ... toFloat" (reproduced with a
/// thread calling GC.Collect in a loop; an actor system collects all the time). Here every scalar is created once,
/// held in a field for the optimiser's lifetime and disposed with it.
/// </para>
/// Momentum buffers belong to this object (not to any dispose scope) and are freed by <see cref="Dispose"/>.
/// </summary>
internal sealed class MomentumSgd : IDisposable
{
    private readonly Parameter[] _parameters;
    private readonly Tensor?[] _buffers;
    private readonly bool _momentum;
    private readonly bool _decay;
    private readonly Scalar _negativeLearningRate;
    private readonly Scalar _momentumFactor;
    private readonly Scalar _weightDecay;
    private readonly Scalar _one;

    public MomentumSgd(IEnumerable<Parameter> parameters, double learningRate, double momentum, double weightDecay)
    {
        _parameters = parameters.ToArray();
        _buffers = new Tensor?[_parameters.Length];
        _momentum = momentum != 0;
        _decay = weightDecay != 0;
        _negativeLearningRate = (-learningRate).ToScalar();
        _momentumFactor = momentum.ToScalar();
        _weightDecay = weightDecay.ToScalar();
        _one = 1.0.ToScalar();
    }

    /// <summary>Clears the gradients (set to none, as PyTorch's default).</summary>
    public void ZeroGrad()
    {
        foreach (var p in _parameters)
            p.grad = null;
    }

    /// <summary>One update from the current gradients. Temporaries go to the caller's dispose scope.</summary>
    public void Step()
    {
        using var noGrad = torch.no_grad();
        for (var i = 0; i < _parameters.Length; i++)
        {
            var p = _parameters[i];
            var grad = p.grad;
            if (grad is null)
                continue;
            if (_decay)
                grad = grad.add(p, _weightDecay);
            if (_momentum)
            {
                var buffer = _buffers[i];
                if (buffer is null)
                    _buffers[i] = buffer = grad.clone().detach().DetachFromDisposeScope();
                else
                    buffer.mul_(_momentumFactor).add_(grad, _one);
                grad = buffer;
            }
            p.add_(grad, _negativeLearningRate);
        }
    }

    public void Dispose()
    {
        for (var i = 0; i < _buffers.Length; i++)
        {
            _buffers[i]?.Dispose();
            _buffers[i] = null;
        }
        _negativeLearningRate.Dispose();
        _momentumFactor.Dispose();
        _weightDecay.Dispose();
        _one.Dispose();
    }
}
