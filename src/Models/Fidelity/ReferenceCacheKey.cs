using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FgsActors.Models.Data;
using FgsActors.Models.Learning;
using TorchSharp;

namespace FgsActors.Models.Fidelity;

/// <summary>
/// The cache key of a trained reference classifier: SHA-256 over a canonical text of everything that determines its
/// weights — the trainer revision, the TorchSharp version, the network (name, input shape, classes, every layer with
/// its sizes), the hyperparameters, the seed — and a SHA-256 digest of the training images and labels. Equal keys
/// mean the same training run, so its weights can be reused; any change (another recipe, other data, another
/// TorchSharp) gives another key and so another cache file.
/// </summary>
public static class ReferenceCacheKey
{
    /// <summary>
    /// Bump when <see cref="LocalTrainer"/> or <see cref="ReferenceClassifier"/>'s training changes in a way that changes
    /// the weights for the same recipe (e.g. the update rule, the seed derivation), so that old cache files are not used.
    /// </summary>
    public const int TrainerRevision = 1;

    /// <summary>The 32-byte key of <paramref name="recipe"/> trained on <paramref name="train"/>.</summary>
    public static byte[] Compute(ReferenceRecipe recipe, ImageDataset train)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(train);
        return SHA256.HashData(Encoding.UTF8.GetBytes(Describe(recipe, DataDigest(train))));
    }

    /// <summary>
    /// The canonical text the key hashes, one item a line (invariant culture, doubles round-trip), ending with the
    /// data digest in hex. Exposed so a mismatch can be explained.
    /// </summary>
    public static string Describe(ReferenceRecipe recipe, byte[] dataDigest)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(dataDigest);
        var network = recipe.Network;
        var text = new StringBuilder();
        void Line(string item) => text.Append(item).Append('\n');
        Line("fgs-actors reference classifier");
        Line(Invariant($"trainer-revision {TrainerRevision}"));
        Line($"torchsharp {typeof(torch).Assembly.GetName().Version}");
        Line(Invariant($"network {network.Name} input {network.Input.Channels}x{network.Input.Height}x{network.Input.Width} classes {network.Classes}"));
        foreach (var layer in network.Layers)
            Line($"layer {layer.Name} {DescribeLayer(layer.Layer)}");
        foreach (var hp in recipe.Schedule)
        {
            Line(Invariant($"phase epochs {hp.LocalEpochs} batch {hp.BatchSize}") +
                $" learning-rate {Round(hp.LearningRate)} momentum {Round(hp.Momentum)} weight-decay {Round(hp.WeightDecay)}");
        }
        Line(Invariant($"seed {recipe.Seed}"));
        Line($"data {Convert.ToHexStringLower(dataDigest)}");
        return text.ToString();
    }

    /// <summary>
    /// SHA-256 of the training set: count, height, width and classes (int32 little-endian), then every image's pixel
    /// bytes in order, then the labels.
    /// </summary>
    public static byte[] DataDigest(ImageDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> header = stackalloc byte[16];
        BinaryPrimitives.WriteInt32LittleEndian(header, data.Count);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], data.Height);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], data.Width);
        BinaryPrimitives.WriteInt32LittleEndian(header[12..], data.Classes);
        hash.AppendData(header);
        for (var i = 0; i < data.Count; i++)
            hash.AppendData(data.Image(i));
        hash.AppendData(data.Labels);
        return hash.GetHashAndReset();
    }

    // Every layer kind with the sizes that make it; an unknown kind falls back to its type and record text.
    private static string DescribeLayer(LayerSpec layer) => layer switch
    {
        Conv2dLayer c => Invariant($"conv2d in {c.InChannels} out {c.OutChannels} kernel {c.Kernel}"),
        LinearLayer l => Invariant($"linear in {l.InFeatures} out {l.OutFeatures}"),
        MaxPool2dLayer p => Invariant($"maxpool2d kernel {p.Kernel}"),
        ReluLayer => "relu",
        FlattenLayer => "flatten",
        _ => $"{layer.GetType().FullName} {layer}",
    };

    private static string Round(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
