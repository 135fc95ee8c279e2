using FgsActors.Models.Data;
using FgsActors.Models.Federated;
using FgsActors.Models.Fidelity;
using FgsActors.Models.Learning;
using FgsActors.Simulation.Configuration;

namespace FgsActors.Cli.Hosting;

/// <summary>
/// The fidelity judge of a run: the reference classifier (loaded from fgs.generative.reference-cache, or trained once
/// and cached) and a <see cref="FidelityEvaluator"/> against the run's test set. Local data that is a plain shard of
/// the training set is passed as indices (their features are cached across evaluations); drifted data is copied out
/// as images.
/// </summary>
public sealed class ReferenceJudge : IFidelityJudge
{
    private readonly FidelityEvaluator _evaluator;
    private readonly ImageDataset _train;

    private ReferenceJudge(FidelityEvaluator evaluator, ImageDataset train, ReferenceLoadResult load)
    {
        _evaluator = evaluator;
        _train = train;
        Load = load;
    }

    /// <summary>How the reference classifier was obtained (loaded, trained, retrained) and where it is cached.</summary>
    public ReferenceLoadResult Load { get; }

    /// <summary>SHA-256 of the reference classifier's weights: fidelity figures are comparable only under the same one.</summary>
    public string ClassifierHash => Load.Classifier.Hash;

    /// <summary>
    /// Loads or trains the reference classifier on the whole training set of fgs.data (not a train-samples subset, so
    /// that every study of a data set shares one reference) and prepares the evaluator over <paramref name="test"/>.
    /// </summary>
    public static ReferenceJudge Create(FgsSettings settings, ImageDataset train, ImageDataset test)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var full = settings.Data.Dataset == DatasetKind.FashionMnist && settings.Data.TrainSamples is not null
            ? FashionMnist.Load(settings.Data.FashionMnistDir).Train
            : train;
        var cache = settings.Generative.ReferenceCache.Length > 0 ? settings.Generative.ReferenceCache : ReferenceClassifier.DefaultCacheDirectory();
        var load = ReferenceClassifier.LoadOrTrain(full, cache);
        return new ReferenceJudge(new FidelityEvaluator(load.Classifier, test, train), train, load);
    }

    public GeneratorFidelity Judge(float[] images, int[] labels, IReadOnlyList<LocalData> locals)
    {
        ArgumentNullException.ThrowIfNull(locals);
        var plain = locals.All(l => l.Data.Source is ImageBatchSource source && ReferenceEquals(source.Images, _train));
        var report = plain
            ? _evaluator.Evaluate(images, labels, locals.Select(l => new LocalReference(l.Device, l.Data.Indices)).ToArray())
            : _evaluator.Evaluate(images, labels, locals.Select(Copy).ToArray());
        return new GeneratorFidelity(report.Fid, report.InceptionScore, report.Coverage, report.ConditionalAccuracy,
            report.LocalFidMean, report.LocalFidMax, report.LocalFidEvaluated);
    }

    private static LocalImages Copy(LocalData local)
    {
        var source = local.Data.Source;
        var indices = local.Data.Indices;
        var pixels = new float[(long)indices.Length * source.Channels * source.Height * source.Width];
        var labels = new long[indices.Length];
        source.CopyBatch(indices, pixels, labels);
        return new LocalImages(local.Device, pixels, labels.Select(l => (int)l).ToArray());
    }
}
