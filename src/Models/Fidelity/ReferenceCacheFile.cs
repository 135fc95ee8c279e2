using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace FgsActors.Models.Fidelity;

/// <summary>
/// The on-disk form of a trained reference classifier, all integers and floats little-endian:
/// <code>
/// offset     size  content
/// 0          8     magic "FGSREFCL"
/// 8          4     format version (int32, currently 1)
/// 12         32    cache key (<see cref="ReferenceCacheKey"/>)
/// 44         4     P, number of weights (int32)
/// 48         4·P   the flat weights (float32, <see cref="Learning.FlatWeights"/> order)
/// 48 + 4·P   32    SHA-256 of the 4·P weight bytes
/// </code>
/// A file is used only when every part checks out: length exactly 80 + 4·P, magic, version, the expected key, the
/// expected P, and the weight hash. Anything else (truncated, padded, corrupted, written for another recipe or other
/// data) is reported with its reason and the caller retrains. Files are written to a temporary file in the same
/// directory and renamed over the target, so a reader never sees a half-written file and concurrent writers of the
/// same key (which write the same bytes) cannot interleave.
/// </summary>
public static class ReferenceCacheFile
{
    /// <summary>Current format version.</summary>
    public const int FormatVersion = 1;

    private const int HeaderLength = 48;
    private const int HashLength = 32;
    private static ReadOnlySpan<byte> Magic => "FGSREFCL"u8;

    /// <summary>File name for <paramref name="key"/>: <c>reference-&lt;first 16 hex digits of the key&gt;.bin</c>.</summary>
    public static string FileName(ReadOnlySpan<byte> key) => $"reference-{Convert.ToHexStringLower(key)[..16]}.bin";

    /// <summary>The exact length of a file holding <paramref name="weightCount"/> weights.</summary>
    public static long Length(int weightCount) => HeaderLength + 4L * weightCount + HashLength;

    /// <summary>The file's bytes for <paramref name="key"/> and <paramref name="weights"/>.</summary>
    public static byte[] Encode(ReadOnlySpan<byte> key, ReadOnlySpan<float> weights)
    {
        if (key.Length != 32) throw new ArgumentException($"a cache key has 32 bytes, found {key.Length}", nameof(key));
        var bytes = new byte[Length(weights.Length)];
        Magic.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), FormatVersion);
        key.CopyTo(bytes.AsSpan(12));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(44), weights.Length);
        var body = bytes.AsSpan(HeaderLength, 4 * weights.Length);
        for (var i = 0; i < weights.Length; i++)
            BinaryPrimitives.WriteSingleLittleEndian(body[(4 * i)..], weights[i]);
        SHA256.HashData(body, bytes.AsSpan(HeaderLength + body.Length));
        return bytes;
    }

    /// <summary>
    /// Checks <paramref name="bytes"/> against the expected key and weight count; returns the weights, or null with
    /// <paramref name="problem"/> saying what is wrong.
    /// </summary>
    public static float[]? Decode(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> expectedKey, int expectedWeights, out string? problem)
    {
        var expectedLength = Length(expectedWeights);
        if (bytes.Length < HeaderLength)
            return Fail($"the file has {bytes.Length} bytes, too short for the {HeaderLength}-byte header (truncated)", out problem);
        if (!bytes[..8].SequenceEqual(Magic))
            return Fail("it does not start with the reference-classifier magic FGSREFCL (not such a file, or corrupted)", out problem);
        var version = BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]);
        if (version != FormatVersion)
            return Fail($"format version {version}, this build reads version {FormatVersion}", out problem);
        if (!bytes.Slice(12, 32).SequenceEqual(expectedKey))
            return Fail($"its key {Convert.ToHexStringLower(bytes.Slice(12, 32))[..16]}… is not the expected {Convert.ToHexStringLower(expectedKey)[..16]}… (another recipe or other data, or corrupted)", out problem);
        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes[44..]);
        if (count != expectedWeights)
            return Fail($"it holds {count} weights, the network has {expectedWeights}", out problem);
        if (bytes.Length != expectedLength)
            return Fail($"the file has {bytes.Length} bytes, expected {expectedLength.ToString(CultureInfo.InvariantCulture)} (truncated or padded)", out problem);
        var body = bytes.Slice(HeaderLength, 4 * count);
        Span<byte> hash = stackalloc byte[HashLength];
        SHA256.HashData(body, hash);
        if (!hash.SequenceEqual(bytes.Slice(HeaderLength + body.Length, HashLength)))
            return Fail("the SHA-256 of its weights does not match the stored one (corrupted)", out problem);
        var weights = new float[count];
        for (var i = 0; i < count; i++)
            weights[i] = BinaryPrimitives.ReadSingleLittleEndian(body[(4 * i)..]);
        problem = null;
        return weights;
    }

    /// <summary>
    /// Reads and checks <paramref name="path"/>; null with <paramref name="problem"/> when it is missing (problem null)
    /// or unusable (problem says why, including I/O errors).
    /// </summary>
    public static float[]? TryRead(string path, ReadOnlySpan<byte> expectedKey, int expectedWeights, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            problem = null;
            return null;
        }
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail($"it cannot be read: {e.Message}", out problem);
        }
        return Decode(bytes, expectedKey, expectedWeights, out problem);
    }

    /// <summary>
    /// Writes the file atomically: the bytes go to a temporary file in <paramref name="path"/>'s directory (created if
    /// needed), flushed to disk, then renamed over <paramref name="path"/>.
    /// </summary>
    public static void Write(string path, ReadOnlySpan<byte> key, ReadOnlySpan<float> weights)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bytes = Encode(key, weights);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    private static float[]? Fail(string message, out string? problem)
    {
        problem = message;
        return null;
    }
}
