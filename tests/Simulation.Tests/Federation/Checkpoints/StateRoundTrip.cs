using FgsActors.Models.Checkpoints;

namespace FgsActors.Simulation.Tests.Federation.Checkpoints;

/// <summary>Save, load and truncation checks shared by the checkpoint tests of the fleet's stateful parts.</summary>
internal static class StateRoundTrip
{
    public static byte[] Save(IStateful state)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream)) state.SaveState(writer);
        return stream.ToArray();
    }

    /// <summary>Loads <paramref name="bytes"/> into <paramref name="state"/>, which must read every byte and no more.</summary>
    public static void Load(IStateful state, byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var reader = new BinaryReader(stream);
        state.LoadState(reader);
        Assert.True(stream.Position == bytes.Length, $"read {stream.Position} of {bytes.Length} saved bytes");
    }

    /// <summary>Saves <paramref name="original"/>, loads it into <paramref name="twin"/> and checks the twin saves the same bytes.</summary>
    public static byte[] IntoTwin(IStateful original, IStateful twin)
    {
        var bytes = Save(original);
        Load(twin, bytes);
        Assert.Equal(bytes, Save(twin));
        return bytes;
    }

    /// <summary>
    /// Every strict prefix of <paramref name="bytes"/> (or <paramref name="samples"/> of them, spread evenly) fails to
    /// load into a fresh object: the end of the stream or a format error, never a silent success.
    /// </summary>
    public static void AssertTruncationsThrow(byte[] bytes, Func<IStateful> fresh, int samples = int.MaxValue)
    {
        Assert.NotEmpty(bytes);
        var step = Math.Max(1, bytes.Length / Math.Min(samples, bytes.Length));
        for (var length = 0; length < bytes.Length; length += step)
        {
            var prefix = bytes[..length];
            var error = Record.Exception(() =>
            {
                using var reader = new BinaryReader(new MemoryStream(prefix));
                fresh().LoadState(reader);
            });
            Assert.True(error is EndOfStreamException or CheckpointFormatException,
                $"a checkpoint cut to {length} of {bytes.Length} bytes gave {error?.GetType().Name ?? "no error"}");
        }
    }
}
