namespace FgsActors.Models.Data;

/// <summary>Argument checks and bookkeeping shared by the partitioners.</summary>
internal static class PartitionInput
{
    /// <summary>Checks the arguments every partitioner takes.</summary>
    public static void Check(ReadOnlySpan<byte> labels, int classes, int clients)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(classes, 256);
        ArgumentOutOfRangeException.ThrowIfLessThan(clients, 1);
        if (clients > labels.Length)
            throw new ArgumentOutOfRangeException(nameof(clients), clients,
                $"cannot split {labels.Length} samples over {clients} clients: every client needs at least one sample");
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] >= classes)
                throw new ArgumentException($"label {labels[i]} of sample {i} is outside [0, {classes})", nameof(labels));
        }
    }

    /// <summary>The sample indices of each class, ascending.</summary>
    public static int[][] ByClass(ReadOnlySpan<byte> labels, int classes)
    {
        var counts = new int[classes];
        foreach (var label in labels)
            counts[label]++;
        var byClass = new int[classes][];
        for (var c = 0; c < classes; c++)
            byClass[c] = new int[counts[c]];
        Array.Clear(counts);
        for (var i = 0; i < labels.Length; i++)
            byClass[labels[i]][counts[labels[i]]++] = i;
        return byClass;
    }

    /// <summary>
    /// Cuts <paramref name="items"/> into consecutive pieces with shares <paramref name="proportions"/> (summing to 1):
    /// piece j ends at ⌊(p₀ + … + p_j)·n⌋, the last at n, as NIID-Bench's <c>np.split</c> on cumulative proportions.
    /// </summary>
    public static void AppendSplit(ReadOnlySpan<int> items, double[] proportions, List<int>[] pieces)
    {
        var cumulative = 0.0;
        var start = 0;
        for (var j = 0; j < pieces.Length; j++)
        {
            int end;
            if (j == pieces.Length - 1)
            {
                end = items.Length;
            }
            else
            {
                cumulative += proportions[j];
                end = Math.Clamp((int)(cumulative * items.Length), start, items.Length);
            }

            pieces[j].AddRange(items[start..end]);
            start = end;
        }
    }

    /// <summary>The pieces as arrays, each sorted ascending.</summary>
    public static int[][] Sorted(List<int>[] pieces) =>
        pieces.Select(piece =>
        {
            var indices = piece.ToArray();
            Array.Sort(indices);
            return indices;
        }).ToArray();

    /// <summary>Parameters print with an invariant, round-trip format.</summary>
    public static string Format(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
