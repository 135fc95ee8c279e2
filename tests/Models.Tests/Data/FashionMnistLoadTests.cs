using FgsActors.Models.Data;

namespace FgsActors.Models.Tests.Data;

/// <summary><see cref="FashionMnist.Load"/> on small generated directories (the real files: FashionMnistDataTests).</summary>
public sealed class FashionMnistLoadTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private void WriteSet(bool gzip, int train = 4, int test = 2, int size = 28)
    {
        var suffix = gzip ? ".gz" : "";
        IdxBytes.Write(_dir.Path, "train-images-idx3-ubyte" + suffix, IdxBytes.Images(train, size, size));
        IdxBytes.Write(_dir.Path, "train-labels-idx1-ubyte" + suffix, IdxBytes.Labels([.. Enumerable.Range(0, train).Select(i => (byte)(9 - i))]));
        IdxBytes.Write(_dir.Path, "t10k-images-idx3-ubyte" + suffix, IdxBytes.Images(test, size, size));
        IdxBytes.Write(_dir.Path, "t10k-labels-idx1-ubyte" + suffix, IdxBytes.Labels([.. Enumerable.Range(0, test).Select(i => (byte)i)]));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Loads_gzip_or_unpacked_files(bool gzip)
    {
        WriteSet(gzip);
        var (train, test) = FashionMnist.Load(_dir.Path);
        Assert.Equal((4, 28, 28, 10), (train.Count, train.Height, train.Width, train.Classes));
        Assert.Equal(2, test.Count);
        Assert.Equal(new[] { 9, 8, 7, 6 }, Enumerable.Range(0, 4).Select(train.Label));
        Assert.Equal(1, test.Label(1));
        Assert.Equal(31, train.Image(1)[0]);
    }

    [Fact]
    public void Missing_directory_says_how_to_install()
    {
        var missing = Path.Combine(_dir.Path, "absent");
        var e = Assert.Throws<DataFileException>(() => FashionMnist.Load(missing));
        Assert.Equal(missing, e.FileName);
        Assert.Contains("Fashion-MNIST directory not found", e.Message);
        Assert.Contains("apt-get install dataset-fashion-mnist", e.Message);
        Assert.Contains("/usr/share/datasets/fashion-mnist", e.Message);
        Assert.Contains("fgs.data.fashion-mnist-dir", e.Message);
    }

    [Fact]
    public void Missing_files_are_listed_with_the_install_hint()
    {
        WriteSet(gzip: true);
        File.Delete(Path.Combine(_dir.Path, "t10k-images-idx3-ubyte.gz"));
        File.Delete(Path.Combine(_dir.Path, "t10k-labels-idx1-ubyte.gz"));
        var e = Assert.Throws<DataFileException>(() => FashionMnist.Load(_dir.Path));
        Assert.Equal(Path.Combine(_dir.Path, "t10k-images-idx3-ubyte.gz"), e.FileName);
        Assert.Contains("files t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz not found in", e.Message);
        Assert.Contains(FashionMnist.InstallHint, e.Message);
    }

    [Fact]
    public void Images_must_be_28_by_28()
    {
        WriteSet(gzip: true, size: 27);
        var e = Assert.Throws<DataFileException>(() => FashionMnist.Load(_dir.Path));
        Assert.EndsWith("train-images-idx3-ubyte.gz", e.FileName);
        Assert.Contains("expected 28×28 Fashion-MNIST images, found 27×27", e.Message);
    }

    [Fact]
    public void Labels_must_be_below_10()
    {
        WriteSet(gzip: true);
        IdxBytes.Write(_dir.Path, "t10k-labels-idx1-ubyte.gz", IdxBytes.Labels(3, 11));
        var e = Assert.Throws<DataFileException>(() => FashionMnist.Load(_dir.Path));
        Assert.Contains("expected labels in [0, 10), found 11 at item 1", e.Message);
    }
}
