using System.Buffers.Binary;
using System.Text;

namespace FgsActors.Models.Torch;

/// <summary>
/// Read-only view of the parts of an ELF64 little-endian file that symbol versioning touches:
/// section headers and NUL-terminated strings. Only x86-64 Linux is handled because that is the
/// one platform whose TorchSharp binary needs patching; anything else is rejected with a clear
/// message rather than misread.
/// </summary>
internal sealed class ElfImage
{
    public const uint ShtStrtab = 3;
    public const uint ShtDynamic = 6;
    public const uint ShtDynsym = 11;
    public const uint ShtGnuVerdef = 0x6ffffffd;
    public const uint ShtGnuVerneed = 0x6ffffffe;
    public const uint ShtGnuVersym = 0x6fffffff;

    private const int SectionHeaderSize = 64;

    private readonly byte[] _bytes;

    private ElfImage(byte[] bytes, IReadOnlyList<ElfSection> sections)
    {
        _bytes = bytes;
        Sections = sections;
    }

    public IReadOnlyList<ElfSection> Sections { get; }

    /// <summary>The file's bytes; patching writes through them, so the caller owns the copy.</summary>
    public byte[] Bytes => _bytes;

    /// <summary>Parses the ELF and section headers; <paramref name="source"/> names the file in errors.</summary>
    public static ElfImage Parse(byte[] bytes, string source)
    {
        if (bytes.Length < 64 || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[2] != (byte)'L' || bytes[3] != (byte)'F')
            throw new InvalidDataException($"{source}: not an ELF file (bad magic).");
        if (bytes[4] != 2 || bytes[5] != 1)
            throw new InvalidDataException($"{source}: only ELF64 little-endian is supported (class {bytes[4]}, data {bytes[5]}).");

        var span = bytes.AsSpan();
        ulong shoff = BinaryPrimitives.ReadUInt64LittleEndian(span[0x28..]);
        ushort shentsize = BinaryPrimitives.ReadUInt16LittleEndian(span[0x3A..]);
        ushort shnum = BinaryPrimitives.ReadUInt16LittleEndian(span[0x3C..]);
        if (shnum == 0)
            return new ElfImage(bytes, []);
        if (shentsize != SectionHeaderSize)
            throw new InvalidDataException($"{source}: unexpected section header size {shentsize}.");
        if (shoff + (ulong)shnum * SectionHeaderSize > (ulong)bytes.Length)
            throw new InvalidDataException($"{source}: section header table runs past the end of the file.");

        var sections = new ElfSection[shnum];
        for (int i = 0; i < shnum; i++)
        {
            var h = span.Slice((int)shoff + i * SectionHeaderSize, SectionHeaderSize);
            var s = new ElfSection(
                Index: i,
                Type: BinaryPrimitives.ReadUInt32LittleEndian(h[4..]),
                Offset: BinaryPrimitives.ReadUInt64LittleEndian(h[24..]),
                Size: BinaryPrimitives.ReadUInt64LittleEndian(h[32..]),
                Link: BinaryPrimitives.ReadUInt32LittleEndian(h[40..]),
                Info: BinaryPrimitives.ReadUInt32LittleEndian(h[44..]));
            // NOBITS sections (.bss) have no file bytes, so their size says nothing about the file.
            if (s.Type != 8 && s.Offset + s.Size > (ulong)bytes.Length)
                throw new InvalidDataException($"{source}: section {i} runs past the end of the file.");
            sections[i] = s;
        }
        return new ElfImage(bytes, sections);
    }

    public ElfSection? FirstOfType(uint type) => Sections.FirstOrDefault(s => s.Type == type);

    public ElfSection Linked(ElfSection section) =>
        section.Link < Sections.Count
            ? Sections[(int)section.Link]
            : throw new InvalidDataException($"section {section.Index} links to missing section {section.Link}.");

    public Span<byte> Content(ElfSection section) => _bytes.AsSpan((int)section.Offset, (int)section.Size);

    /// <summary>The NUL-terminated string at <paramref name="offset"/> inside string table <paramref name="strtab"/>.</summary>
    public string StringAt(ElfSection strtab, uint offset)
    {
        var table = Content(strtab);
        if (offset >= table.Length)
            throw new InvalidDataException($"string offset {offset} is outside the string table (size {table.Length}).");
        var rest = table[(int)offset..];
        int end = rest.IndexOf((byte)0);
        return Encoding.ASCII.GetString(end < 0 ? rest : rest[..end]);
    }

    /// <summary>Offset of a whole NUL-terminated string equal to <paramref name="value"/>, or -1.</summary>
    public int FindString(ElfSection strtab, string value)
    {
        var table = Content(strtab);
        var needle = Encoding.ASCII.GetBytes(value + "\0");
        for (int from = 0; from < table.Length;)
        {
            int at = table[from..].IndexOf(needle);
            if (at < 0)
                return -1;
            int offset = from + at;
            // Must start a string (preceded by NUL) so we never point into the tail of a longer name.
            if (offset == 0 || table[offset - 1] == 0)
                return offset;
            from = offset + 1;
        }
        return -1;
    }
}

/// <summary>One section header: only the fields the version patcher needs.</summary>
internal readonly record struct ElfSection(int Index, uint Type, ulong Offset, ulong Size, uint Link, uint Info);
