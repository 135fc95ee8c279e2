using FgsActors.Models.Torch;
using Xunit;

namespace FgsActors.Models.Tests.Torch;

public sealed class GlibcxxVersionTests
{
    [Fact]
    public void Orders_numerically_not_as_strings()
    {
        var v9 = GlibcxxVersion.TryParse("GLIBCXX_3.4.9")!;
        var v30 = GlibcxxVersion.TryParse("GLIBCXX_3.4.30")!;
        var v34 = GlibcxxVersion.TryParse("GLIBCXX_3.4")!;
        Assert.True(v9.CompareTo(v30) < 0);
        Assert.True(v34.CompareTo(v9) < 0);
        Assert.Equal(0, v30.CompareTo(GlibcxxVersion.TryParse("GLIBCXX_3.4.30")));
    }

    [Theory]
    [InlineData("CXXABI_1.3.13")]
    [InlineData("GLIBCXX_TUNABLES")]
    [InlineData("GLIBC_2.34")]
    public void Rejects_other_names(string name) => Assert.Null(GlibcxxVersion.TryParse(name));
}
