using FgsActors.Models.Checkpoints;

namespace FgsActors.Models.Learning;

/// <summary>One client's contribution to a round: its delta (local − global) and its sample count n_k.</summary>
/// <param name="ClientId">Client identifier; unique within a round. Fixes the summation order.</param>
/// <param name="Delta">Local weights − global weights, flat.</param>
/// <param name="Samples">n_k ≥ 0, the client's training samples (the FedAvg weight).</param>
public sealed record ClientUpdate(int ClientId, float[] Delta, int Samples);

/// <summary>
/// How the server turns a round's client updates into the next global model. Implementations sum in client-id order
/// (whatever order the list is in), so the result is bit-identical however the updates arrived. A strategy that keeps
/// state between rounds (FedAvgM's velocity) saves it for checkpoints; a stateless one saves nothing.
/// </summary>
public interface IServerStrategy : IStateful
{
    /// <summary>Short name for logs and configuration ("fedavg", "fedprox", "fedavgm").</summary>
    string Name { get; }

    /// <summary>
    /// The new global model from <paramref name="global"/> and the round's <paramref name="updates"/>; inputs are not
    /// modified. A round without updates returns a copy of <paramref name="global"/> and leaves any server state alone.
    /// </summary>
    float[] Apply(float[] global, IReadOnlyList<ClientUpdate> updates);
}

/// <summary>The sample-weighted mean of client deltas, shared by the strategies.</summary>
public static class UpdateAverage
{
    /// <summary>
    /// Δ_avg = Σ_k n_k·Δ_k / Σ_k n_k, accumulated in double in ascending client-id order. Throws when updates repeat a
    /// client id, disagree with <paramref name="length"/>, have negative sample counts or all have zero samples.
    /// Returns null for an empty list.
    /// </summary>
    public static double[]? WeightedMean(int length, IReadOnlyList<ClientUpdate> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        if (updates.Count == 0)
            return null;
        var sorted = updates.ToArray();
        foreach (var u in sorted)
        {
            ArgumentNullException.ThrowIfNull(u, nameof(updates));
            ArgumentNullException.ThrowIfNull(u.Delta, nameof(updates));
            if (u.Delta.Length != length)
                throw new ArgumentException($"client {u.ClientId}: delta has {u.Delta.Length} values, the model {length}", nameof(updates));
            if (u.Samples < 0)
                throw new ArgumentException($"client {u.ClientId}: sample count {u.Samples} is negative", nameof(updates));
        }
        Array.Sort(sorted, static (a, b) => a.ClientId.CompareTo(b.ClientId));
        long total = 0;
        for (var k = 0; k < sorted.Length; k++)
        {
            if (k > 0 && sorted[k].ClientId == sorted[k - 1].ClientId)
                throw new ArgumentException($"client {sorted[k].ClientId} sent more than one update this round", nameof(updates));
            total += sorted[k].Samples;
        }
        if (total == 0)
            throw new ArgumentException("the updates hold no samples, so they have no weight", nameof(updates));

        var sum = new double[length];
        foreach (var u in sorted)
        {
            if (u.Samples == 0)
                continue;
            double n = u.Samples;
            var delta = u.Delta;
            for (var i = 0; i < sum.Length; i++)
                sum[i] += n * delta[i];
        }
        for (var i = 0; i < sum.Length; i++)
            sum[i] /= total;
        return sum;
    }

    internal static void RequireGlobal(float[] global)
    {
        ArgumentNullException.ThrowIfNull(global);
    }
}

/// <summary>
/// FedAvg (McMahan et al., AISTATS 2017): w ← w + Σ_k n_k·Δ_k / Σ_k n_k. Stateless and thread-safe.
/// </summary>
public sealed class FedAvg : IServerStrategy
{
    public string Name => "fedavg";

    /// <summary>Nothing changes between rounds, so nothing is saved.</summary>
    public void SaveState(BinaryWriter writer)
    {
    }

    /// <inheritdoc cref="SaveState"/>
    public void LoadState(BinaryReader reader)
    {
    }

    public float[] Apply(float[] global, IReadOnlyList<ClientUpdate> updates)
    {
        UpdateAverage.RequireGlobal(global);
        var mean = UpdateAverage.WeightedMean(global.Length, updates);
        var result = (float[])global.Clone();
        if (mean is null)
            return result;
        for (var i = 0; i < result.Length; i++)
            result[i] = (float)(global[i] + mean[i]);
        return result;
    }
}

/// <summary>
/// FedProx (Li et al., MLSys 2020) on the server: the same weighted average as FedAvg. The algorithm's difference is the
/// clients' proximal term, (μ/2)·‖w − w_global‖², applied by <see cref="LocalTrainer"/> through
/// <see cref="TrainingHyperparameters.ProximalMu"/>; <see cref="Mu"/> carries the value for whoever builds the jobs.
/// </summary>
public sealed class FedProx : IServerStrategy
{
    private readonly FedAvg _average = new();

    /// <param name="mu">μ ≥ 0 for the clients' proximal term.</param>
    public FedProx(double mu)
    {
        Mu = Require.NonNegative(mu, nameof(mu), "FedProx μ");
    }

    /// <summary>The clients' proximal coefficient μ.</summary>
    public double Mu { get; }

    public string Name => "fedprox";

    /// <summary>Nothing changes between rounds (μ is configuration), so nothing is saved.</summary>
    public void SaveState(BinaryWriter writer)
    {
    }

    /// <inheritdoc cref="SaveState"/>
    public void LoadState(BinaryReader reader)
    {
    }

    public float[] Apply(float[] global, IReadOnlyList<ClientUpdate> updates) => _average.Apply(global, updates);
}

/// <summary>
/// FedAvgM, FedAvg with server momentum (Hsu, Qi and Brown, "Measuring the Effects of Non-Identical Data Distribution
/// for Federated Visual Classification", 2019): v ← β·v + Δ_avg; w ← w + η·v, with v = 0 before the first round.
/// β = 0 and η = 1 is FedAvg. Stateful (the velocity, kept in double): one instance per run, not thread-safe.
/// </summary>
public sealed class FedAvgM : IServerStrategy
{
    private double[]? _velocity;

    /// <param name="momentum">β in [0, 1).</param>
    /// <param name="serverLearningRate">η &gt; 0.</param>
    public FedAvgM(double momentum, double serverLearningRate = 1.0)
    {
        if (!(momentum >= 0 && momentum < 1))
            throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "server momentum β must lie in [0, 1)");
        Momentum = momentum;
        ServerLearningRate = Require.Positive(serverLearningRate, nameof(serverLearningRate), "server learning rate η");
    }

    /// <summary>β.</summary>
    public double Momentum { get; }

    /// <summary>η.</summary>
    public double ServerLearningRate { get; }

    public string Name => "fedavgm";

    /// <summary>A copy of the server velocity v, or null before the first round with updates.</summary>
    public double[]? Velocity => (double[]?)_velocity?.Clone();

    /// <summary>Forgets the velocity (v = 0).</summary>
    public void Reset() => _velocity = null;

    /// <summary>The velocity, bit for bit (null before the first round with updates); β and η are configuration.</summary>
    public void SaveState(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteDoubles(_velocity);
    }

    /// <inheritdoc cref="SaveState"/>
    public void LoadState(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _velocity = reader.ReadDoubles();
    }

    public float[] Apply(float[] global, IReadOnlyList<ClientUpdate> updates)
    {
        UpdateAverage.RequireGlobal(global);
        if (_velocity is not null && _velocity.Length != global.Length)
            throw new ArgumentException($"the model has {global.Length} values, the server velocity {_velocity.Length}", nameof(global));
        var mean = UpdateAverage.WeightedMean(global.Length, updates);
        var result = (float[])global.Clone();
        if (mean is null)
            return result;
        var v = _velocity ?? new double[global.Length];
        for (var i = 0; i < v.Length; i++)
        {
            v[i] = Momentum * v[i] + mean[i];
            result[i] = (float)(global[i] + ServerLearningRate * v[i]);
        }
        _velocity = v;
        return result;
    }
}
