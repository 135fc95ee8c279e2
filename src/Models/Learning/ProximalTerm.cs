using TorchSharp;
using static TorchSharp.torch;

namespace FgsActors.Models.Learning;

/// <summary>
/// FedProx's proximal term (Li et al., "Federated Optimization in Heterogeneous Networks", MLSys 2020, eq. 2):
/// (μ/2)·‖w − w_global‖², summed over all parameter tensors, and its gradient μ·(w − w_global), which pulls the local
/// model back towards the global one. <see cref="LocalTrainer"/> adds the gradient straight to the parameters'
/// gradients after the backward pass (<see cref="AddGradient"/>): the same as adding the term to the loss, without
/// building its graph. Scalars are created and disposed explicitly (see <see cref="MomentumSgd"/> for why).
/// </summary>
public static class ProximalTerm
{
    /// <summary>
    /// The term as a scalar tensor that autograd can differentiate. <paramref name="anchors"/> are the global weights,
    /// one tensor per parameter with the same shape and without gradient; <paramref name="mu"/> ≥ 0.
    /// </summary>
    public static Tensor Loss(IReadOnlyList<Tensor> parameters, IReadOnlyList<Tensor> anchors, double mu)
    {
        Check(parameters, anchors, mu);
        using var one = 1.0.ToScalar();
        using var halfMu = (mu / 2).ToScalar();
        Tensor? sum = null;
        for (var i = 0; i < parameters.Count; i++)
        {
            var squared = parameters[i].sub(anchors[i]).square().sum();
            sum = sum is null ? squared : sum.add(squared, one);
        }
        return sum!.mul(halfMu);
    }

    /// <summary>
    /// Adds μ·(w − w_global) to each parameter's gradient (which must exist, i.e. after a backward pass), without
    /// recording on the autograd tape.
    /// </summary>
    public static void AddGradient(IReadOnlyList<Tensor> parameters, IReadOnlyList<Tensor> anchors, double mu)
    {
        Check(parameters, anchors, mu);
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        using var muScalar = mu.ToScalar();
        for (var i = 0; i < parameters.Count; i++)
        {
            var grad = parameters[i].grad
                ?? throw new InvalidOperationException($"parameter {i} has no gradient; run the backward pass first");
            grad.add_(parameters[i].detach().sub(anchors[i]), muScalar);
        }
    }

    private static void Check(IReadOnlyList<Tensor> parameters, IReadOnlyList<Tensor> anchors, double mu)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(anchors);
        Require.NonNegative(mu, nameof(mu), "FedProx μ");
        if (parameters.Count != anchors.Count || parameters.Count == 0)
            throw new ArgumentException($"{parameters.Count} parameters but {anchors.Count} anchors", nameof(anchors));
    }
}
