using FgsActors.Models.Data;

namespace FgsActors.Models.Tests.Data;

public sealed class IdxFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Write(string name, byte[] content) => IdxBytes.Write(_dir.Path, name, content);

    private static DataFileException Fails(string path, Action read)
    {
        var e = Assert.Throws<DataFileException>(read);
        Assert.Equal(path, e.FileName);
        Assert.StartsWith($"{path}: ", e.Message);
        return e;
    }

    [Theory]
    [InlineData("images.gz")]
    [InlineData("images")]
    public void Reads_gzip_and_plain_image_files(string name)
    {
        var path = Write(name, IdxBytes.Images(3, 2, 4));
        var (pixels, count, height, width) = IdxFile.ReadImages(path);
        Assert.Equal((3, 2, 4), (count, height, width));
        Assert.Equal(IdxBytes.Pixels(3, 2, 4), pixels);
        Assert.Equal(31, pixels[8]); // image 1, pixel 0
    }

    [Fact]
    public void Reads_labels_and_a_whole_data_set()
    {
        var images = Write("i.gz", IdxBytes.Images(3, 2, 2));
        var labels = Write("l.gz", IdxBytes.Labels(2, 0, 1));
        Assert.Equal(new byte[] { 2, 0, 1 }, IdxFile.ReadLabels(labels, 3));

        var data = IdxFile.ReadDataset(images, labels, 3);
        Assert.Equal(3, data.Count);
        Assert.Equal((2, 2, 3), (data.Height, data.Width, data.Classes));
        Assert.Equal(2, data.Label(0));
        Assert.Equal(new byte[] { 62, 63, 64, 65 }, data.Image(2).ToArray());
    }

    [Fact]
    public void Empty_files_with_zero_items_are_valid()
    {
        var (pixels, count, _, _) = IdxFile.ReadImages(Write("i", IdxBytes.Images(0, 28, 28)));
        Assert.Equal(0, count);
        Assert.Empty(pixels);
    }

    [Fact]
    public void Labels_magic_in_an_image_file()
    {
        var path = Write("i.gz", IdxBytes.Labels(1, 2, 3));
        var e = Fails(path, () => IdxFile.ReadImages(path));
        Assert.Contains("expected magic number 0x00000803 (IDX images file: unsigned bytes, 3 dimensions), found 0x00000801 (IDX unsigned bytes, 1 dimension)", e.Message);
    }

    [Fact]
    public void Not_an_idx_file()
    {
        var path = Write("l", "hello world\n"u8.ToArray());
        var e = Fails(path, () => IdxFile.ReadLabels(path, 10));
        Assert.Contains("expected magic number 0x00000801", e.Message);
        Assert.Contains("found 0x68656C6C (not an IDX file)", e.Message);
    }

    [Fact]
    public void Gz_name_without_gzip_content()
    {
        var path = Write("l.plain", IdxBytes.Labels(1, 2));
        var renamed = Path.Combine(_dir.Path, "labels.gz");
        File.Move(path, renamed);
        var e = Fails(renamed, () => IdxFile.ReadLabels(renamed, 10));
        Assert.Contains("expected a gzip stream", e.Message);
        Assert.Contains("found 00 00", e.Message);
    }

    [Fact]
    public void Empty_gz_file()
    {
        var path = Write("empty.plain", []);
        var e = Fails(path, () => IdxFile.ReadLabels(path, 10));
        Assert.Contains("truncated: expected a 4-byte magic number, found 0 bytes", e.Message);

        var gz = Path.Combine(_dir.Path, "empty.gz");
        File.WriteAllBytes(gz, []);
        Assert.Contains("found an empty file", Fails(gz, () => IdxFile.ReadLabels(gz, 10)).Message);
    }

    [Fact]
    public void Corrupt_gzip_stream()
    {
        var good = File.ReadAllBytes(Write("good.gz", IdxBytes.Images(4, 28, 28)));
        var scrambled = good.ToArray();
        for (var i = 10; i < scrambled.Length - 8; i++)
            scrambled[i] ^= 0x5A; // keep the gzip header, scramble the deflate data
        var badCrc = good.ToArray();
        badCrc[^6] ^= 1; // the CRC-32 in the gzip trailer
        foreach (var (name, content) in new[] { ("scrambled.gz", scrambled), ("crc.gz", badCrc) })
        {
            var path = Path.Combine(_dir.Path, name);
            File.WriteAllBytes(path, content);
            var e = Fails(path, () => IdxFile.ReadImages(path));
            Assert.StartsWith("expected a valid gzip stream, found corrupt data", e.Detail);
            Assert.IsType<InvalidDataException>(e.InnerException);
        }
    }

    [Fact]
    public void Truncated_gzip_stream()
    {
        var good = File.ReadAllBytes(Write("good.gz", IdxBytes.Images(4, 28, 28)));
        var path = Path.Combine(_dir.Path, "cut.gz");
        File.WriteAllBytes(path, good[..(good.Length / 2)]);
        var e = Fails(path, () => IdxFile.ReadImages(path));
        Assert.Matches(@"^truncated: expected 4 count·28 rows·28 columns = 3136 data bytes after the 16-byte header, found \d+$", e.Detail);
    }

    [Theory]
    [InlineData("i.gz")]
    [InlineData("i")]
    public void Truncated_pixels(string name)
    {
        var whole = IdxBytes.Images(3, 2, 4);
        var path = Write(name, whole[..^5]);
        var e = Fails(path, () => IdxFile.ReadImages(path));
        Assert.Contains("truncated: expected 3 count·2 rows·4 columns = 24 data bytes after the 16-byte header, found 19", e.Message);
    }

    [Fact]
    public void Truncated_header()
    {
        var path = Write("i.gz", IdxBytes.Header(0x00000803, 3, 2)); // columns missing
        var e = Fails(path, () => IdxFile.ReadImages(path));
        Assert.Contains("truncated header: expected 16 bytes (magic and 3 sizes), found 12", e.Message);
    }

    [Fact]
    public void Trailing_bytes()
    {
        var path = Write("l.gz", [.. IdxBytes.Labels(1, 2, 3), 7, 7]);
        var e = Fails(path, () => IdxFile.ReadLabels(path, 10));
        Assert.Contains("expected exactly 3 data bytes (3 count) after the 8-byte header, found 2 more bytes after them", e.Message);
    }

    [Fact]
    public void Negative_size()
    {
        var path = Write("l", IdxBytes.Header(0x00000801, -1));
        Assert.Contains("expected a count below 2^31, found 4294967295", Fails(path, () => IdxFile.ReadLabels(path, 10)).Message);
    }

    [Fact]
    public void Zero_sized_images()
    {
        var path = Write("i", IdxBytes.Header(0x00000803, 5, 0, 28));
        Assert.Contains("expected images of at least 1×1 pixels, found 0×28", Fails(path, () => IdxFile.ReadImages(path)).Message);
    }

    [Fact]
    public void Label_out_of_range()
    {
        var path = Write("l.gz", IdxBytes.Labels(0, 9, 10, 3, 255));
        var e = Fails(path, () => IdxFile.ReadLabels(path, 10));
        Assert.Contains("expected labels in [0, 10), found 10 at item 2 (2 labels out of range in all)", e.Message);
    }

    [Fact]
    public void Image_and_label_counts_differ()
    {
        var images = Write("i.gz", IdxBytes.Images(3, 2, 2));
        var labels = Write("l.gz", IdxBytes.Labels(1, 2));
        var e = Fails(labels, () => IdxFile.ReadDataset(images, labels, 10));
        Assert.Contains($"expected 3 labels, one per image in {images}, found 2", e.Message);
    }

    [Fact]
    public void Missing_file()
    {
        var path = Path.Combine(_dir.Path, "nope.gz");
        var e = Fails(path, () => IdxFile.ReadImages(path));
        Assert.Equal("images file not found", e.Detail);
        Assert.IsType<FileNotFoundException>(e.InnerException);
    }
}
