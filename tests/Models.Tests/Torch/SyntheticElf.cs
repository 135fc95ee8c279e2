using System.Buffers.Binary;
using System.Text;

namespace FgsActors.Models.Tests.Torch;

/// <summary>
/// Builds the smallest ELF64 little-endian file the version patcher reads: an ELF header,
/// a section header table ([0] null, [1] .dynstr, [2] .gnu.version_r) and one Verneed for
/// libstdc++.so.6 with a Vernaux per requested version. Hashes are written as given so a test
/// controls them independently of the code under test.
/// </summary>
internal static class SyntheticElf
{
    public const int VerneedOffset = 0x100;

    /// <summary>Layout of the built file, for assertions on raw bytes.</summary>
    public sealed record Layout(byte[] Bytes, int DynstrOffset, int DynstrSize, IReadOnlyDictionary<string, int> NameOffsets);

    public static Layout Build(string[] dynstrExtras, params (string Name, uint Hash, ushort Index)[] needs)
    {
        // .dynstr: leading NUL, the file name, the needed names, then any extra strings.
        var strings = new MemoryStream();
        strings.WriteByte(0);
        var offsets = new Dictionary<string, int>();
        foreach (var s in new[] { "libstdc++.so.6" }.Concat(needs.Select(n => n.Name)).Concat(dynstrExtras))
        {
            if (offsets.ContainsKey(s))
                continue;
            offsets[s] = (int)strings.Length;
            var b = Encoding.ASCII.GetBytes(s);
            strings.Write(b);
            strings.WriteByte(0);
        }
        var dynstr = strings.ToArray();

        int verneedSize = 16 + 16 * needs.Length;
        int dynstrOffset = VerneedOffset + verneedSize;
        int shoff = (dynstrOffset + dynstr.Length + 7) & ~7;
        var bytes = new byte[shoff + 3 * 64];
        var span = bytes.AsSpan();

        // ELF header: magic, ELFCLASS64, ELFDATA2LSB, EV_CURRENT, ET_DYN, EM_X86_64.
        bytes[0] = 0x7f; bytes[1] = (byte)'E'; bytes[2] = (byte)'L'; bytes[3] = (byte)'F';
        bytes[4] = 2; bytes[5] = 1; bytes[6] = 1;
        BinaryPrimitives.WriteUInt16LittleEndian(span[0x10..], 3);
        BinaryPrimitives.WriteUInt16LittleEndian(span[0x12..], 62);
        BinaryPrimitives.WriteUInt64LittleEndian(span[0x28..], (ulong)shoff);
        BinaryPrimitives.WriteUInt16LittleEndian(span[0x34..], 64);
        BinaryPrimitives.WriteUInt16LittleEndian(span[0x3A..], 64);
        BinaryPrimitives.WriteUInt16LittleEndian(span[0x3C..], 3);

        // Verneed: version 1, cnt, file, aux = 16 (Vernaux follow it), next = 0 (the only one).
        BinaryPrimitives.WriteUInt16LittleEndian(span[VerneedOffset..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(span[(VerneedOffset + 2)..], (ushort)needs.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(span[(VerneedOffset + 4)..], (uint)offsets["libstdc++.so.6"]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[(VerneedOffset + 8)..], 16);
        for (int i = 0; i < needs.Length; i++)
        {
            int aux = VerneedOffset + 16 + 16 * i;
            BinaryPrimitives.WriteUInt32LittleEndian(span[aux..], needs[i].Hash);
            BinaryPrimitives.WriteUInt16LittleEndian(span[(aux + 6)..], needs[i].Index);
            BinaryPrimitives.WriteUInt32LittleEndian(span[(aux + 8)..], (uint)offsets[needs[i].Name]);
            BinaryPrimitives.WriteUInt32LittleEndian(span[(aux + 12)..], i == needs.Length - 1 ? 0u : 16u);
        }
        dynstr.CopyTo(span[dynstrOffset..]);

        WriteSection(span, shoff, 1, type: 3, offset: dynstrOffset, size: dynstr.Length, link: 0, info: 0);
        WriteSection(span, shoff, 2, type: 0x6ffffffe, offset: VerneedOffset, size: verneedSize, link: 1, info: 1);
        return new Layout(bytes, dynstrOffset, dynstr.Length, offsets);
    }

    public static (uint Hash, string Name) ReadVernaux(Layout elf, int index)
    {
        var span = elf.Bytes.AsSpan();
        int aux = VerneedOffset + 16 + 16 * index;
        uint hash = BinaryPrimitives.ReadUInt32LittleEndian(span[aux..]);
        int name = (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(aux + 8)..]);
        var str = span[(elf.DynstrOffset + name)..];
        return (hash, Encoding.ASCII.GetString(str[..str.IndexOf((byte)0)]));
    }

    private static void WriteSection(Span<byte> span, int shoff, int index, uint type, int offset, int size, uint link, uint info)
    {
        var h = span[(shoff + 64 * index)..];
        BinaryPrimitives.WriteUInt32LittleEndian(h[4..], type);
        BinaryPrimitives.WriteUInt64LittleEndian(h[24..], (ulong)offset);
        BinaryPrimitives.WriteUInt64LittleEndian(h[32..], (ulong)size);
        BinaryPrimitives.WriteUInt32LittleEndian(h[40..], link);
        BinaryPrimitives.WriteUInt32LittleEndian(h[44..], info);
    }
}
