namespace FgsActors.Models.Data;

/// <summary>
/// Splits a labelled data set over federated clients. Implementations are deterministic for a seed and, unless
/// they say otherwise, assign every sample to exactly one client; each client's indices come sorted ascending.
/// </summary>
public interface IPartitioner
{
    /// <summary>A short description with the parameters, e.g. <c>dirichlet(alpha=0.5)</c>, for logs and run files.</summary>
    string Name { get; }

    /// <summary>
    /// Sample indices per client: element c lists the indices into <paramref name="labels"/> that client c holds.
    /// </summary>
    /// <param name="labels">One label per sample, each in [0, <paramref name="classes"/>).</param>
    /// <param name="classes">Number of classes.</param>
    /// <param name="clients">Number of clients, 1..labels.Length.</param>
    /// <param name="seed">Seed of the partition's random stream.</param>
    int[][] Split(ReadOnlySpan<byte> labels, int classes, int clients, int seed);
}
