using System.Buffers.Binary;

namespace FgsActors.Models.Torch;

/// <summary>
/// Finds the dynamic symbols whose <c>.gnu.version</c> index names a given version requirement.
/// Used only to report what a retarget affects; the patch itself does not depend on it.
/// </summary>
internal static class VersionedSymbols
{
    private const int SymbolSize = 24;

    public static IReadOnlyList<string> BoundTo(ElfImage elf, ushort versionIndex)
    {
        var result = new List<string>();
        if (elf.FirstOfType(ElfImage.ShtGnuVersym) is not { } versym || elf.FirstOfType(ElfImage.ShtDynsym) is not { } dynsym)
            return result;
        var strtab = elf.Linked(dynsym);
        var versions = elf.Content(versym);
        var symbols = elf.Content(dynsym);
        int count = Math.Min(versions.Length / 2, symbols.Length / SymbolSize);
        for (int i = 0; i < count; i++)
        {
            // Bit 15 marks a hidden version; the low 15 bits are the index.
            ushort index = (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(versions[(i * 2)..]) & 0x7fff);
            if (index == versionIndex)
                result.Add(elf.StringAt(strtab, BinaryPrimitives.ReadUInt32LittleEndian(symbols[(i * SymbolSize)..])));
        }
        return result;
    }
}
