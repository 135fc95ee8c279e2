namespace FgsActors.Actors.Kernel.Serialization;

/// <summary>
/// Strings as their UTF-16 code units. <see cref="BinaryWriter.Write(string)"/> encodes UTF-8 and silently
/// replaces an unpaired surrogate with U+FFFD; text that crosses nodes must arrive exactly as sent.
/// </summary>
public static class ExactText
{
    public static void Write(BinaryWriter w, string text)
    {
        w.Write(text.Length);
        foreach (var ch in text) w.Write((ushort)ch);
    }

    public static string Read(BinaryReader r)
    {
        var length = r.ReadInt32();
        if (length < 0) throw new InvalidDataException($"negative string length {length}");
        return string.Create(length, r, static (chars, reader) =>
        {
            for (var i = 0; i < chars.Length; i++) chars[i] = (char)reader.ReadUInt16();
        });
    }
}
