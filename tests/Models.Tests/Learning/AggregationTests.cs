using FgsActors.Models.Learning;
using Xunit;

namespace FgsActors.Models.Tests.Learning;

public sealed class AggregationTests
{
    private static readonly float[] Global = [1f, 2f, 3f];

    private static ClientUpdate[] ThreeClients() =>
    [
        new(3, [0.5f, -1f, 2f], 10),
        new(1, [1f, 1f, 1f], 30),
        new(2, [-2f, 0f, 4f], 60),
    ];

    [Fact]
    public void FedAvg_adds_the_sample_weighted_mean_delta()
    {
        // Δ = (10·[0.5, −1, 2] + 30·[1, 1, 1] + 60·[−2, 0, 4]) / 100 = [−0.85, 0.2, 2.9]
        var result = new FedAvg().Apply(Global, ThreeClients());

        Assert.Equal(0.15f, result[0], 1e-6f);
        Assert.Equal(2.2f, result[1], 1e-6f);
        Assert.Equal(5.9f, result[2], 1e-6f);
        Assert.Equal([1f, 2f, 3f], Global); // input untouched
    }

    [Fact]
    public void FedAvg_is_bit_identical_whatever_the_arrival_order()
    {
        var random = new Random(3);
        var global = Enumerable.Range(0, 2_000).Select(_ => (float)random.NextDouble()).ToArray();
        var updates = Enumerable.Range(0, 25)
            .Select(id => new ClientUpdate(id * 7 + 1,
                Enumerable.Range(0, global.Length).Select(_ => (float)((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-4, 3)))).ToArray(),
                random.Next(1, 600)))
            .ToArray();
        var reference = new FedAvg().Apply(global, updates);

        for (var trial = 0; trial < 5; trial++)
        {
            var shuffled = updates.OrderBy(_ => random.Next()).ToArray();
            var result = new FedAvg().Apply(global, shuffled);
            Assert.True(Bits(reference).SequenceEqual(Bits(result)), $"trial {trial} differs");
        }
    }

    [Fact]
    public void FedAvg_rejects_duplicate_clients_mismatched_lengths_and_zero_weight()
    {
        var strategy = new FedAvg();
        Assert.Throws<ArgumentException>(() => strategy.Apply(Global, [new(1, [0f, 0f, 0f], 1), new(1, [0f, 0f, 0f], 2)]));
        Assert.Throws<ArgumentException>(() => strategy.Apply(Global, [new(1, [0f, 0f], 1)]));
        Assert.Throws<ArgumentException>(() => strategy.Apply(Global, [new(1, [1f, 1f, 1f], 0)]));
        Assert.Throws<ArgumentException>(() => strategy.Apply(Global, [new(1, [1f, 1f, 1f], -1)]));
    }

    [Fact]
    public void A_round_without_updates_keeps_the_model()
    {
        var result = new FedAvg().Apply(Global, []);
        Assert.Equal(Global, result);
        Assert.NotSame(Global, result);
    }

    [Fact]
    public void FedProx_server_step_is_FedAvg()
    {
        var prox = new FedProx(mu: 0.01);
        Assert.Equal(0.01, prox.Mu);
        Assert.Equal(new FedAvg().Apply(Global, ThreeClients()), prox.Apply(Global, ThreeClients()));
    }

    [Fact]
    public void FedAvgM_two_rounds_by_hand()
    {
        // β = 0.9, η = 0.5, w0 = [1, −1].
        // Round 1: one client Δ = [0.2, 0.4] → v1 = [0.2, 0.4]; w1 = w0 + 0.5·v1 = [1.1, −0.8].
        // Round 2: Δ = [1, 0] (n = 1) and [0, 1] (n = 3) → Δavg = [0.25, 0.75];
        //          v2 = 0.9·v1 + Δavg = [0.43, 1.11]; w2 = w1 + 0.5·v2 = [1.315, −0.245].
        var server = new FedAvgM(momentum: 0.9, serverLearningRate: 0.5);

        var w1 = server.Apply([1f, -1f], [new(5, [0.2f, 0.4f], 5)]);
        Assert.Equal(1.1f, w1[0], 1e-6f);
        Assert.Equal(-0.8f, w1[1], 1e-6f);

        var w2 = server.Apply(w1, [new(2, [0f, 1f], 3), new(1, [1f, 0f], 1)]);
        Assert.Equal(1.315f, w2[0], 1e-6f);
        Assert.Equal(-0.245f, w2[1], 1e-6f);
        Assert.Equal(0.43, server.Velocity![0], 1e-7);
        Assert.Equal(1.11, server.Velocity![1], 1e-7);
    }

    [Fact]
    public void FedAvgM_without_momentum_is_FedAvg()
    {
        var result = new FedAvgM(momentum: 0, serverLearningRate: 1).Apply(Global, ThreeClients());
        Assert.Equal(new FedAvg().Apply(Global, ThreeClients()), result);
    }

    private static byte[] Bits(float[] values) => values.SelectMany(BitConverter.GetBytes).ToArray();
}
