using FgsActors.Models.Fidelity;
using FgsActors.Models.Metrics;
using Xunit;

namespace FgsActors.Models.Tests.Fidelity;

/// <summary>The class-reweighted statistics behind local FID, against hand-computed values and the plain estimators.</summary>
public sealed class ClassConditionalMomentsTests
{
    [Fact]
    public void Equal_weights_on_unequal_classes_give_the_hand_computed_reliability_weighted_variance()
    {
        // Class 0: {0, 2}; class 1: {10, 12, 14}. Weights ½, ½ → u = ¼ on class 0's samples, ⅙ on class 1's.
        // μ = ½·1 + ½·12 = 6.5; Σu(x − μ)² = ¼(42.25 + 20.25) + ⅙(12.25 + 30.25 + 56.25) = 385/12;
        // Σu² = 2/16 + 3/36 = 5/24; variance = (385/12) / (19/24) = 770/19.
        float[][] features = [[0], [10], [2], [12], [14]];
        int[] labels = [0, 1, 0, 1, 1];

        var mixture = ClassConditionalMoments.Of(features, labels, 2).Mixture([0.5, 0.5]);

        Assert.Equal(6.5, mixture.Mean[0], 12);
        Assert.Equal(770.0 / 19.0, mixture.Covariance(0, 0), 12);
        Assert.Equal(5, mixture.Count);
    }

    [Fact]
    public void Weights_proportional_to_the_class_sizes_give_the_ordinary_sample_statistics()
    {
        var random = new Random(3);
        var features = Enumerable.Range(0, 60).Select(_ => new[] { (float)random.NextDouble(), (float)(3 * random.NextDouble()), (float)random.NextDouble() }).ToArray();
        var labels = Enumerable.Range(0, 60).Select(i => i % 7 == 0 ? 2 : i % 3 == 0 ? 1 : 0).ToArray();
        var sizes = Enumerable.Range(0, 3).Select(c => labels.Count(l => l == c) / 60.0).ToArray();

        var mixture = ClassConditionalMoments.Of(features, labels, 3).Mixture(sizes);
        var plain = GaussianStatistics.Of(features);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(plain.Mean[i], mixture.Mean[i], 12);
            for (var j = 0; j < 3; j++) Assert.Equal(plain.Covariance(i, j), mixture.Covariance(i, j), 12);
        }
    }

    [Fact]
    public void One_class_alone_gives_that_class_s_sample_statistics()
    {
        float[][] features = [[1, 5], [3, 1], [100, 100], [2, 4]];
        int[] labels = [1, 1, 0, 1];

        var mixture = ClassConditionalMoments.Of(features, labels, 2).Mixture([0.0, 1.0]);
        var plain = GaussianStatistics.Of(new float[][] { [1, 5], [3, 1], [2, 4] });

        Assert.Equal(plain.MeanToArray(), mixture.MeanToArray());
        Assert.Equal(plain.Covariance(0, 1), mixture.Covariance(0, 1), 12);
        Assert.Equal(plain.Covariance(1, 1), mixture.Covariance(1, 1), 12);
    }

    [Fact]
    public void A_weighted_class_needs_two_samples_and_weights_must_sum_to_one()
    {
        float[][] features = [[1], [2], [3]];
        var moments = ClassConditionalMoments.Of(features, [0, 0, 1], 2);

        Assert.Contains("at least 2", Assert.Throws<ArgumentException>(() => moments.Mixture([0.5, 0.5])).Message);
        Assert.Contains("sum to", Assert.Throws<ArgumentException>(() => moments.Mixture([0.5, 0.0])).Message);
        Assert.Throws<ArgumentException>(() => moments.Mixture([1.0]));
    }
}
