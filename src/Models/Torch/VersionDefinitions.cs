using System.Buffers.Binary;

namespace FgsActors.Models.Torch;

/// <summary>
/// Reads the version names a shared library <em>provides</em> (its <c>.gnu.version_d</c> Verdef
/// entries). For libstdc++ these are exactly the GLIBCXX_* versions the dynamic linker accepts.
/// </summary>
internal static class VersionDefinitions
{
    public static IReadOnlyList<string> ReadAll(ElfImage elf)
    {
        var result = new List<string>();
        if (elf.FirstOfType(ElfImage.ShtGnuVerdef) is not { } section)
            return result;
        var strtab = elf.Linked(section);
        var bytes = elf.Bytes.AsSpan();
        int start = (int)section.Offset, end = start + (int)section.Size;

        int def = start;
        for (uint n = 0; n < section.Info; n++)
        {
            if (def < start || def + 20 > end)
                throw new InvalidDataException($"Verdef entry at file offset 0x{def:x} lies outside .gnu.version_d.");
            uint auxLink = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(def + 12)..]);
            uint nextLink = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(def + 16)..]);
            // The first Verdaux names the version itself; later ones name its parents.
            int aux = def + (int)auxLink;
            if (aux < start || aux + 8 > end)
                throw new InvalidDataException($"Verdaux entry at file offset 0x{aux:x} lies outside .gnu.version_d.");
            result.Add(elf.StringAt(strtab, BinaryPrimitives.ReadUInt32LittleEndian(bytes[aux..])));
            if (nextLink == 0)
                break;
            def += (int)nextLink;
        }
        return result;
    }
}
