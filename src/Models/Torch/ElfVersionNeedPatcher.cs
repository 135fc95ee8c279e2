using System.Buffers.Binary;
using System.Text;

namespace FgsActors.Models.Torch;

/// <summary>
/// Rewrites a shared library's version requirements (<c>.gnu.version_r</c>) so that every
/// GLIBCXX version newer than the system's newest names the system's newest instead.
/// <para>
/// Why this is safe for TorchSharp 0.107: GCC 13 headers make every object that includes
/// &lt;iostream&gt; reference <c>_ZSt21ios_base_library_initv</c>@GLIBCXX_3.4.32 without calling it,
/// and that is the only symbol bound to 3.4.32; the dynamic linker refuses the whole library
/// only because of the version entry. <see cref="VersionRetarget.Symbols"/> reports what each
/// retarget affects so a future package that really uses a newer symbol is visible in the log.
/// </para>
/// Pure: works on the given bytes only and never touches the file system.
/// </summary>
public static class ElfVersionNeedPatcher
{
    /// <summary>
    /// Patches <paramref name="elf"/> in place and returns what changed (empty: nothing needed,
    /// bytes untouched). <paramref name="source"/> names the file in error messages.
    /// </summary>
    public static IReadOnlyList<VersionRetarget> Patch(byte[] elf, GlibcxxVersion systemNewest, string source = "<memory>")
    {
        ArgumentNullException.ThrowIfNull(elf);
        ArgumentNullException.ThrowIfNull(systemNewest);
        try
        {
            return PatchCore(ElfImage.Parse(elf, source), systemNewest);
        }
        catch (InvalidDataException e) when (!e.Message.StartsWith(source, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{source}: {e.Message}", e);
        }
    }

    /// <summary>The GLIBCXX versions <paramref name="elf"/> requires that the system lacks (read-only).</summary>
    public static IReadOnlyList<string> MissingVersions(byte[] elf, GlibcxxVersion systemNewest, string source = "<memory>")
    {
        var image = ElfImage.Parse(elf, source);
        return VersionNeed.ReadAll(image, out _, out _)
            .Where(n => GlibcxxVersion.TryParse(n.Name) is { } v && v.CompareTo(systemNewest) > 0)
            .Select(n => n.Name)
            .Distinct()
            .ToList();
    }

    private static IReadOnlyList<VersionRetarget> PatchCore(ElfImage elf, GlibcxxVersion systemNewest)
    {
        var needs = VersionNeed.ReadAll(elf, out _, out var dynstr);
        var changes = new List<VersionRetarget>();
        foreach (var need in needs)
        {
            if (GlibcxxVersion.TryParse(need.Name) is not { } wanted || wanted.CompareTo(systemNewest) <= 0)
                continue;
            var symbols = VersionedSymbols.BoundTo(elf, need.Index);
            Retarget(elf, dynstr!.Value, need, systemNewest.Name);
            changes.Add(new VersionRetarget(need.Name, systemNewest.Name, symbols));
        }
        return changes;
    }

    private static void Retarget(ElfImage elf, ElfSection dynstr, VersionNeed need, string target)
    {
        var bytes = elf.Bytes.AsSpan();
        // Prefer pointing at a string that already exists: .dynstr stays byte-identical, so no
        // other reference (a file name, a symbol, a tail-merged string) can be disturbed.
        int nameOffset = elf.FindString(dynstr, target);
        if (nameOffset < 0)
        {
            // Otherwise overwrite the old name in place; it must fit, since .dynstr cannot grow
            // without relinking. "GLIBCXX_3.4.3x" -> "GLIBCXX_3.4.30" is always the same length.
            var old = Encoding.ASCII.GetBytes(need.Name);
            var replacement = Encoding.ASCII.GetBytes(target);
            if (replacement.Length > old.Length)
                throw new InvalidDataException(
                    $"cannot retarget {need.Name} to {target}: the name is longer and {target} is not already in .dynstr.");
            var slot = elf.Content(dynstr).Slice((int)need.NameOffset, old.Length + 1);
            slot.Clear();
            replacement.CopyTo(slot);
            nameOffset = (int)need.NameOffset;
        }
        BinaryPrimitives.WriteUInt32LittleEndian(bytes[need.AuxOffset..], ElfHash.Compute(target));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes[(need.AuxOffset + 8)..], (uint)nameOffset);
    }
}
