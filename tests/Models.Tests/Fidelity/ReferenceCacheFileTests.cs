using System.Buffers.Binary;
using System.Security.Cryptography;
using FgsActors.Models.Fidelity;
using Xunit;

namespace FgsActors.Models.Tests.Fidelity;

/// <summary>The byte layout of <see cref="ReferenceCacheFile"/> and every check its reader makes.</summary>
public sealed class ReferenceCacheFileTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly float[] Weights = [1.5f, -2f, 0.25f];

    [Fact]
    public void The_layout_is_magic_version_key_count_weights_and_their_hash()
    {
        var bytes = ReferenceCacheFile.Encode(Key, Weights);

        Assert.Equal(80 + 4 * 3, bytes.Length);
        Assert.Equal(ReferenceCacheFile.Length(3), bytes.Length);
        Assert.Equal("FGSREFCL"u8.ToArray(), bytes[..8]);
        Assert.Equal(1, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8)));
        Assert.Equal(Key, bytes[12..44]);
        Assert.Equal(3, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(44)));
        // 1.5f = 0x3FC00000, little-endian.
        Assert.Equal(new byte[] { 0x00, 0x00, 0xC0, 0x3F }, bytes[48..52]);
        Assert.Equal(-2f, BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(52)));
        Assert.Equal(SHA256.HashData(bytes.AsSpan(48, 12)), bytes[60..92]);
    }

    [Fact]
    public void A_good_file_decodes_to_the_weights()
    {
        var weights = ReferenceCacheFile.Decode(ReferenceCacheFile.Encode(Key, Weights), Key, 3, out var problem);

        Assert.Null(problem);
        Assert.Equal(Weights, weights);
    }

    [Theory]
    [InlineData(0, "magic")]
    [InlineData(8, "format version")]
    [InlineData(20, "key")]
    [InlineData(44, "weights, the network has")]
    [InlineData(50, "SHA-256")]
    [InlineData(70, "SHA-256")]
    public void A_flipped_byte_anywhere_is_caught(int offset, string reason)
    {
        var bytes = ReferenceCacheFile.Encode(Key, Weights);
        bytes[offset] ^= 0x01;

        Assert.Null(ReferenceCacheFile.Decode(bytes, Key, 3, out var problem));
        Assert.Contains(reason, problem);
    }

    [Theory]
    [InlineData(-1, "truncated")]
    [InlineData(-60, "truncated")]
    [InlineData(1, "padded")]
    public void A_file_of_the_wrong_length_is_caught(int change, string reason)
    {
        var good = ReferenceCacheFile.Encode(Key, Weights);
        var bytes = new byte[good.Length + change];
        good.AsSpan(0, Math.Min(good.Length, bytes.Length)).CopyTo(bytes);

        Assert.Null(ReferenceCacheFile.Decode(bytes, Key, 3, out var problem));
        Assert.Contains(reason, problem);
    }

    [Fact]
    public void A_file_for_another_key_is_not_used()
    {
        var otherKey = (byte[])Key.Clone();
        otherKey[31] = 0;

        Assert.Null(ReferenceCacheFile.Decode(ReferenceCacheFile.Encode(otherKey, Weights), Key, 3, out var problem));
        Assert.Contains("not the expected", problem);
    }

    [Fact]
    public void Writing_leaves_only_the_target_and_overwrites_it()
    {
        using var temp = new Data.TempDirectory();
        var path = Path.Combine(temp.Path, "sub", ReferenceCacheFile.FileName(Key));

        ReferenceCacheFile.Write(path, Key, [9f]);
        ReferenceCacheFile.Write(path, Key, Weights);

        Assert.Equal(["reference-0102030405060708.bin"], Directory.GetFiles(Path.Combine(temp.Path, "sub")).Select(Path.GetFileName));
        Assert.Equal(Weights, ReferenceCacheFile.TryRead(path, Key, 3, out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void A_missing_file_is_no_problem_and_gives_nothing()
    {
        using var temp = new Data.TempDirectory();

        Assert.Null(ReferenceCacheFile.TryRead(Path.Combine(temp.Path, "none.bin"), Key, 3, out var problem));
        Assert.Null(problem);
    }
}
