using FgsActors.Models.Torch;
using Xunit;

namespace FgsActors.Models.Tests.Torch;

public sealed class ElfHashTests
{
    // Expected values computed by hand with the gABI algorithm (h = (h << 4) + c; fold the top
    // nibble into bits 4..7 and clear it); 0x08922974 is the GLIBCXX_3.4 hash binutils prints.
    [Theory]
    [InlineData("", 0u)]
    [InlineData("GLIBCXX_3.4", 0x08922974u)]
    [InlineData("GLIBCXX_3.4.29", 0x0297f879u)]
    [InlineData("GLIBCXX_3.4.30", 0x0297f840u)]
    [InlineData("GLIBCXX_3.4.32", 0x0297f842u)]
    public void Matches_reference_values(string name, uint expected) =>
        Assert.Equal(expected, ElfHash.Compute(name));
}
