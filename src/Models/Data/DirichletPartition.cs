namespace FgsActors.Models.Data;

/// <summary>
/// Label skew by a Dirichlet prior, as in NIID-Bench (Li, Diao, Chen and He, "Federated Learning on Non-IID Data
/// Silos: An Experimental Study", ICDE 2022): for each class, draw client shares p ~ Dir(α, …, α) and cut the class's
/// shuffled samples at ⌊cumsum(p)·n⌋. Like NIID-Bench, a client that already holds N/clients samples gets no share of
/// later classes, and the whole split is drawn again until every client holds at least
/// <see cref="MinSamplesPerClient"/> samples. Small α (0.1) gives each client a few dominant classes; α → ∞
/// approaches the IID split.
/// </summary>
public sealed class DirichletPartition : IPartitioner
{
    /// <param name="alpha">Concentration α &gt; 0 of the symmetric Dirichlet.</param>
    /// <param name="minSamplesPerClient">Fewest samples a client may end with (NIID-Bench uses 10), ≥ 0; 0 accepts
    /// the first draw, even one that leaves a client empty.</param>
    /// <param name="maxAttempts">Draws before giving up on <paramref name="minSamplesPerClient"/>.</param>
    public DirichletPartition(double alpha, int minSamplesPerClient = 10, int maxAttempts = 1000)
    {
        Alpha = Require.Positive(alpha, nameof(alpha), "Dirichlet concentration α");
        ArgumentOutOfRangeException.ThrowIfNegative(minSamplesPerClient);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        MinSamplesPerClient = minSamplesPerClient;
        MaxAttempts = maxAttempts;
    }

    /// <summary>Dirichlet concentration α.</summary>
    public double Alpha { get; }

    /// <summary>Fewest samples a client may end with.</summary>
    public int MinSamplesPerClient { get; }

    /// <summary>Draws tried before <see cref="Split"/> gives up.</summary>
    public int MaxAttempts { get; }

    public string Name => $"dirichlet(alpha={PartitionInput.Format(Alpha)})";

    /// <exception cref="InvalidOperationException">No draw within <see cref="MaxAttempts"/> gave every client
    /// <see cref="MinSamplesPerClient"/> samples.</exception>
    public int[][] Split(ReadOnlySpan<byte> labels, int classes, int clients, int seed)
    {
        PartitionInput.Check(labels, classes, clients);
        if ((long)clients * MinSamplesPerClient > labels.Length)
            throw new ArgumentOutOfRangeException(nameof(clients), clients,
                $"{labels.Length} samples cannot give each of {clients} clients at least {MinSamplesPerClient}");

        var random = Seeded.Generator(seed);
        var byClass = PartitionInput.ByClass(labels, classes);
        var fairShare = (double)labels.Length / clients;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var pieces = Enumerable.Range(0, clients).Select(_ => new List<int>()).ToArray();
            foreach (var members in byClass)
            {
                var shuffled = (int[])members.Clone();
                Seeded.Shuffle(random, shuffled.AsSpan());
                var p = Seeded.Dirichlet(random, Alpha, clients);
                var sum = 0.0;
                for (var j = 0; j < clients; j++)
                {
                    if (pieces[j].Count >= fairShare)
                        p[j] = 0.0;
                    sum += p[j];
                }

                // All remaining mass sat on full clients: share equally among the others instead of dividing by 0.
                if (!(sum > 0))
                {
                    for (var j = 0; j < clients; j++)
                        p[j] = pieces[j].Count < fairShare ? 1.0 : 0.0;
                    sum = p.Sum();
                }

                for (var j = 0; j < clients; j++)
                    p[j] /= sum;
                PartitionInput.AppendSplit(shuffled, p, pieces);
            }

            if (pieces.Min(piece => piece.Count) >= MinSamplesPerClient)
                return PartitionInput.Sorted(pieces);
        }

        throw new InvalidOperationException(
            $"{Name}: no split in {MaxAttempts} draws gave each of {clients} clients at least {MinSamplesPerClient} of " +
            $"{labels.Length} samples; raise alpha, lower the minimum or use fewer clients");
    }
}
