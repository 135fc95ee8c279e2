namespace FgsActors.Models.Data;

/// <summary>How many samples of each class every client holds: the table that shows a partition's label skew.</summary>
public static class ClassHistogram
{
    /// <summary>Row c, column k: the samples of class k that client c holds.</summary>
    public static int[][] Of(int[][] partition, ReadOnlySpan<byte> labels, int classes)
    {
        ArgumentNullException.ThrowIfNull(partition);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        var histogram = new int[partition.Length][];
        for (var c = 0; c < partition.Length; c++)
        {
            var row = histogram[c] = new int[classes];
            foreach (var index in partition[c])
            {
                var label = labels[index];
                if (label >= classes)
                    throw new ArgumentException($"label {label} of sample {index} is outside [0, {classes})", nameof(labels));
                row[label]++;
            }
        }

        return histogram;
    }

    /// <summary>
    /// Writes the histogram as CSV with columns <c>client,class_0,…,class_{C−1},total</c>, one row per client,
    /// '\n' line ends.
    /// </summary>
    public static void WriteCsv(TextWriter writer, int[][] histogram)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(histogram);
        if (histogram.Length == 0)
            throw new ArgumentException("expected at least one client row", nameof(histogram));
        var classes = histogram[0].Length;
        writer.Write("client");
        for (var k = 0; k < classes; k++)
            writer.Write($",class_{k}");
        writer.Write(",total\n");
        for (var c = 0; c < histogram.Length; c++)
        {
            var row = histogram[c];
            if (row.Length != classes)
                throw new ArgumentException($"row {c} has {row.Length} classes, expected {classes}", nameof(histogram));
            writer.Write(c.ToString(System.Globalization.CultureInfo.InvariantCulture));
            long total = 0;
            foreach (var count in row)
            {
                writer.Write(',');
                writer.Write(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                total += count;
            }

            writer.Write(',');
            writer.Write(total.ToString(System.Globalization.CultureInfo.InvariantCulture));
            writer.Write('\n');
        }
    }
}
