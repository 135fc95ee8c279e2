namespace FgsActors.Models.Data;

/// <summary>
/// Quantity skew with IID labels, as NIID-Bench's "iid-diff-quantity": client shares p ~ Dir(β, …, β) over the
/// clients, drawn again until every client would hold at least <see cref="MinSamplesPerClient"/> samples; the
/// shuffled samples are cut at ⌊cumsum(p)·N⌋. Sizes are unequal (more so for small β) while each client's labels are
/// a uniform random sample of the whole set.
/// </summary>
public sealed class QuantitySkewPartition : IPartitioner
{
    /// <param name="beta">Concentration β &gt; 0 of the Dirichlet over clients.</param>
    /// <param name="minSamplesPerClient">Fewest samples a client may end with (NIID-Bench uses 10), ≥ 0; 0 accepts
    /// the first draw, even one that leaves a client empty.</param>
    /// <param name="maxAttempts">Draws before giving up on <paramref name="minSamplesPerClient"/>.</param>
    public QuantitySkewPartition(double beta, int minSamplesPerClient = 10, int maxAttempts = 1000)
    {
        Beta = Require.Positive(beta, nameof(beta), "Dirichlet concentration β");
        ArgumentOutOfRangeException.ThrowIfNegative(minSamplesPerClient);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        MinSamplesPerClient = minSamplesPerClient;
        MaxAttempts = maxAttempts;
    }

    /// <summary>Dirichlet concentration β over the clients.</summary>
    public double Beta { get; }

    /// <summary>Fewest samples a client may end with.</summary>
    public int MinSamplesPerClient { get; }

    /// <summary>Draws tried before <see cref="Split"/> gives up.</summary>
    public int MaxAttempts { get; }

    public string Name => $"quantity(beta={PartitionInput.Format(Beta)})";

    /// <exception cref="InvalidOperationException">No draw within <see cref="MaxAttempts"/> gave every client
    /// <see cref="MinSamplesPerClient"/> samples.</exception>
    public int[][] Split(ReadOnlySpan<byte> labels, int classes, int clients, int seed)
    {
        PartitionInput.Check(labels, classes, clients);
        if ((long)clients * MinSamplesPerClient > labels.Length)
            throw new ArgumentOutOfRangeException(nameof(clients), clients,
                $"{labels.Length} samples cannot give each of {clients} clients at least {MinSamplesPerClient}");

        var random = Seeded.Generator(seed);
        var order = Seeded.Permutation(random, labels.Length);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var p = Seeded.Dirichlet(random, Beta, clients);
            var pieces = Enumerable.Range(0, clients).Select(_ => new List<int>()).ToArray();
            PartitionInput.AppendSplit(order, p, pieces);
            if (pieces.Min(piece => piece.Count) >= MinSamplesPerClient)
                return PartitionInput.Sorted(pieces);
        }

        throw new InvalidOperationException(
            $"{Name}: no split in {MaxAttempts} draws gave each of {clients} clients at least {MinSamplesPerClient} of " +
            $"{labels.Length} samples; raise beta, lower the minimum or use fewer clients");
    }
}
