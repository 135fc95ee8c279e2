using FgsActors.Models.Metrics;
using Xunit;

namespace FgsActors.Models.Tests.Metrics;

public sealed class ClassCoverageTests
{
    [Fact]
    public void Hand_case_from_labels()
    {
        // K = 4, two samples generated per class; the classifier sees 3× class 0, 1× class 1, 4× class 2, never 3.
        int[] intended = [0, 0, 1, 1, 2, 2, 3, 3];
        int[] predicted = [0, 0, 1, 0, 2, 2, 2, 2];

        var report = ClassCoverage.FromLabels(intended, predicted, classCount: 4);

        Assert.Equal(4, report.ClassCount);
        Assert.Equal(0.125, report.Threshold);
        Assert.Equal([3, 1, 4, 0], report.Classes.Select(c => c.Assigned));
        Assert.Equal([2, 2, 2, 2], report.Classes.Select(c => c.Intended));
        Assert.Equal([0.375, 0.125, 0.5, 0.0], report.Classes.Select(c => c.Share));
        Assert.Equal([1.0, 0.5, 1.0, 0.0], report.Classes.Select(c => c.ConditionalAccuracy));
        Assert.Equal([true, true, true, false], report.Classes.Select(c => c.Covered)); // 1/8 ≥ 1/8 counts
        Assert.Equal(3, report.CoveredClasses);
        Assert.Equal(5.0 / 8, report.Accuracy);
    }

    [Fact]
    public void Full_mode_collapse_covers_one_class()
    {
        int[] intended = [0, 1, 2, 0, 1, 2];
        var predicted = new int[6]; // everything looks like class 0

        var report = ClassCoverage.FromLabels(intended, predicted, classCount: 3);

        Assert.Equal(1, report.CoveredClasses);
        Assert.Equal([1.0, 0.0, 0.0], report.Classes.Select(c => c.Share));
        Assert.Equal([1.0, 0.0, 0.0], report.Classes.Select(c => c.ConditionalAccuracy));
    }

    [Fact]
    public void Threshold_is_configurable_and_classes_never_generated_have_no_accuracy()
    {
        int[] intended = [0, 0, 0, 1];
        int[] predicted = [0, 0, 1, 1];

        var report = ClassCoverage.FromLabels(intended, predicted, classCount: 3, threshold: 0.6);

        Assert.Equal(0.6, report.Threshold);
        Assert.Equal([false, false, false], report.Classes.Select(c => c.Covered)); // shares ½, ½, 0
        Assert.Equal(0, report.CoveredClasses);
        Assert.Null(report.Classes[2].ConditionalAccuracy);
        Assert.Equal(2.0 / 3, report.Classes[0].ConditionalAccuracy!.Value, 1e-15);
        Assert.Equal(1.0, report.Classes[1].ConditionalAccuracy);
        Assert.Equal(1.0 / 6, ClassCoverage.DefaultThreshold(3), 1e-15);
    }

    [Fact]
    public void Probabilities_are_assigned_to_the_most_probable_class_ties_to_the_lowest()
    {
        int[] intended = [0, 1, 2];
        double[][] probabilities = [[0.6, 0.3, 0.1], [0.45, 0.1, 0.45], [0.2, 0.3, 0.5]];

        var report = ClassCoverage.FromProbabilities(intended, probabilities);

        Assert.Equal([2, 0, 1], report.Classes.Select(c => c.Assigned));
        Assert.Equal([1.0, 0.0, 1.0], report.Classes.Select(c => c.ConditionalAccuracy));
        Assert.Equal(2, report.CoveredClasses);
    }

    [Fact]
    public void Bad_inputs_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => ClassCoverage.FromLabels([], [], 2));
        Assert.Throws<ArgumentException>(() => ClassCoverage.FromLabels([0, 1], [0], 2));
        Assert.Throws<ArgumentException>(() => ClassCoverage.FromLabels([0, 2], [0, 1], 2));
        Assert.Throws<ArgumentException>(() => ClassCoverage.FromLabels([0, 1], [0, -1], 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => ClassCoverage.FromLabels([0], [0], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ClassCoverage.FromLabels([0], [0], 2, threshold: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ClassCoverage.FromLabels([0], [0], 2, threshold: 1.5));
        Assert.Throws<ArgumentException>(() => ClassCoverage.FromProbabilities([0, 1], [[0.5, 0.5], [1.0]]));
        Assert.Throws<ArgumentException>(() => ClassCoverage.FromProbabilities([0], [[double.NaN, 0.5]]));
    }
}
