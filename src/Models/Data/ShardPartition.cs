namespace FgsActors.Models.Data;

/// <summary>
/// Pathological label skew with shards (McMahan et al., 2017): every client holds exactly
/// <see cref="ClassesPerClient"/> distinct classes. The samples, sorted by label, are cut into clients·k shards,
/// each within one class (a class with s shards is split into s nearly equal shards, and the shards are spread over
/// the classes as evenly as possible); each client then gets k shards of k different classes. Unlike cutting the
/// sorted list blindly, no shard straddles two classes and no client gets two shards of one class, so the number of
/// classes per client is exactly k.
/// </summary>
public sealed class ShardPartition : IPartitioner
{
    /// <param name="classesPerClient">k ≥ 1: the classes each client holds.</param>
    public ShardPartition(int classesPerClient)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classesPerClient, 1);
        ClassesPerClient = classesPerClient;
    }

    /// <summary>The number k of distinct classes every client holds.</summary>
    public int ClassesPerClient { get; }

    public string Name => $"shards(k={ClassesPerClient})";

    /// <exception cref="ArgumentOutOfRangeException">Fewer than k classes occur in the labels, clients·k shards
    /// cannot cover every occurring class, or a class has fewer samples than shards.</exception>
    public int[][] Split(ReadOnlySpan<byte> labels, int classes, int clients, int seed)
    {
        PartitionInput.Check(labels, classes, clients);
        var k = ClassesPerClient;
        var byClass = PartitionInput.ByClass(labels, classes);
        var present = Enumerable.Range(0, classes).Where(c => byClass[c].Length > 0).ToArray();
        if (k > present.Length)
            throw new ArgumentOutOfRangeException(nameof(classes), present.Length,
                $"{Name}: only {present.Length} classes occur in the labels, fewer than the {k} each client must hold");
        var shards = (long)clients * k;
        if (shards < present.Length)
            throw new ArgumentOutOfRangeException(nameof(clients), clients,
                $"{Name}: {clients} clients·{k} = {shards} shards cannot cover the {present.Length} classes that occur; " +
                "samples of some classes would be left out");

        var random = Seeded.Generator(seed);

        // Shards per class: ⌊S/C⌋ each, one more for S mod C randomly chosen classes. Since k ≤ C, no class has
        // more shards than there are clients.
        var classOrder = present.ToArray();
        Seeded.Shuffle(random, classOrder.AsSpan());
        var shardsOf = new int[classes];
        for (var i = 0; i < classOrder.Length; i++)
            shardsOf[classOrder[i]] = (int)(shards / present.Length) + (i < shards % present.Length ? 1 : 0);
        foreach (var c in present)
        {
            if (byClass[c].Length < shardsOf[c])
                throw new ArgumentOutOfRangeException(nameof(labels), byClass[c].Length,
                    $"{Name}: class {c} has {byClass[c].Length} samples, fewer than its {shardsOf[c]} shards");
        }

        // Deal the shards, grouped by class in a random class order, round-robin over a random client order. Each
        // class occupies at most `clients` consecutive positions, so its shards land on distinct clients, and every
        // client receives exactly k shards.
        var clientOrder = Seeded.Permutation(random, clients);
        var pieces = Enumerable.Range(0, clients).Select(_ => new List<int>()).ToArray();
        var position = 0;
        Seeded.Shuffle(random, classOrder.AsSpan());
        foreach (var c in classOrder)
        {
            var members = (int[])byClass[c].Clone();
            Seeded.Shuffle(random, members.AsSpan());
            var count = shardsOf[c];
            var start = 0;
            for (var s = 0; s < count; s++)
            {
                var size = members.Length / count + (s < members.Length % count ? 1 : 0);
                pieces[clientOrder[position % clients]].AddRange(members.AsSpan(start, size));
                start += size;
                position++;
            }
        }

        return PartitionInput.Sorted(pieces);
    }
}
