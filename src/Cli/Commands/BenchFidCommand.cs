using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using FgsActors.Models.Data;
using FgsActors.Models.Fidelity;
using FgsActors.Models.Torch;

namespace FgsActors.Cli.Commands;

/// <summary>
/// <c>fgs bench fid</c>: a sanity check of the fidelity metrics with the reference classifier — FID against the
/// Fashion-MNIST training set, the Inception-style score and class coverage of sets whose quality is known: a
/// training subset (the finite-sample floor), the test set (real data never trained on), blurred and noised training
/// images (degraded real data) and uniform noise (no data at all). FID should grow and IS fall down that list.
/// Prints where the reference classifier came from, its hash and test accuracy, then one markdown table row per set.
/// </summary>
public static class BenchFidCommand
{
    /// <summary>Default images per set (the whole Fashion-MNIST test set).</summary>
    public const int DefaultSamples = 10_000;

    // Two strengths of each degradation, to show FID growing with the strength (Heusel et al. 2017, Fig. 2).
    private static readonly double[] BlurSigmas = [0.5, 1.0];
    private static readonly double[] NoiseSigmas = [0.1, 0.3];

    /// <summary>One compared set: images (N × H × W) with the class each is meant to show.</summary>
    private sealed record BenchSet(string Name, float[] Images, int[] Labels);

    public static Command Create(CliContext cli)
    {
        var samples = new Option<int>("--samples")
        {
            Description = "images per compared set, 2 to 10,000 (10,000 = the whole test set)",
            DefaultValueFactory = _ => DefaultSamples,
        };
        var data = new Option<string>("--data") { Description = "Fashion-MNIST directory", DefaultValueFactory = _ => FashionMnist.DefaultDirectory };
        var cache = new Option<string>("--cache")
        {
            Description = "reference-classifier cache directory (what fgs.generative.reference-cache sets in a run)",
            DefaultValueFactory = _ => ReferenceClassifier.DefaultCacheDirectory(),
        };
        var seed = new Option<ulong>("--seed") { Description = "seed of the training subset and of the noise", DefaultValueFactory = _ => 1 };
        var command = new Command("fid", "FID / IS / coverage of real, degraded and noise images against the Fashion-MNIST training set; prints a markdown table")
        {
            samples, data, cache, seed,
        };
        command.SetAction(parse => cli.Guard(() =>
        {
            var n = parse.GetValue(samples);
            if (n < 2 || n > DefaultSamples)
                throw new UsageException($"--samples: expected an integer from 2 to {DefaultSamples} (the test set's size), found {n}");
            var cacheDirectory = parse.GetValue(cache)!;
            if (string.IsNullOrWhiteSpace(cacheDirectory)) throw new UsageException("--cache: expected a directory, found an empty string");
            var noiseSeed = parse.GetValue(seed);
            TorchNative.EnsureLoaded();
            var (train, test) = FashionMnist.Load(parse.GetValue(data)!);

            var load = ReferenceClassifier.LoadOrTrain(train, cacheDirectory);
            var classifier = load.Classifier;
            cli.Out.WriteLine($"# reference classifier: {classifier.Network.Name}, {classifier.FeatureDimension}-d features, {load.Message}");
            cli.Out.WriteLine($"# key {classifier.Key[..16]}…, weights sha256 {classifier.Hash}");
            var watch = Stopwatch.StartNew();
            var accuracy = classifier.Accuracy(test);
            cli.Out.WriteLine($"# test accuracy {Fixed(accuracy, 4)} ({test.Count:N0} images, {Fixed(watch.Elapsed.TotalSeconds, 1)} s)");
            watch.Restart();
            var evaluator = new FidelityEvaluator(classifier, train);
            cli.Out.WriteLine($"# FID reference: the training set, {train.Count:N0} images ({Fixed(watch.Elapsed.TotalSeconds, 1)} s for its features)");

            var sets = Sets(train, test, n, noiseSeed);
            // A generator's samples join here as one more BenchSet (its images and intended labels) once the
            // generative models can produce them; the table and its columns stay as they are.
            cli.Out.WriteLine();
            cli.Out.WriteLine("| set | images | FID vs train | IS | covered classes | conditional accuracy | seconds |");
            cli.Out.WriteLine("|---|---|---|---|---|---|---|");
            foreach (var set in sets)
            {
                watch.Restart();
                var report = evaluator.Evaluate(set.Images, set.Labels);
                cli.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {set.Name} | {set.Labels.Length:N0} | {Fixed(report.Fid, 3)} | {Fixed(report.InceptionScore, 2)} | {report.Classes.CoveredClasses}/{report.Classes.ClassCount} | {Fixed(report.ConditionalAccuracy, 3)} | {Fixed(watch.Elapsed.TotalSeconds, 1)} |"));
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static List<BenchSet> Sets(ImageDataset train, ImageDataset test, int n, ulong seed)
    {
        var trainPick = Pick(train.Count, n, seed);
        var testPick = Pick(test.Count, n, seed + 1);
        var trainImages = train.Batch(trainPick);
        var trainLabels = trainPick.Select(train.Label).ToArray();
        var height = train.Height;
        var width = train.Width;
        return
        [
            new("train subset (floor)", trainImages, trainLabels),
            new("test", test.Batch(testPick), testPick.Select(test.Label).ToArray()),
            .. BlurSigmas.Select(sigma => new BenchSet($"train subset, Gaussian blur σ = {Fixed(sigma, 1)} px",
                ImagePerturbations.GaussianBlur(trainImages, height, width, sigma), trainLabels)),
            .. NoiseSigmas.Select(sigma => new BenchSet($"train subset + Gaussian noise σ = {Fixed(sigma, 1)}",
                ImagePerturbations.AddGaussianNoise(trainImages, sigma, seed), trainLabels)),
            new("uniform noise U[0, 1)", ImagePerturbations.UniformNoise(n, height, width, seed), Enumerable.Range(0, n).Select(i => i % train.Classes).ToArray()),
        ];
    }

    /// <summary><paramref name="n"/> distinct indices of [0, <paramref name="count"/>) in a seeded random order (all of them, in order, when n = count).</summary>
    private static int[] Pick(int count, int n, ulong seed)
    {
        var all = Enumerable.Range(0, count).ToArray();
        if (n == count) return all;
        new Models.Randomness.Xoshiro256StarStar(seed).Shuffle(all.AsSpan());
        return all[..n];
    }

    private static string Fixed(double value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
