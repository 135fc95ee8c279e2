using FgsActors.Models.Data;
using FgsActors.Models.Fidelity;
using FgsActors.Models.Tests.Data;
using Xunit;

namespace FgsActors.Models.Tests.Fidelity;

/// <summary>
/// <see cref="ReferenceClassifier.LoadOrTrain(ImageDataset, string, ReferenceRecipe?, CancellationToken)"/> on a
/// tiny synthetic set with a one-epoch recipe: trained once, then loaded; an unusable file is retrained and
/// overwritten, and the result says so.
/// </summary>
public sealed class ReferenceClassifierCacheTests
{
    private static readonly ImageDataset Tiny = SyntheticImages.Generate(120, seed: 11);
    private static readonly ReferenceRecipe OneEpoch = FidelityFixture.FastRecipe(seed: 3, epochs: 1);

    [Fact]
    public void The_first_call_trains_and_saves_the_second_loads_the_same_weights()
    {
        using var temp = new TempDirectory();

        var first = ReferenceClassifier.LoadOrTrain(Tiny, temp.Path, OneEpoch);
        var second = ReferenceClassifier.LoadOrTrain(Tiny, temp.Path, OneEpoch);

        Assert.Equal(ReferenceCacheStatus.Trained, first.Status);
        Assert.True(first.Trained);
        Assert.Null(first.Problem);
        Assert.Null(first.WriteError);
        Assert.Equal(ReferenceCacheStatus.Loaded, second.Status);
        Assert.False(second.Trained);
        Assert.Equal(TimeSpan.Zero, second.TrainingTime);
        Assert.StartsWith("loaded from cache", second.Message);
        Assert.Equal(Path.Combine(temp.Path, $"reference-{first.Classifier.Key[..16]}.bin"), first.CachePath);
        Assert.Equal(first.CachePath, second.CachePath);
        Assert.Equal(ReferenceCacheFile.Length(OneEpoch.Network.ParameterCount), new FileInfo(first.CachePath).Length);
        Assert.Equal(first.Classifier.Hash, second.Classifier.Hash);
        Assert.Equal(first.Classifier.Key, second.Classifier.Key);
        Assert.Equal(FidelityFixture.Bits(first.Classifier.CopyWeights()), FidelityFixture.Bits(second.Classifier.CopyWeights()));
    }

    [Theory]
    [InlineData("truncate", "truncated")]
    [InlineData("flip-weight", "SHA-256")]
    [InlineData("flip-key", "key")]
    [InlineData("garbage", "magic")]
    public void An_unusable_file_is_retrained_overwritten_and_reported(string damage, string reason)
    {
        using var temp = new TempDirectory();
        var good = ReferenceClassifier.LoadOrTrain(Tiny, temp.Path, OneEpoch);
        var bytes = File.ReadAllBytes(good.CachePath);
        switch (damage)
        {
            case "truncate": bytes = bytes[..^1]; break;
            case "flip-weight": bytes[48 + 4 * 100 + 2] ^= 0x40; break;
            case "flip-key": bytes[12] ^= 0xFF; break;
            default: bytes = "not a cache file at all, just some text of some length"u8.ToArray(); break;
        }
        File.WriteAllBytes(good.CachePath, bytes);

        var again = ReferenceClassifier.LoadOrTrain(Tiny, temp.Path, OneEpoch);
        var third = ReferenceClassifier.LoadOrTrain(Tiny, temp.Path, OneEpoch);

        Assert.Equal(ReferenceCacheStatus.Retrained, again.Status);
        Assert.True(again.Trained);
        Assert.Contains(reason, again.Problem);
        Assert.Contains(again.Problem!, again.Message);
        Assert.Equal(good.Classifier.Hash, again.Classifier.Hash); // retraining is deterministic
        Assert.Equal(ReferenceCacheStatus.Loaded, third.Status);   // and the file was rewritten
        Assert.Equal(good.Classifier.Hash, third.Classifier.Hash);
    }

    [Fact]
    public void A_cache_that_cannot_be_written_still_gives_a_classifier_and_says_why()
    {
        using var temp = new TempDirectory();
        var blocker = Path.Combine(temp.Path, "a-file");
        File.WriteAllText(blocker, "");

        var result = ReferenceClassifier.LoadOrTrain(Tiny, Path.Combine(blocker, "cache"), OneEpoch);

        Assert.Equal(ReferenceCacheStatus.Trained, result.Status);
        Assert.NotNull(result.WriteError);
        Assert.Contains("not saved", result.Message);
        Assert.Equal(64, result.Classifier.Hash.Length);
    }

    [Fact]
    public void The_key_covers_the_data_the_recipe_and_the_seed()
    {
        var key = ReferenceCacheKey.Compute(OneEpoch, Tiny);

        Assert.Equal(32, key.Length);
        Assert.Equal(key, ReferenceCacheKey.Compute(OneEpoch, SyntheticImages.Generate(120, seed: 11)));
        Assert.NotEqual(key, ReferenceCacheKey.Compute(OneEpoch, SyntheticImages.Generate(120, seed: 12)));
        Assert.NotEqual(key, ReferenceCacheKey.Compute(OneEpoch, Tiny.Subset(Enumerable.Range(0, 119).ToArray())));
        Assert.NotEqual(key, ReferenceCacheKey.Compute(FidelityFixture.FastRecipe(seed: 4, epochs: 1), Tiny));
        Assert.NotEqual(key, ReferenceCacheKey.Compute(FidelityFixture.FastRecipe(seed: 3, epochs: 2), Tiny));
        Assert.NotEqual(key, ReferenceCacheKey.Compute(ReferenceRecipe.Default, Tiny));
    }

    [Fact]
    public void The_key_text_lists_network_layers_phases_seed_and_data_digest()
    {
        var digest = ReferenceCacheKey.DataDigest(Tiny);
        var text = ReferenceCacheKey.Describe(ReferenceRecipe.Default, digest);

        Assert.Contains("network lenet5 input 1x28x28 classes 10\n", text);
        Assert.Contains("layer conv2 conv2d in 6 out 16 kernel 5\n", text);
        Assert.Contains("layer fc3 linear in 84 out 10\n", text);
        Assert.Contains("phase epochs 6 batch 64 learning-rate 0.02 momentum 0.9 weight-decay 0.0005\n", text);
        Assert.Contains("phase epochs 2 batch 64 learning-rate 0.002 momentum 0.9 weight-decay 0.0005\n", text);
        Assert.Contains("seed 20170825\n", text);
        Assert.EndsWith($"data {Convert.ToHexStringLower(digest)}\n", text);
    }

    [Fact]
    public void The_default_cache_directory_follows_xdg_cache_home_when_it_is_absolute()
    {
        var saved = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        try
        {
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", "/some/cache");
            Assert.Equal("/some/cache/fgs-actors", ReferenceClassifier.DefaultCacheDirectory());
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", "relative/cache");
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            Assert.Equal(Path.Combine(home, ".cache", "fgs-actors"), ReferenceClassifier.DefaultCacheDirectory());
        }
        finally
        {
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", saved);
        }
    }
}
