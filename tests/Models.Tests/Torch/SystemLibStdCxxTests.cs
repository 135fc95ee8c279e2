using FgsActors.Models.Torch;
using Xunit;

namespace FgsActors.Models.Tests.Torch;

public sealed class SystemLibStdCxxTests
{
    [Fact]
    public void Finds_the_newest_GLIBCXX_version_on_this_machine()
    {
        if (!OperatingSystem.IsLinux())
            return;
        var path = SystemLibStdCxx.Locate();
        Assert.NotNull(path);

        var newest = SystemLibStdCxx.NewestProvided();

        // Every libstdc++ since GCC 4 is at least GLIBCXX_3.4.x; Debian 12 gives 3.4.30.
        Assert.Equal(3, newest.Parts[0]);
        Assert.Equal(4, newest.Parts[1]);
        Assert.True(newest.Parts.Count == 3 && newest.Parts[2] >= 19, newest.Name);
    }
}
