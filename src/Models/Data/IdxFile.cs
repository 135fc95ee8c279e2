using System.Buffers.Binary;
using System.IO.Compression;

namespace FgsActors.Models.Data;

/// <summary>
/// Reads IDX files (the MNIST / Fashion-MNIST format), gzip'ed or plain: a 4-byte big-endian magic number
/// 0x0000TTDD (TT = 0x08 for unsigned bytes, DD = number of dimensions), DD big-endian 32-bit sizes, then exactly the
/// product of the sizes in data bytes. Every deviation — wrong magic, a short file, bytes after the data, labels out
/// of range, image and label counts that differ — throws a <see cref="DataFileException"/> naming the file.
/// </summary>
public static class IdxFile
{
    /// <summary>Magic number of an image file: unsigned bytes, 3 dimensions (count, rows, columns).</summary>
    public const int ImagesMagic = 0x00000803;

    /// <summary>Magic number of a label file: unsigned bytes, 1 dimension (count).</summary>
    public const int LabelsMagic = 0x00000801;

    private const int UnsignedByteType = 0x08;

    /// <summary>Reads an image file (magic 0x00000803): Count images of Height×Width bytes, row-major.</summary>
    public static (byte[] Pixels, int Count, int Height, int Width) ReadImages(string path)
    {
        var (sizes, data) = Read(path, ImagesMagic, "images", ["count", "rows", "columns"]);
        if (sizes[1] == 0 || sizes[2] == 0)
            throw new DataFileException(path, $"expected images of at least 1×1 pixels, found {sizes[1]}×{sizes[2]}");
        return (data, sizes[0], sizes[1], sizes[2]);
    }

    /// <summary>Reads a label file (magic 0x00000801) whose labels must all lie in [0, <paramref name="classes"/>).</summary>
    public static byte[] ReadLabels(string path, int classes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(classes, 256);
        var (_, labels) = Read(path, LabelsMagic, "labels", ["count"]);
        var first = -1;
        var outside = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] < classes)
                continue;
            if (first < 0)
                first = i;
            outside++;
        }

        if (first >= 0)
            throw new DataFileException(path,
                $"expected labels in [0, {classes}), found {labels[first]} at item {first}" +
                (outside > 1 ? $" ({outside} labels out of range in all)" : ""));
        return labels;
    }

    /// <summary>
    /// Reads an image file and its label file into one data set; the two must hold the same number of items.
    /// </summary>
    public static ImageDataset ReadDataset(string imagesPath, string labelsPath, int classes)
    {
        var images = ReadImages(imagesPath);
        var labels = ReadLabels(labelsPath, classes);
        if (labels.Length != images.Count)
            throw new DataFileException(labelsPath,
                $"expected {images.Count} labels, one per image in {imagesPath}, found {labels.Length}");
        return new ImageDataset(images.Pixels, labels, images.Height, images.Width, classes);
    }

    private static (int[] Sizes, byte[] Data) Read(string path, int magic, string kind, string[] dimensionNames)
    {
        FileStream file;
        try
        {
            file = File.OpenRead(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new DataFileException(path, $"{kind} file not found", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFileException(path, $"cannot open {kind} file: {e.Message}", e);
        }

        using (file)
        {
            try
            {
                using var stream = Decompressed(file, path);
                return ReadIdx(stream, path, magic, kind, dimensionNames);
            }
            catch (InvalidDataException e)
            {
                throw new DataFileException(path, $"expected a valid gzip stream, found corrupt data ({e.Message})", e);
            }
        }
    }

    // Gzip is recognised by its two magic bytes 1f 8b; a file named *.gz without them is an error rather than
    // silently read as plain IDX, so a mislabelled or broken download is reported as such.
    private static Stream Decompressed(FileStream file, string path)
    {
        Span<byte> head = stackalloc byte[2];
        var read = file.ReadAtLeast(head, 2, throwOnEndOfStream: false);
        file.Position = 0;
        if (read == 2 && head[0] == 0x1f && head[1] == 0x8b)
            return new BufferedStream(new GZipStream(file, CompressionMode.Decompress, leaveOpen: true), 1 << 16);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            throw new DataFileException(path,
                $"expected a gzip stream (file name ends in .gz; gzip starts with bytes 1f 8b), found {Hex(head[..read])}");
        return new BufferedStream(file, 1 << 16);
    }

    private static (int[] Sizes, byte[] Data) ReadIdx(Stream stream, string path, int magic, string kind, string[] dimensionNames)
    {
        var dimensions = dimensionNames.Length;
        Span<byte> header = stackalloc byte[4 + 4 * dimensions];
        var headerRead = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        if (headerRead < 4)
            throw new DataFileException(path, $"truncated: expected a 4-byte magic number, found {headerRead} bytes");
        var found = BinaryPrimitives.ReadInt32BigEndian(header);
        if (found != magic)
            throw new DataFileException(path,
                $"expected magic number 0x{magic:X8} (IDX {kind} file: unsigned bytes, {dimensions} dimension{(dimensions == 1 ? "" : "s")}), " +
                $"found 0x{found:X8}{Describe(found)}");
        if (headerRead < header.Length)
            throw new DataFileException(path,
                $"truncated header: expected {header.Length} bytes (magic and {dimensions} sizes), found {headerRead}");

        var sizes = new int[dimensions];
        long total = 1;
        for (var d = 0; d < dimensions; d++)
        {
            sizes[d] = BinaryPrimitives.ReadInt32BigEndian(header[(4 + 4 * d)..]);
            if (sizes[d] < 0)
                throw new DataFileException(path,
                    $"expected a {dimensionNames[d]} below 2^31, found {(uint)sizes[d]}");
            total *= sizes[d];
            if (total > Array.MaxLength)
                throw new DataFileException(path,
                    $"expected at most {Array.MaxLength} data bytes, found sizes {string.Join("×", sizes[..(d + 1)])} promising more");
        }

        var data = new byte[total];
        var dataRead = stream.ReadAtLeast(data, data.Length, throwOnEndOfStream: false);
        if (dataRead < data.Length)
            throw new DataFileException(path,
                $"truncated: expected {Promise(sizes, dimensionNames)} = {total} data bytes after the {header.Length}-byte header, found {dataRead}");

        var trailing = CountRemaining(stream);
        if (trailing > 0)
            throw new DataFileException(path,
                $"expected exactly {total} data bytes ({Promise(sizes, dimensionNames)}) after the {header.Length}-byte header, found {trailing} more bytes after them");
        return (sizes, data);
    }

    private static long CountRemaining(Stream stream)
    {
        var buffer = new byte[1 << 16];
        long count = 0;
        int read;
        while ((read = stream.Read(buffer)) > 0)
            count += read;
        return count;
    }

    private static string Promise(int[] sizes, string[] names) =>
        string.Join("·", sizes.Select((size, d) => $"{size} {names[d]}"));

    private static string Describe(int magic)
    {
        if ((magic >>> 16) != 0)
            return " (not an IDX file)";
        var type = (magic >> 8) & 0xFF;
        var dimensions = magic & 0xFF;
        var what = type == UnsignedByteType ? "unsigned bytes" : $"data type 0x{type:X2}";
        return $" (IDX {what}, {dimensions} dimension{(dimensions == 1 ? "" : "s")})";
    }

    private static string Hex(ReadOnlySpan<byte> bytes) =>
        bytes.Length == 0 ? "an empty file" : string.Join(" ", bytes.ToArray().Select(b => b.ToString("x2")));
}
