using FgsActors.Models.Torch;
using Xunit;

namespace FgsActors.Models.Tests.Torch;

public sealed class ElfVersionNeedPatcherTests
{
    private const uint Hash30 = 0x0297f840, Hash32 = 0x0297f842, Hash29 = 0x0297f879;
    private static readonly GlibcxxVersion System30 = GlibcxxVersion.TryParse("GLIBCXX_3.4.30")!;

    [Fact]
    public void Repoints_to_an_existing_name_and_leaves_dynstr_alone()
    {
        var elf = SyntheticElf.Build([], ("GLIBCXX_3.4.30", Hash30, 2), ("GLIBCXX_3.4.32", Hash32, 3));
        var dynstrBefore = elf.Bytes.AsSpan(elf.DynstrOffset, elf.DynstrSize).ToArray();

        var changes = ElfVersionNeedPatcher.Patch(elf.Bytes, System30);

        var change = Assert.Single(changes);
        Assert.Equal(("GLIBCXX_3.4.32", "GLIBCXX_3.4.30"), (change.From, change.To));
        Assert.Equal((Hash30, "GLIBCXX_3.4.30"), SyntheticElf.ReadVernaux(elf, 1));
        Assert.Equal((Hash30, "GLIBCXX_3.4.30"), SyntheticElf.ReadVernaux(elf, 0));
        Assert.Equal(dynstrBefore, elf.Bytes.AsSpan(elf.DynstrOffset, elf.DynstrSize).ToArray());
    }

    [Fact]
    public void Rewrites_the_name_in_place_when_the_target_is_not_in_dynstr()
    {
        var elf = SyntheticElf.Build([], ("GLIBCXX_3.4.29", Hash29, 2), ("GLIBCXX_3.4.32", Hash32, 3));

        var changes = ElfVersionNeedPatcher.Patch(elf.Bytes, System30);

        Assert.Single(changes);
        Assert.Equal((Hash29, "GLIBCXX_3.4.29"), SyntheticElf.ReadVernaux(elf, 0));
        Assert.Equal((Hash30, "GLIBCXX_3.4.30"), SyntheticElf.ReadVernaux(elf, 1));
        Assert.Empty(ElfVersionNeedPatcher.MissingVersions(elf.Bytes, System30));
    }

    [Fact]
    public void Leaves_a_satisfied_file_byte_identical()
    {
        var elf = SyntheticElf.Build([], ("GLIBCXX_3.4.29", Hash29, 2), ("GLIBCXX_3.4.32", Hash32, 3));
        var before = elf.Bytes.ToArray();

        var changes = ElfVersionNeedPatcher.Patch(elf.Bytes, GlibcxxVersion.TryParse("GLIBCXX_3.4.32")!);

        Assert.Empty(changes);
        Assert.Equal(before, elf.Bytes);
    }

    [Fact]
    public void Refuses_a_longer_name_that_would_not_fit()
    {
        // "GLIBCXX_3.5" is newer than 3.4.30 but shorter, and 3.4.30 is not in .dynstr.
        var elf = SyntheticElf.Build([], ("GLIBCXX_3.5", ElfHash.Compute("GLIBCXX_3.5"), 2));

        var e = Assert.Throws<InvalidDataException>(() => ElfVersionNeedPatcher.Patch(elf.Bytes, System30, "fake.so"));
        Assert.Contains("fake.so", e.Message);
        Assert.Contains("GLIBCXX_3.5", e.Message);
    }

    [Fact]
    public void Rejects_a_non_elf_file_naming_it()
    {
        var e = Assert.Throws<InvalidDataException>(() => ElfVersionNeedPatcher.Patch(new byte[128], System30, "junk.so"));
        Assert.StartsWith("junk.so", e.Message);
    }

    [Fact]
    public void Patches_the_shipped_TorchSharp_library_when_present()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", TorchNative.LibraryFileName);
        if (!File.Exists(path))
            return; // Only restored on Linux builds; the synthetic tests cover the logic everywhere.
        var bytes = File.ReadAllBytes(path);
        Assert.Contains("GLIBCXX_3.4.32", ElfVersionNeedPatcher.MissingVersions(bytes, System30));
        // A system with GCC 13's libstdc++ (Debian 13, Ubuntu 24.04) needs nothing: left untouched.
        Assert.Empty(ElfVersionNeedPatcher.MissingVersions(bytes, GlibcxxVersion.TryParse("GLIBCXX_3.4.32")!));

        var changes = ElfVersionNeedPatcher.Patch(bytes, System30, path);

        var change = Assert.Single(changes);
        Assert.Equal(["_ZSt21ios_base_library_initv"], change.Symbols);
        Assert.Empty(ElfVersionNeedPatcher.MissingVersions(bytes, System30));
        Assert.Equal(File.ReadAllBytes(path).Length, bytes.Length);
    }
}
