namespace FgsActors.Models.Torch;

/// <summary>
/// The System V ELF hash (gABI "hash" function). The dynamic linker compares a Vernaux's
/// <c>vna_hash</c> with the provider's Verdef hash before it compares names, so a renamed
/// version entry needs the hash of its new name or it will never match.
/// </summary>
internal static class ElfHash
{
    public static uint Compute(ReadOnlySpan<byte> name)
    {
        uint h = 0;
        foreach (byte c in name)
        {
            h = (h << 4) + c;
            uint g = h & 0xf0000000;
            if (g != 0)
                h ^= g >> 24;
            h &= ~g;
        }
        return h;
    }

    public static uint Compute(string name) => Compute(System.Text.Encoding.ASCII.GetBytes(name));
}
