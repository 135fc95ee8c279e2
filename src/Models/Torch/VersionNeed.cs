using System.Buffers.Binary;

namespace FgsActors.Models.Torch;

/// <summary>
/// One Vernaux entry of <c>.gnu.version_r</c>: "this file needs version <see cref="Name"/> from
/// <see cref="File"/>". <see cref="AuxOffset"/> is the entry's file offset, so a patch can rewrite it.
/// </summary>
internal readonly record struct VersionNeed(string File, string Name, uint NameOffset, uint Hash, ushort Index, int AuxOffset)
{
    /// <summary>
    /// Walks every Verneed and its Vernaux chain. The counts and next-links come from the file,
    /// so each step is bounds-checked: a corrupt table gives a clear error, not a wild read.
    /// </summary>
    public static IReadOnlyList<VersionNeed> ReadAll(ElfImage elf, out ElfSection? verneed, out ElfSection? dynstr)
    {
        verneed = elf.FirstOfType(ElfImage.ShtGnuVerneed);
        dynstr = null;
        var result = new List<VersionNeed>();
        if (verneed is not { } section)
            return result;
        var strtab = elf.Linked(section);
        dynstr = strtab;
        var bytes = elf.Bytes.AsSpan();
        int start = (int)section.Offset, end = start + (int)section.Size;

        int need = start;
        for (uint n = 0; n < section.Info; n++)
        {
            Require(need + 16 <= end, "Verneed entry", need);
            ushort count = BinaryPrimitives.ReadUInt16LittleEndian(bytes[(need + 2)..]);
            uint fileName = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(need + 4)..]);
            uint auxLink = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(need + 8)..]);
            uint nextLink = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(need + 12)..]);
            string file = elf.StringAt(strtab, fileName);

            int aux = need + (int)auxLink;
            for (int a = 0; a < count; a++)
            {
                Require(aux >= start && aux + 16 <= end, "Vernaux entry", aux);
                uint hash = BinaryPrimitives.ReadUInt32LittleEndian(bytes[aux..]);
                ushort other = BinaryPrimitives.ReadUInt16LittleEndian(bytes[(aux + 6)..]);
                uint name = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(aux + 8)..]);
                uint next = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(aux + 12)..]);
                result.Add(new VersionNeed(file, elf.StringAt(strtab, name), name, hash, other, aux));
                if (next == 0)
                    break;
                aux += (int)next;
            }
            if (nextLink == 0)
                break;
            need += (int)nextLink;
        }
        return result;
    }

    private static void Require(bool ok, string what, int offset)
    {
        if (!ok)
            throw new InvalidDataException($"{what} at file offset 0x{offset:x} lies outside .gnu.version_r.");
    }
}
