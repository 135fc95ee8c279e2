using System.Buffers.Binary;
using System.Diagnostics;
using System.Security.Cryptography;
using FgsActors.Models.Data;
using FgsActors.Models.Federated;
using FgsActors.Models.Learning;
using FgsActors.Models.Randomness;

namespace FgsActors.Models.Fidelity;

/// <summary>
/// The network that judges generated images: a classifier trained once on the real training set (by default
/// LeNet-5 on Fashion-MNIST, <see cref="ReferenceRecipe.Default"/>), whose penultimate activations are the feature
/// vectors of FID and whose softmax outputs feed the Inception-style score and class coverage — the role Inception-v3
/// plays for ImageNet-scale FID (Heusel et al., NeurIPS 2017), scaled to 28×28 grey images.
/// <para>
/// Training is deterministic (<see cref="LocalTrainer"/>: fixed seed, one intra-op thread), so the weights are a
/// function of the recipe and the data; <see cref="LoadOrTrain(ImageDataset, string, ReferenceRecipe?, CancellationToken)"/>
/// keeps them in a cache directory under a key over both (<see cref="ReferenceCacheKey"/>, file format
/// <see cref="ReferenceCacheFile"/>) and reuses them across runs. Values computed with different reference
/// classifiers are not comparable: report <see cref="Hash"/> with them.
/// </para>
/// <para>
/// Immutable and thread-safe: every computing method builds its own modules on the calling thread
/// (<see cref="ReferenceForward"/>), so evaluations may run concurrently, e.g. on the trainer pool.
/// </para>
/// </summary>
public sealed class ReferenceClassifier
{
    /// <summary>The cache directory's name under the user's cache directory.</summary>
    public const string CacheDirectoryName = "fgs-actors";

    private readonly float[] _weights;

    internal ReferenceClassifier(ReferenceRecipe recipe, float[] weights, byte[] key)
    {
        if (weights.Length != recipe.Network.ParameterCount)
            throw new ArgumentException($"weights hold {weights.Length} floats, {recipe.Network.Name} has {recipe.Network.ParameterCount} parameters", nameof(weights));
        Recipe = recipe;
        _weights = weights;
        Key = Convert.ToHexStringLower(key);
        Hash = Convert.ToHexStringLower(WeightsDigest(weights));
    }

    /// <summary>How the classifier was trained.</summary>
    public ReferenceRecipe Recipe { get; }

    /// <summary>The network.</summary>
    public NetworkSpec Network => Recipe.Network;

    /// <summary>Length of a feature vector (84 for LeNet-5).</summary>
    public int FeatureDimension => Recipe.FeatureDimension;

    /// <summary>Number of classes K.</summary>
    public int ClassCount => Recipe.Network.Classes;

    /// <summary>The cache key (64 hex digits): SHA-256 over the recipe and the training data.</summary>
    public string Key { get; }

    /// <summary>SHA-256 of the weights (float32 little-endian, 64 hex digits): identifies the classifier in reports.</summary>
    public string Hash { get; }

    /// <summary>A copy of the flat weights.</summary>
    public float[] CopyWeights() => (float[])_weights.Clone();

    /// <summary>
    /// <c>$XDG_CACHE_HOME/fgs-actors</c> when XDG_CACHE_HOME is set to an absolute path (the XDG base-directory
    /// specification ignores relative ones), else <c>~/.cache/fgs-actors</c>.
    /// </summary>
    public static string DefaultCacheDirectory()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg))
            return Path.Combine(xdg, CacheDirectoryName);
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (string.IsNullOrEmpty(home)) home = Path.GetTempPath();
        return Path.Combine(home, ".cache", CacheDirectoryName);
    }

    /// <summary>
    /// The classifier of <paramref name="recipe"/> (default <see cref="ReferenceRecipe.Default"/>) trained on
    /// <paramref name="train"/>, from <paramref name="cacheDirectory"/> when a valid file for its key is there,
    /// otherwise trained and saved there (atomically, overwriting an unusable file). The result says which.
    /// A failure to save is reported in <see cref="ReferenceLoadResult.WriteError"/>, not thrown.
    /// </summary>
    public static ReferenceLoadResult LoadOrTrain(ImageDataset train, string cacheDirectory, ReferenceRecipe? recipe = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentException.ThrowIfNullOrWhiteSpace(cacheDirectory);
        recipe ??= ReferenceRecipe.Default;
        CheckData(train, recipe, nameof(train));
        var key = ReferenceCacheKey.Compute(recipe, train);
        var path = Path.Combine(cacheDirectory, ReferenceCacheFile.FileName(key));
        var cached = ReferenceCacheFile.TryRead(path, key, recipe.Network.ParameterCount, out var problem);
        if (cached is not null)
            return new ReferenceLoadResult(new ReferenceClassifier(recipe, cached, key), ReferenceCacheStatus.Loaded, path, null, null, TimeSpan.Zero);

        var watch = Stopwatch.StartNew();
        var weights = TrainWeights(train, recipe, cancellationToken);
        var elapsed = watch.Elapsed;
        string? writeError = null;
        try
        {
            ReferenceCacheFile.Write(path, key, weights);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            writeError = e.Message;
        }
        var status = problem is null ? ReferenceCacheStatus.Trained : ReferenceCacheStatus.Retrained;
        return new ReferenceLoadResult(new ReferenceClassifier(recipe, weights, key), status, path, problem, writeError, elapsed);
    }

    /// <summary>The default recipe from the cache or trained; <paramref name="trained"/> says whether it was trained now.</summary>
    public static ReferenceClassifier LoadOrTrain(ImageDataset train, string cacheDirectory, out bool trained)
    {
        var result = LoadOrTrain(train, cacheDirectory);
        trained = result.Trained;
        return result.Classifier;
    }

    /// <summary>Trains <paramref name="recipe"/> on <paramref name="train"/> without touching any cache.</summary>
    public static ReferenceClassifier Train(ImageDataset train, ReferenceRecipe? recipe = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        recipe ??= ReferenceRecipe.Default;
        CheckData(train, recipe, nameof(train));
        return new ReferenceClassifier(recipe, TrainWeights(train, recipe, cancellationToken), ReferenceCacheKey.Compute(recipe, train));
    }

    /// <summary>
    /// Feature vectors and class probabilities of <paramref name="count"/> images given as pixels in [0, 1],
    /// count × C × H × W (the network's input shape), every value finite.
    /// </summary>
    public ReferenceOutputs Outputs(float[] images, int count, CancellationToken cancellationToken = default)
    {
        CheckImages(images, count, Network.Input.Elements);
        var length = Network.Input.Elements;
        return ReferenceForward.Run(Recipe, _weights, count,
            (start, n, destination) => images.AsSpan(start * length, n * length).CopyTo(destination), cancellationToken);
    }

    /// <summary>Feature vectors and class probabilities of the images of <paramref name="data"/> at <paramref name="indices"/> (all when null), in that order.</summary>
    public ReferenceOutputs Outputs(ImageDataset data, int[]? indices = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        CheckData(data, Recipe, nameof(data));
        var order = indices ?? Enumerable.Range(0, data.Count).ToArray();
        foreach (var index in order)
        {
            if ((uint)index >= (uint)data.Count)
                throw new ArgumentOutOfRangeException(nameof(indices), index, $"image index must be in [0, {data.Count})");
        }
        return ReferenceForward.Run(Recipe, _weights, order.Length,
            (start, n, destination) => data.CopyBatch(order.AsSpan(start, n), destination), cancellationToken);
    }

    /// <summary>The feature vectors (penultimate activations) of <paramref name="count"/> images; see <see cref="Outputs(float[], int, CancellationToken)"/>.</summary>
    public float[][] Features(float[] images, int count) => Outputs(images, count).Features;

    /// <summary>The softmax class probabilities of <paramref name="count"/> images; see <see cref="Outputs(float[], int, CancellationToken)"/>.</summary>
    public double[][] Probabilities(float[] images, int count) => Outputs(images, count).Probabilities;

    /// <summary>Fraction of <paramref name="test"/> classified as labelled (<see cref="Evaluator"/>).</summary>
    public double Accuracy(ImageDataset test)
    {
        ArgumentNullException.ThrowIfNull(test);
        CheckData(test, Recipe, nameof(test));
        if (test.Count == 0) throw new ArgumentException("the test set is empty", nameof(test));
        return Evaluator.Evaluate(_weights, Network, new ImageBatchSource(test), ReferenceForward.BatchSize).Accuracy;
    }

    private static float[] TrainWeights(ImageDataset train, ReferenceRecipe recipe, CancellationToken cancellationToken)
    {
        if (train.Count == 0) throw new ArgumentException("the training set is empty", nameof(train));
        var weights = recipe.Network.InitialWeights(recipe.Seed);
        var source = new ImageBatchSource(train);
        var all = Enumerable.Range(0, train.Count).ToArray();
        for (var phase = 0; phase < recipe.Schedule.Count; phase++)
        {
            // Each phase shuffles with its own stream, unrelated to the one the initial weights drew from.
            var job = new TrainingJob(recipe.Network, weights, source, all, recipe.Schedule[phase], SplitMix64.Mix(recipe.Seed + (ulong)phase + 1));
            var delta = LocalTrainer.Train(job, cancellationToken).Delta;
            for (var i = 0; i < delta.Length; i++)
                delta[i] += weights[i];
            weights = delta;
        }
        return weights;
    }

    private static void CheckData(ImageDataset data, ReferenceRecipe recipe, string paramName)
    {
        var input = recipe.Network.Input;
        if (input.Channels != 1 || data.Height != input.Height || data.Width != input.Width)
            throw new ArgumentException($"images are 1×{data.Height}×{data.Width}, network {recipe.Network.Name} takes {input}", paramName);
        if (data.Classes != recipe.Network.Classes)
            throw new ArgumentException($"the data set has {data.Classes} classes, network {recipe.Network.Name} has {recipe.Network.Classes}", paramName);
    }

    private static void CheckImages(float[] images, int count, int sampleLength)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (images.Length != (long)count * sampleLength)
            throw new ArgumentException($"{images.Length} pixels do not make {count} images of {sampleLength} pixels", nameof(images));
        for (var i = 0; i < images.Length; i++)
        {
            if (!float.IsFinite(images[i]))
                throw new ArgumentException($"pixel {i % sampleLength} of image {i / sampleLength} is {images[i]}, expected a finite number", nameof(images));
        }
    }

    private static byte[] WeightsDigest(float[] weights)
    {
        var bytes = new byte[4 * weights.Length];
        for (var i = 0; i < weights.Length; i++)
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(4 * i), weights[i]);
        return SHA256.HashData(bytes);
    }
}
