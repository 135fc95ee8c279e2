namespace FgsActors.Models.Metrics;

/// <summary>One class's row of a <see cref="ClassCoverageReport"/>.</summary>
/// <param name="Class">Class index c in [0, K).</param>
/// <param name="Intended">Generated samples whose intended (conditioning) class is c.</param>
/// <param name="Assigned">Generated samples the reference classifier assigns to c.</param>
/// <param name="Share">Assigned / N: the share of all generated samples assigned to c.</param>
/// <param name="ConditionalAccuracy">Among the samples generated for c, the fraction classified as c; null when none was generated for c.</param>
/// <param name="Covered">Share ≥ the report's threshold.</param>
public sealed record ClassCoverageEntry(int Class, int Intended, int Assigned, double Share, double? ConditionalAccuracy, bool Covered);

/// <summary>What <see cref="ClassCoverage"/> found: per class figures and the totals.</summary>
/// <param name="Threshold">The share a class needs to count as covered.</param>
/// <param name="Classes">One entry per class, in class order.</param>
/// <param name="CoveredClasses">Number of classes with Share ≥ Threshold; well below K signals mode collapse.</param>
/// <param name="Accuracy">Fraction of all generated samples classified as their intended class.</param>
public sealed record ClassCoverageReport(double Threshold, IReadOnlyList<ClassCoverageEntry> Classes, int CoveredClasses, double Accuracy)
{
    /// <summary>K, the number of classes.</summary>
    public int ClassCount => Classes.Count;
}

/// <summary>
/// Class coverage and mode collapse of a class-conditional generator, judged by a reference classifier: for each
/// class c, the share of the N generated samples the classifier assigns to c, whether that share reaches a threshold
/// (default 1/(2K), half the share of a perfectly balanced generator), and the conditional accuracy (generated for c,
/// classified as c).
/// </summary>
public static class ClassCoverage
{
    /// <summary>The default coverage threshold, 1/(2K).</summary>
    public static double DefaultThreshold(int classCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        return 1.0 / (2.0 * classCount);
    }

    /// <summary>Coverage from the classifier's predicted labels.</summary>
    /// <param name="intended">The intended class of each generated sample, in [0, <paramref name="classCount"/>).</param>
    /// <param name="predicted">The classifier's label for each sample, same length, same range.</param>
    /// <param name="classCount">K ≥ 1.</param>
    /// <param name="threshold">Coverage threshold in (0, 1]; null for 1/(2K).</param>
    public static ClassCoverageReport FromLabels(IReadOnlyList<int> intended, IReadOnlyList<int> predicted, int classCount, double? threshold = null)
    {
        ArgumentNullException.ThrowIfNull(intended);
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        if (intended.Count == 0) throw new ArgumentException("at least one generated sample is needed", nameof(intended));
        if (predicted.Count != intended.Count)
            throw new ArgumentException($"{predicted.Count} predicted labels for {intended.Count} generated samples", nameof(predicted));
        var cut = threshold ?? DefaultThreshold(classCount);
        if (!(cut > 0 && cut <= 1)) throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "the coverage threshold must be in (0, 1]");

        var intendedCount = new int[classCount];
        var assigned = new int[classCount];
        var correct = new int[classCount];
        for (var i = 0; i < intended.Count; i++)
        {
            var want = CheckLabel(intended[i], classCount, i, nameof(intended));
            var got = CheckLabel(predicted[i], classCount, i, nameof(predicted));
            intendedCount[want]++;
            assigned[got]++;
            if (want == got) correct[want]++;
        }

        var n = intended.Count;
        var entries = new ClassCoverageEntry[classCount];
        for (var c = 0; c < classCount; c++)
        {
            var share = assigned[c] / (double)n;
            double? accuracy = intendedCount[c] == 0 ? null : correct[c] / (double)intendedCount[c];
            entries[c] = new ClassCoverageEntry(c, intendedCount[c], assigned[c], share, accuracy, share >= cut);
        }
        return new ClassCoverageReport(cut, entries, entries.Count(e => e.Covered), correct.Sum() / (double)n);
    }

    /// <summary>
    /// Coverage from the classifier's class probabilities (one row of K per sample; K = row length); each sample is
    /// assigned its most probable class, ties to the lowest index.
    /// </summary>
    public static ClassCoverageReport FromProbabilities(IReadOnlyList<int> intended, double[][] probabilities, double? threshold = null)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        if (probabilities.Length == 0) throw new ArgumentException("at least one row of probabilities is needed", nameof(probabilities));
        var k = probabilities[0]?.Length ?? 0;
        if (k == 0) throw new ArgumentException("rows must hold at least one class probability", nameof(probabilities));
        var labels = new int[probabilities.Length];
        for (var i = 0; i < probabilities.Length; i++)
        {
            var row = probabilities[i];
            if (row is null || row.Length != k)
                throw new ArgumentException($"row {i} has {row?.Length ?? 0} classes, row 0 has {k}", nameof(probabilities));
            var best = 0;
            for (var y = 0; y < k; y++)
            {
                if (!double.IsFinite(row[y])) throw new ArgumentException($"row {i} holds {row[y]}, expected finite numbers", nameof(probabilities));
                if (row[y] > row[best]) best = y;
            }
            labels[i] = best;
        }
        return FromLabels(intended, labels, k, threshold);
    }

    private static int CheckLabel(int label, int classCount, int index, string paramName) =>
        label >= 0 && label < classCount
            ? label
            : throw new ArgumentException($"label {label} of sample {index} is outside [0, {classCount})", paramName);
}
