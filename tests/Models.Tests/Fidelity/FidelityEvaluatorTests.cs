using FgsActors.Models.Data;
using FgsActors.Models.Fidelity;
using FgsActors.Models.Metrics;
using Xunit;

namespace FgsActors.Models.Tests.Fidelity;

/// <summary>
/// <see cref="FidelityEvaluator"/> with a LeNet-5 trained on the synthetic task: FID of a set against itself, FID as
/// images are degraded, IS and coverage of correctly classified real images, local FID and its skip rules, and
/// argument checks.
/// </summary>
public sealed class FidelityEvaluatorTests
{
    private static readonly Lazy<FidelityEvaluator> AgainstTest = new(() =>
        new FidelityEvaluator(FidelityFixture.Classifier, FidelityFixture.Test, FidelityFixture.Train));

    [Fact]
    public void A_set_scored_against_itself_has_fid_zero()
    {
        var (images, labels) = FidelityFixture.All(FidelityFixture.Test);

        var report = AgainstTest.Value.Evaluate(images, labels);

        Assert.InRange(report.Fid, 0, 1e-6 * TraceOf(AgainstTest.Value.ReferenceStatistics));
        Assert.Equal(400, report.Samples);
        Assert.Equal(400, AgainstTest.Value.ReferenceCount);
        Assert.Equal(0, AgainstTest.Value.Fid(images, 400), 6);
    }

    [Fact]
    public void Fid_grows_as_the_images_move_away_from_the_reference()
    {
        var (images, labels) = FidelityFixture.All(FidelityFixture.Test);
        var other = FidelityFixture.All(SyntheticImages.Generate(400, seed: 3));
        var evaluator = AgainstTest.Value;

        var sameTask = evaluator.Evaluate(other.Images, other.Labels).Fid;
        var blurred = evaluator.Evaluate(ImagePerturbations.GaussianBlur(images, 28, 28, 1.0), labels).Fid;
        var moreBlurred = evaluator.Evaluate(ImagePerturbations.GaussianBlur(images, 28, 28, 2.0), labels).Fid;
        var noise = evaluator.Evaluate(ImagePerturbations.UniformNoise(400, 28, 28, seed: 1), labels).Fid;

        Assert.True(sameTask > 0);
        Assert.True(blurred > 2 * sameTask, $"blur σ=1: {blurred}, another sample of the task: {sameTask}");
        Assert.True(moreBlurred > blurred, $"blur σ=2: {moreBlurred}, σ=1: {blurred}");
        Assert.True(noise > moreBlurred, $"noise: {noise}, blur σ=2: {moreBlurred}");
    }

    [Fact]
    public void Correctly_classified_images_of_every_class_cover_all_classes_with_full_accuracy()
    {
        var test = FidelityFixture.Test;
        var predicted = FidelityFixture.Classifier.Outputs(test).PredictedLabels();
        var correct = Enumerable.Range(0, test.Count).Where(i => predicted[i] == test.Label(i)).ToArray();

        var report = AgainstTest.Value.Evaluate(test.Batch(correct), correct.Select(test.Label).ToArray());

        Assert.Equal(1.0, report.Coverage);
        Assert.Equal(10, report.Classes.CoveredClasses);
        Assert.Equal(1.0, report.ConditionalAccuracy);
        Assert.InRange(report.InceptionScore, 5, 10); // balanced, confident: near K = 10
        Assert.Null(report.LocalFidMean);
        Assert.Empty(report.LocalFids);
    }

    [Fact]
    public void One_class_images_cover_one_class_and_score_an_is_near_one()
    {
        var test = FidelityFixture.Test;
        var ones = Enumerable.Range(0, test.Count).Where(i => test.Label(i) == 1).ToArray();

        var report = AgainstTest.Value.Evaluate(test.Batch(ones), ones.Select(_ => 1).ToArray());

        Assert.Equal(0.1, report.Coverage, 12);
        Assert.InRange(report.InceptionScore, 1, 1.5);
    }

    [Fact]
    public void Local_fid_skips_small_devices_and_devices_holding_a_class_that_was_not_generated()
    {
        var train = FidelityFixture.Train;
        var test = FidelityFixture.Test;
        var notClass2 = Enumerable.Range(0, test.Count).Where(i => test.Label(i) != 2).ToArray();
        int[] Of(params int[] classes) => Enumerable.Range(0, train.Count).Where(i => classes.Contains(train.Label(i))).ToArray();
        LocalReference[] locals =
        [
            new(7, Of(0, 1)),
            new(3, Of(4)[..9]),   // 9 < the minimum of 10
            new(9, Of(2, 5)),     // class 2 has no generated sample
            new(4, Of(3, 6, 8)),
        ];

        var report = AgainstTest.Value.Evaluate(test.Batch(notClass2), notClass2.Select(test.Label).ToArray(), locals);

        Assert.Equal([7, 3, 9, 4], report.LocalFids.Select(l => l.Device));
        Assert.Equal(2, report.LocalFidEvaluated);
        Assert.Equal(2, report.LocalFidSkipped);
        Assert.Contains("9 real samples, fewer than the minimum 10", report.LocalFids[1].SkipReason);
        Assert.Contains("class 2", report.LocalFids[2].SkipReason);
        Assert.Null(report.LocalFids[2].Fid);
        var fids = new[] { report.LocalFids[0].Fid!.Value, report.LocalFids[3].Fid!.Value };
        Assert.Equal(fids.Average(), report.LocalFidMean!.Value, 12);
        Assert.Equal(fids.Max(), report.LocalFidMax);
        Assert.Equal(fids[0] >= fids[1] ? 7 : 4, report.LocalFidWorst);
    }

    [Fact]
    public void Local_fid_of_a_one_class_device_is_the_fid_between_that_class_s_generated_and_real_images()
    {
        var train = FidelityFixture.Train;
        var test = FidelityFixture.Test;
        var device = Enumerable.Range(0, train.Count).Where(i => train.Label(i) == 6).ToArray();
        var classifier = FidelityFixture.Classifier;

        var report = AgainstTest.Value.Evaluate(test.Batch(Enumerable.Range(0, test.Count).ToArray()),
            Enumerable.Range(0, test.Count).Select(test.Label).ToArray(), [new LocalReference(12, device)]);

        var generatedSix = Enumerable.Range(0, test.Count).Where(i => test.Label(i) == 6).ToArray();
        var expected = Fid.FromFeatures(classifier.Outputs(test, generatedSix).Features, classifier.Outputs(train, device).Features);
        Assert.Equal(expected, report.LocalFids[0].Fid!.Value, 9);
        Assert.Equal(12, report.LocalFidWorst);
        Assert.Equal(device.Length, report.LocalFids[0].RealSamples);
    }

    [Fact]
    public void A_higher_minimum_skips_every_device_and_leaves_the_summary_empty()
    {
        var evaluator = new FidelityEvaluator(FidelityFixture.Classifier, FidelityFixture.Test, FidelityFixture.Train, new FidelityOptions(minimumLocalSamples: 1000));
        var (images, labels) = FidelityFixture.All(FidelityFixture.Test);

        var report = evaluator.Evaluate(images, labels, [new LocalReference(1, Enumerable.Range(0, 500).ToArray())]);

        Assert.Equal(1, report.LocalFidSkipped);
        Assert.Null(report.LocalFidMean);
        Assert.Null(report.LocalFidMax);
        Assert.Null(report.LocalFidWorst);
    }

    [Fact]
    public void Bad_arguments_are_rejected_with_a_reason()
    {
        var evaluator = AgainstTest.Value;
        var two = new float[2 * 784];

        Assert.Contains("at least 2", Assert.Throws<ArgumentException>(() => evaluator.Evaluate(new float[784], [0])).Message);
        Assert.Contains("do not make", Assert.Throws<ArgumentException>(() => evaluator.Evaluate(two, [0, 1, 2])).Message);
        Assert.Contains("outside [0, 10)", Assert.Throws<ArgumentException>(() => evaluator.Evaluate(two, [0, 10])).Message);
        Assert.Contains("given twice", Assert.Throws<ArgumentException>(() =>
            evaluator.Evaluate(two, [0, 1], [new LocalReference(1, [0, 1]), new LocalReference(1, [2, 3])])).Message);
        Assert.Contains("outside the device data", Assert.Throws<ArgumentException>(() =>
            evaluator.Evaluate(two, [0, 1], [new LocalReference(1, [500])])).Message);
        var withoutDevices = new FidelityEvaluator(FidelityFixture.Classifier, FidelityFixture.Test);
        Assert.Contains("deviceData", Assert.Throws<InvalidOperationException>(() =>
            withoutDevices.Evaluate(two, [0, 1], [new LocalReference(1, [0, 1])])).Message);
        Assert.Throws<ArgumentException>(() => new FidelityEvaluator(FidelityFixture.Classifier, FidelityFixture.Test.Subset([0])));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FidelityOptions(minimumLocalSamples: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FidelityOptions(coverageThreshold: 0));
    }

    private static double TraceOf(GaussianStatistics statistics) =>
        Enumerable.Range(0, statistics.Dimension).Sum(i => statistics.Covariance(i, i));
}
