using FgsActors.Models.Federated;
using FgsActors.Models.Learning;

namespace FgsActors.Models.Tests.Federated;

/// <summary>
/// Drifting client data on a tiny in-memory set: 60 samples of 1×1×3 pixels (0.25, 0.5, 0.9), labels i mod 4, and 20
/// clients holding three consecutive samples each.
/// </summary>
public sealed class DriftingClientDataTests
{
    private const int Classes = 4;
    private const int ClientCount = 20;
    private const double At = 1_000;
    private static readonly float[] Pixels = [0.25f, 0.5f, 0.9f];

    private static readonly byte[] Labels = Enumerable.Range(0, 3 * ClientCount).Select(i => (byte)(i % Classes)).ToArray();
    private static readonly ArrayBatchSource Source = new(
        Enumerable.Range(0, Labels.Length).SelectMany(_ => Pixels).ToArray(),
        Labels.Select(l => (long)l).ToArray(),
        new FeatureShape(1, 1, Pixels.Length));
    private static readonly int[][] Shards = Enumerable.Range(0, ClientCount).Select(k => new[] { 3 * k, 3 * k + 1, 3 * k + 2 }).ToArray();

    private static DriftSettings Drift(double cohort = 0.5, int shift = 3, double contrast = 0.6, double brightness = 0.2) =>
        new(At, cohort, shift, contrast, brightness);

    private static DriftingClientData Data(DriftSettings? drift = null, ulong seed = 5) => new(Source, Labels, Classes, Shards, drift ?? Drift(), seed);

    private static (float[] Pixels, long[] Labels) Read(ClientData data)
    {
        var pixels = new float[data.Indices.Length * Pixels.Length];
        var labels = new long[data.Indices.Length];
        data.Source.CopyBatch(data.Indices, pixels, labels);
        return (pixels, labels);
    }

    [Fact]
    public void Before_the_change_every_client_holds_its_own_shard()
    {
        var data = Data(Drift(cohort: 1));

        Assert.Equal(ClientCount, data.Clients);
        for (var k = 0; k < ClientCount; k++)
        {
            foreach (var t in new[] { 0, At - 1e-6 })
            {
                var at = data.At(k, t);
                Assert.Same(Source, at.Source);
                Assert.Equal(Shards[k], at.Indices);
            }
            Assert.Equal(3, data.SamplesOf(k));
        }
    }

    [Fact]
    public void After_the_change_only_the_cohort_clients_data_change()
    {
        var data = Data();

        Assert.InRange(data.CohortSize, 1, ClientCount - 1);
        for (var k = 0; k < ClientCount; k++)
        {
            var after = data.At(k, At); // the change is in force from its instant on
            if (data.InCohort(k))
            {
                Assert.NotSame(Source, after.Source);
                Assert.NotEqual(Shards[k], after.Indices);
            }
            else
            {
                Assert.Same(Source, after.Source);
                Assert.Equal(Shards[k], after.Indices);
            }
            Assert.Equal(3, after.Indices.Length);
        }
    }

    [Fact]
    public void A_class_shift_of_three_turns_each_sample_of_class_c_into_one_of_class_c_plus_3_mod_C()
    {
        var data = Data(Drift(cohort: 1));

        for (var k = 0; k < ClientCount; k++)
        {
            var (_, labels) = Read(data.At(k, At + 5));
            var expected = Shards[k].Select(i => (long)((Labels[i] + 3) % Classes));
            Assert.Equal(expected, labels);
        }
    }

    [Fact]
    public void A_class_the_pool_lacks_keeps_the_original_sample()
    {
        // Classes 0 and 1 only, three classes: shift 1 maps 0 → 1 (present) and 1 → 2 (absent: kept).
        byte[] labels = [0, 1, 0, 1];
        var source = new ArrayBatchSource(new float[4], labels.Select(l => (long)l).ToArray(), new FeatureShape(1, 1, 1));
        var data = new DriftingClientData(source, labels, 3, [[0, 1, 2, 3]], new DriftSettings(0, 1, 1, 1, 0), 1);

        var after = data.At(0, 0);

        Assert.Equal(1, labels[after.Indices[0]]);
        Assert.Equal(1, after.Indices[1]);
        Assert.Equal(1, labels[after.Indices[2]]);
        Assert.Equal(3, after.Indices[3]);
    }

    [Fact]
    public void The_same_call_and_the_same_seed_give_the_same_cohort_and_indices_and_another_seed_does_not()
    {
        var data = Data();
        var twin = Data();
        var other = Data(seed: 6);

        var cohort = Enumerable.Range(0, ClientCount).Select(data.InCohort).ToArray();
        Assert.Equal(cohort, Enumerable.Range(0, ClientCount).Select(twin.InCohort));
        for (var k = 0; k < ClientCount; k++)
        {
            Assert.Equal(data.At(k, At + 1).Indices, data.At(k, At + 2).Indices);
            Assert.Equal(data.At(k, At + 1).Indices, twin.At(k, At + 1).Indices);
        }
        var otherCohort = Enumerable.Range(0, ClientCount).Select(other.InCohort).ToArray();
        var otherIndices = Enumerable.Range(0, ClientCount).SelectMany(k => other.At(k, At).Indices);
        Assert.False(cohort.SequenceEqual(otherCohort) && otherIndices.SequenceEqual(Enumerable.Range(0, ClientCount).SelectMany(k => data.At(k, At).Indices)));
    }

    [Fact]
    public void A_cohort_share_of_zero_takes_nobody_and_one_takes_everybody()
    {
        var nobody = Data(Drift(cohort: 0));
        var everybody = Data(Drift(cohort: 1));

        Assert.Equal(0, nobody.CohortSize);
        Assert.Equal(ClientCount, everybody.CohortSize);
        for (var k = 0; k < ClientCount; k++)
        {
            Assert.Equal(Shards[k], nobody.At(k, At * 10).Indices);
            Assert.True(everybody.InCohort(k));
        }
    }

    [Fact]
    public void Contrast_and_brightness_change_the_cohort_pixels_but_not_the_labels()
    {
        var data = Data(Drift(cohort: 1, shift: 0, contrast: 0.6, brightness: 0.2));

        var after = data.At(2, At);
        var (pixels, labels) = Read(after);

        // x' = 0.6 (x − 0.5) + 0.5 + 0.2: 0.25 → 0.55, 0.5 → 0.7, 0.9 → 0.94.
        Assert.Equal(Shards[2], after.Indices); // shift 0 keeps the samples
        Assert.Equal(Shards[2].Select(i => (long)Labels[i]), labels);
        for (var s = 0; s < 3; s++)
        {
            Assert.Equal(0.55, pixels[3 * s], 6);
            Assert.Equal(0.7, pixels[3 * s + 1], 6);
            Assert.Equal(0.94, pixels[3 * s + 2], 6);
        }
    }

    [Fact]
    public void Shifted_pixels_are_clamped_to_the_unit_interval()
    {
        var data = Data(Drift(cohort: 1, contrast: 3, brightness: 0));

        var (pixels, _) = Read(data.At(0, At));

        // 3 (0.25 − 0.5) + 0.5 = −0.25 → 0; 0.5 → 0.5; 3 (0.9 − 0.5) + 0.5 = 1.7 → 1.
        Assert.Equal([0f, 0.5f, 1f, 0f, 0.5f, 1f, 0f, 0.5f, 1f], pixels);
    }

    [Fact]
    public void Unchanged_contrast_and_brightness_read_the_training_set_itself()
    {
        var data = Data(Drift(cohort: 1, contrast: 1, brightness: 0));

        Assert.Same(Source, data.At(0, At).Source);
    }

    [Fact]
    public void Invalid_settings_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new DriftingClientData(Source, Labels[1..], Classes, Shards, Drift(), 1));
        Assert.Throws<ArgumentNullException>(() => new DriftingClientData(null!, Labels, Classes, Shards, Drift(), 1));
        Assert.Throws<ArgumentNullException>(() => new DriftingClientData(Source, Labels, Classes, null!, Drift(), 1));
        Assert.Throws<ArgumentNullException>(() => new DriftingClientData(Source, Labels, Classes, Shards, null!, 1));
        foreach (var drift in new[]
        {
            Drift() with { AtSeconds = -1 }, Drift() with { AtSeconds = double.NaN },
            Drift(cohort: -0.1), Drift(cohort: 1.5), Drift(cohort: double.NaN),
            Drift(shift: -1),
            Drift(contrast: 0), Drift(contrast: -1), Drift(contrast: double.NaN),
            Drift(brightness: 2), Drift(brightness: -1.5), Drift(brightness: double.NaN),
        })
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => Data(drift));
        }
    }
}
