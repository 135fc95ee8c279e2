using System.Buffers.Binary;
using System.IO.Compression;

namespace FgsActors.Models.Tests.Data;

/// <summary>Builds small IDX files, well-formed or deliberately broken, for the loader tests.</summary>
internal static class IdxBytes
{
    public static byte[] Header(int magic, params int[] sizes)
    {
        var header = new byte[4 + 4 * sizes.Length];
        BinaryPrimitives.WriteInt32BigEndian(header, magic);
        for (var d = 0; d < sizes.Length; d++)
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4 + 4 * d), sizes[d]);
        return header;
    }

    /// <summary>An image file whose pixel p of image i is (i·31 + p) mod 256.</summary>
    public static byte[] Images(int count, int rows, int columns) =>
        [.. Header(0x00000803, count, rows, columns), .. Pixels(count, rows, columns)];

    public static byte[] Pixels(int count, int rows, int columns) =>
        Enumerable.Range(0, count * rows * columns)
            .Select(k => (byte)((k / (rows * columns) * 31 + k % (rows * columns)) % 256)).ToArray();

    public static byte[] Labels(params byte[] labels) => [.. Header(0x00000801, labels.Length), .. labels];

    /// <summary>Writes <paramref name="content"/>, gzip-compressed when the name ends in .gz.</summary>
    public static string Write(string directory, string name, byte[] content)
    {
        var path = Path.Combine(directory, name);
        if (name.EndsWith(".gz", StringComparison.Ordinal))
        {
            using var file = File.Create(path);
            using var gzip = new GZipStream(file, CompressionLevel.Fastest);
            gzip.Write(content);
        }
        else
        {
            File.WriteAllBytes(path, content);
        }

        return path;
    }
}
