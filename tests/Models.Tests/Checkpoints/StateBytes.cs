using System.Text;
using FgsActors.Models.Checkpoints;

namespace FgsActors.Models.Tests.Checkpoints;

/// <summary>
/// Saving and loading <see cref="IStateful"/> objects through memory, with the checks every state test makes: a load
/// reads exactly what the save wrote, a twin saves the same bytes again, and a cut-off checkpoint fails loudly.
/// </summary>
internal static class StateBytes
{
    public static byte[] Save(IStateful stateful)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
            stateful.SaveState(writer);
        return stream.ToArray();
    }

    /// <summary>Loads <paramref name="bytes"/> into <paramref name="stateful"/> and asserts that it read all of them.</summary>
    public static void Load(IStateful stateful, byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        stateful.LoadState(reader);
        Assert.Equal(bytes.Length, stream.Position);
    }

    /// <summary>
    /// Saves <paramref name="original"/>, loads the bytes into <paramref name="twin"/> (freshly built from the same
    /// configuration) and asserts that the twin saves the very same bytes; returns them.
    /// </summary>
    public static byte[] CopyInto(IStateful original, IStateful twin)
    {
        var bytes = Save(original);
        Load(twin, bytes);
        Assert.Equal(bytes, Save(twin));
        return bytes;
    }

    /// <summary>
    /// Asserts that loading any proper prefix of <paramref name="bytes"/> into <paramref name="target"/> throws (a
    /// format error or the end of the stream): every prefix when there are few bytes, else about forty spread over
    /// them, the first and last few included.
    /// </summary>
    public static void AssertEveryCutThrows(byte[] bytes, IStateful target) => AssertEveryCutThrows(bytes, () => target);

    /// <summary>As above, each prefix loaded into a fresh object from <paramref name="fresh"/>.</summary>
    public static void AssertEveryCutThrows(byte[] bytes, Func<IStateful> fresh)
    {
        Assert.NotEmpty(bytes);
        var cuts = bytes.Length <= 512
            ? Enumerable.Range(0, bytes.Length)
            : Enumerable.Range(0, 4).Concat(Enumerable.Range(bytes.Length - 4, 4)).Concat(Enumerable.Range(1, 32).Select(k => k * bytes.Length / 33));
        foreach (var cut in cuts.Distinct())
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, 0, cut), Encoding.UTF8);
            var error = Record.Exception(() => fresh().LoadState(reader));
            Assert.True(error is EndOfStreamException or CheckpointFormatException,
                $"loading the first {cut} of {bytes.Length} bytes gave {error?.GetType().Name ?? "no error"}");
        }
    }
}
