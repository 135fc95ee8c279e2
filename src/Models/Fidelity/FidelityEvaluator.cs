using FgsActors.Models.Data;
using FgsActors.Models.Metrics;

namespace FgsActors.Models.Fidelity;

/// <summary>
/// Scores a set of class-conditionally generated images with one <see cref="ReferenceClassifier"/>: FID against a
/// reference real set (normally the test set, whose statistics are computed once here), the Inception-style score,
/// class coverage and conditional accuracy, and optionally local FID against each device's own data.
/// <para>
/// Local FID of device k: its n_k real images (indices into <c>deviceData</c>, the set the fleet was partitioned
/// from) against the generated pool reweighted to the device's class histogram — each generated sample of intended
/// class c weighted by (n_kc / n_k) / G_c, G_c being the generated samples intended for c — so that the generated
/// side has the device's class proportions exactly and every generated sample is used (no resampling, no rounding;
/// <see cref="ClassConditionalMoments"/>). A device is skipped, with the reason recorded, when it has fewer than
/// <see cref="FidelityOptions.MinimumLocalSamples"/> real images or holds a class with fewer than 2 generated samples
/// intended for it. Features of the device data are computed on first use, in fixed blocks, and kept (one row per image,
/// d floats).
/// </para>
/// <para>
/// Thread-safe: <see cref="Evaluate"/> may run concurrently (the classifier builds its modules per call; the cache of
/// device-data features is filled under a lock).
/// </para>
/// </summary>
public sealed class FidelityEvaluator
{
    private readonly ImageDataset? _deviceData;
    private readonly float[]?[]? _deviceFeatures;
    private readonly Lock _deviceFeaturesLock = new();

    /// <param name="classifier">The reference classifier.</param>
    /// <param name="reference">The real images FID compares with (e.g. the Fashion-MNIST test set); at least 2.</param>
    /// <param name="deviceData">The data set that <see cref="LocalReference.SampleIndices"/> index (the training set); null when no local FID is wanted.</param>
    /// <param name="options">Minimum device size and coverage threshold; null for the defaults.</param>
    public FidelityEvaluator(ReferenceClassifier classifier, ImageDataset reference, ImageDataset? deviceData = null, FidelityOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.Count < 2)
            throw new ArgumentException($"the reference set needs at least 2 images to estimate a covariance, found {reference.Count}", nameof(reference));
        Classifier = classifier;
        Options = options ?? new FidelityOptions();
        var outputs = classifier.Outputs(reference);
        ReferenceStatistics = GaussianStatistics.Of(outputs.Features);
        ReferenceCount = reference.Count;
        if (deviceData is not null)
        {
            if (deviceData.Height != reference.Height || deviceData.Width != reference.Width || deviceData.Classes != reference.Classes)
                throw new ArgumentException(
                    $"device data are {deviceData.Height}×{deviceData.Width} in {deviceData.Classes} classes, the reference set {reference.Height}×{reference.Width} in {reference.Classes}",
                    nameof(deviceData));
            _deviceData = deviceData;
            _deviceFeatures = new float[]?[deviceData.Count];
        }
    }

    public ReferenceClassifier Classifier { get; }

    public FidelityOptions Options { get; }

    /// <summary>Mean and covariance of the reference set's features.</summary>
    public GaussianStatistics ReferenceStatistics { get; }

    /// <summary>Images in the reference set.</summary>
    public int ReferenceCount { get; }

    /// <summary>
    /// Scores N ≥ 2 generated images (pixels in [0, 1] as the data, N × C × H × W, finite; values are taken as given)
    /// with their intended classes (N labels in [0, K)); with <paramref name="locals"/> (distinct device ids; needs
    /// <c>deviceData</c>) also the local FIDs.
    /// </summary>
    public FidelityReport Evaluate(float[] generatedImages, int[] intendedLabels, IReadOnlyList<LocalReference>? locals = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(generatedImages);
        ArgumentNullException.ThrowIfNull(intendedLabels);
        var n = intendedLabels.Length;
        var k = Classifier.ClassCount;
        if (n < 2) throw new ArgumentException($"at least 2 generated images are needed to estimate a covariance, found {n}", nameof(intendedLabels));
        var sampleLength = Classifier.Network.Input.Elements;
        if (generatedImages.Length != (long)n * sampleLength)
            throw new ArgumentException(
                $"{generatedImages.Length} pixels do not make {n} images of {sampleLength} pixels (one per intended label)", nameof(generatedImages));
        for (var i = 0; i < n; i++)
        {
            if ((uint)intendedLabels[i] >= (uint)k)
                throw new ArgumentException($"intended label {intendedLabels[i]} of image {i} is outside [0, {k})", nameof(intendedLabels));
        }
        CheckLocals(locals);

        var outputs = Classifier.Outputs(generatedImages, n, cancellationToken);
        var fid = Metrics.Fid.FromStatistics(GaussianStatistics.Of(outputs.Features), ReferenceStatistics);
        var inception = InceptionScore.FromProbabilities(outputs.Probabilities);
        var coverage = ClassCoverage.FromLabels(intendedLabels, outputs.PredictedLabels(), k, Options.CoverageThreshold);

        var localResults = locals is { Count: > 0 } ? LocalFids(outputs.Features, intendedLabels, locals, cancellationToken) : [];
        var evaluated = localResults.Where(l => l.Fid is not null).ToArray();
        double? mean = null, max = null;
        int? worst = null;
        if (evaluated.Length > 0)
        {
            var summary = LocalFid.Summarize(evaluated.Select(l => l.Fid!.Value).ToArray());
            (mean, max, worst) = (summary.Mean, summary.Max, evaluated[summary.MaxIndex].Device);
        }
        return new FidelityReport(fid, inception, coverage.CoveredClasses / (double)coverage.ClassCount, coverage.Accuracy, coverage,
            mean, max, worst, localResults);
    }

    /// <summary>
    /// As <see cref="Evaluate(float[], int[], IReadOnlyList{LocalReference}?, CancellationToken)"/>, with each device's
    /// real data given as images (e.g. data that drifted away from the training set: shifted pixels, other classes)
    /// instead of indices into the device data. Their features are computed at every call (not cached).
    /// </summary>
    public FidelityReport Evaluate(float[] generatedImages, int[] intendedLabels, IReadOnlyList<LocalImages> locals,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(locals);
        var seen = new HashSet<int>();
        var sampleLength = Classifier.Network.Input.Elements;
        foreach (var local in locals)
        {
            ArgumentNullException.ThrowIfNull(local, nameof(locals));
            if (!seen.Add(local.Device)) throw new ArgumentException($"device {local.Device} is given twice", nameof(locals));
            if (local.Images.Length != (long)local.Labels.Length * sampleLength)
                throw new ArgumentException($"device {local.Device}: {local.Images.Length} pixels do not make {local.Labels.Length} images of {sampleLength} pixels", nameof(locals));
            if (local.Labels.Any(label => (uint)label >= (uint)Classifier.ClassCount))
                throw new ArgumentException($"device {local.Device}: a label is outside [0, {Classifier.ClassCount})", nameof(locals));
        }
        var global = Evaluate(generatedImages, intendedLabels, (IReadOnlyList<LocalReference>?)null, cancellationToken);
        if (locals.Count == 0) return global;
        var generated = Classifier.Features(generatedImages, intendedLabels.Length);
        var results = locals.Select(local => local.Labels.Length < Options.MinimumLocalSamples
                ? new LocalFidResult(local.Device, local.Labels.Length, null, $"{local.Labels.Length} real samples, fewer than the minimum {Options.MinimumLocalSamples}")
                : LocalFidOf(local.Device, ClassConditionalMoments.Of(generated, intendedLabels, Classifier.ClassCount),
                    Classifier.Features(local.Images, local.Labels.Length), local.Labels))
            .ToArray();
        var evaluated = results.Where(l => l.Fid is not null).ToArray();
        if (evaluated.Length == 0) return global with { LocalFids = results };
        var summary = LocalFid.Summarize(evaluated.Select(l => l.Fid!.Value).ToArray());
        return global with
        {
            LocalFidMean = summary.Mean,
            LocalFidMax = summary.Max,
            LocalFidWorst = evaluated[summary.MaxIndex].Device,
            LocalFids = results,
        };
    }

    // Local FID of one device from its real features and labels against the generated pool reweighted to its classes.
    private LocalFidResult LocalFidOf(int device, ClassConditionalMoments moments, float[][] realFeatures, int[] realLabels)
    {
        var k = Classifier.ClassCount;
        var weights = new double[k];
        foreach (var label in realLabels) weights[label] += 1.0 / realLabels.Length;
        var starved = Enumerable.Range(0, k).FirstOrDefault(c => weights[c] > 0 && moments.Count(c) < 2, -1);
        if (starved >= 0)
            return new LocalFidResult(device, realLabels.Length, null,
                $"it holds class {starved}, for which {moments.Count(starved)} generated samples were given (2 needed)");
        return new LocalFidResult(device, realLabels.Length, Metrics.Fid.FromStatistics(moments.Mixture(weights), GaussianStatistics.Of(realFeatures)), null);
    }

    /// <summary>FID of <paramref name="count"/> images (as for <see cref="Evaluate"/>, N ≥ 2) against the reference set.</summary>
    public double Fid(float[] images, int count)
    {
        if (count < 2) throw new ArgumentException($"at least 2 images are needed to estimate a covariance, found {count}", nameof(count));
        return Metrics.Fid.FromStatistics(GaussianStatistics.Of(Classifier.Features(images, count)), ReferenceStatistics);
    }

    private void CheckLocals(IReadOnlyList<LocalReference>? locals)
    {
        if (locals is not { Count: > 0 }) return;
        if (_deviceData is null)
            throw new InvalidOperationException("local FID needs the device data set: pass deviceData to the FidelityEvaluator constructor");
        var seen = new HashSet<int>();
        foreach (var local in locals)
        {
            ArgumentNullException.ThrowIfNull(local, nameof(locals));
            ArgumentNullException.ThrowIfNull(local.SampleIndices, nameof(locals));
            if (!seen.Add(local.Device)) throw new ArgumentException($"device {local.Device} is given twice", nameof(locals));
            foreach (var index in local.SampleIndices)
            {
                if ((uint)index >= (uint)_deviceData.Count)
                    throw new ArgumentException($"device {local.Device}: sample index {index} is outside the device data [0, {_deviceData.Count})", nameof(locals));
            }
        }
    }

    private LocalFidResult[] LocalFids(float[][] generatedFeatures, int[] intendedLabels, IReadOnlyList<LocalReference> locals,
        CancellationToken cancellationToken)
    {
        var data = _deviceData!;
        var k = Classifier.ClassCount;
        var moments = ClassConditionalMoments.Of(generatedFeatures, intendedLabels, k);
        var minimum = Options.MinimumLocalSamples;
        var eligible = locals.Where(l => l.SampleIndices.Length >= minimum).ToArray();
        var rows = DeviceFeatures(eligible.SelectMany(l => l.SampleIndices), cancellationToken);

        var results = new LocalFidResult[locals.Count];
        var weights = new double[k];
        for (var i = 0; i < locals.Count; i++)
        {
            var local = locals[i];
            var count = local.SampleIndices.Length;
            if (count < minimum)
            {
                results[i] = Skipped(local, $"{count} real samples, fewer than the minimum {minimum}");
                continue;
            }
            Array.Clear(weights);
            foreach (var index in local.SampleIndices) weights[data.Label(index)] += 1.0 / count;
            var starved = Enumerable.Range(0, k).FirstOrDefault(c => weights[c] > 0 && moments.Count(c) < 2, -1);
            if (starved >= 0)
            {
                results[i] = Skipped(local, $"it holds class {starved}, for which {moments.Count(starved)} generated samples were given (2 needed)");
                continue;
            }
            var real = GaussianStatistics.Of(local.SampleIndices.Select(index => rows[index]!).ToArray());
            var fid = Metrics.Fid.FromStatistics(moments.Mixture(weights), real);
            results[i] = new LocalFidResult(local.Device, count, fid, null);
        }
        return results;
    }

    private static LocalFidResult Skipped(LocalReference local, string reason) =>
        new(local.Device, local.SampleIndices.Length, null, reason);

    /// <summary>
    /// Features of the device data at <paramref name="indices"/>, computing the rows not yet cached. Rows are computed a
    /// whole block of <see cref="ReferenceForward.BatchSize"/> consecutive images at a time (the block of any row first
    /// needed), so every row always comes out of the same forward batch: a row's features can differ in their last bits
    /// with the batch they are computed in, and without this they would depend on which devices were measured before —
    /// a resumed run, whose cache starts empty, would then report other local FIDs than the uninterrupted run.
    /// </summary>
    private float[]?[] DeviceFeatures(IEnumerable<int> indices, CancellationToken cancellationToken)
    {
        var cache = _deviceFeatures!;
        const int block = ReferenceForward.BatchSize;
        lock (_deviceFeaturesLock)
        {
            var blocks = indices.Where(i => cache[i] is null).Select(i => i / block).Distinct().Order().ToArray();
            if (blocks.Length > 0)
            {
                // Ascending whole blocks in one call: its forward batches are exactly the blocks (only the data set's
                // last block can be short, and it comes last).
                var rows = blocks.SelectMany(b => Enumerable.Range(b * block, Math.Min(block, cache.Length - b * block))).ToArray();
                var features = Classifier.Outputs(_deviceData!, rows, cancellationToken).Features;
                for (var j = 0; j < rows.Length; j++) cache[rows[j]] = features[j];
            }
        }
        return cache;
    }
}
