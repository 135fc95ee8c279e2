namespace FgsActors.Models.Data;

/// <summary>
/// IID split (NIID-Bench "homo"): shuffle all samples and cut them into <c>clients</c> nearly equal parts (sizes
/// differ by at most one), so every client sees the global label distribution up to sampling noise.
/// </summary>
public sealed class IidPartition : IPartitioner
{
    public string Name => "iid";

    public int[][] Split(ReadOnlySpan<byte> labels, int classes, int clients, int seed)
    {
        PartitionInput.Check(labels, classes, clients);
        var order = Seeded.Permutation(Seeded.Generator(seed), labels.Length);
        var parts = new int[clients][];
        var start = 0;
        for (var c = 0; c < clients; c++)
        {
            var size = labels.Length / clients + (c < labels.Length % clients ? 1 : 0);
            parts[c] = order[start..(start + size)];
            Array.Sort(parts[c]);
            start += size;
        }

        return parts;
    }
}
