using System.Buffers.Binary;

namespace FgsActors.Models.Torch;

/// <summary>
/// Reads the DT_NEEDED names of a shared library's <c>.dynamic</c> section. The patched copy lives
/// in a cache folder where its <c>$ORIGIN</c> RUNPATH no longer finds libtorch; loading these
/// dependencies from the original folder first lets the dynamic linker reuse them by soname.
/// </summary>
internal static class DynamicNeeded
{
    private const long DtNull = 0, DtNeeded = 1;

    public static IReadOnlyList<string> ReadAll(ElfImage elf)
    {
        var result = new List<string>();
        if (elf.FirstOfType(ElfImage.ShtDynamic) is not { } dynamic)
            return result;
        var strtab = elf.Linked(dynamic);
        var entries = elf.Content(dynamic);
        for (int at = 0; at + 16 <= entries.Length; at += 16)
        {
            long tag = BinaryPrimitives.ReadInt64LittleEndian(entries[at..]);
            if (tag == DtNull)
                break;
            if (tag == DtNeeded)
                result.Add(elf.StringAt(strtab, (uint)BinaryPrimitives.ReadUInt64LittleEndian(entries[(at + 8)..])));
        }
        return result;
    }
}
