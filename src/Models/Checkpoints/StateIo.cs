using FgsActors.Models.Federated;
using FgsActors.Models.Randomness;

namespace FgsActors.Models.Checkpoints;

/// <summary>
/// Binary helpers for checkpoint state: arrays, nullable numbers, random streams and the learning records that
/// travel in events. Every Write has a Read that returns the same value; arrays carry their length (−1 for null).
/// </summary>
public static class StateIo
{
    public static void WriteFloats(this BinaryWriter writer, float[]? values)
    {
        if (values is null)
        {
            writer.Write(-1);
            return;
        }
        writer.Write(values.Length);
        foreach (var v in values) writer.Write(v);
    }

    public static float[]? ReadFloats(this BinaryReader reader)
    {
        var length = reader.ReadLength();
        if (length < 0) return null;
        var values = new float[length];
        for (var i = 0; i < length; i++) values[i] = reader.ReadSingle();
        return values;
    }

    public static void WriteDoubles(this BinaryWriter writer, double[]? values)
    {
        if (values is null)
        {
            writer.Write(-1);
            return;
        }
        writer.Write(values.Length);
        foreach (var v in values) writer.Write(v);
    }

    public static double[]? ReadDoubles(this BinaryReader reader)
    {
        var length = reader.ReadLength();
        if (length < 0) return null;
        var values = new double[length];
        for (var i = 0; i < length; i++) values[i] = reader.ReadDouble();
        return values;
    }

    public static void WriteInts(this BinaryWriter writer, int[]? values)
    {
        if (values is null)
        {
            writer.Write(-1);
            return;
        }
        writer.Write(values.Length);
        foreach (var v in values) writer.Write(v);
    }

    public static int[]? ReadInts(this BinaryReader reader)
    {
        var length = reader.ReadLength();
        if (length < 0) return null;
        var values = new int[length];
        for (var i = 0; i < length; i++) values[i] = reader.ReadInt32();
        return values;
    }

    public static void WriteNullable(this BinaryWriter writer, double? value)
    {
        writer.Write(value.HasValue);
        if (value.HasValue) writer.Write(value.Value);
    }

    public static double? ReadNullableDouble(this BinaryReader reader) => reader.ReadBoolean() ? reader.ReadDouble() : null;

    public static void WriteNullable(this BinaryWriter writer, long? value)
    {
        writer.Write(value.HasValue);
        if (value.HasValue) writer.Write(value.Value);
    }

    public static long? ReadNullableInt64(this BinaryReader reader) => reader.ReadBoolean() ? reader.ReadInt64() : null;

    /// <summary>A generator's position (its four state words).</summary>
    public static void WriteRandom(this BinaryWriter writer, Xoshiro256StarStar random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var (a, b, c, d) = random.State;
        writer.Write(a);
        writer.Write(b);
        writer.Write(c);
        writer.Write(d);
    }

    /// <summary>Moves <paramref name="random"/> to the saved position.</summary>
    public static void ReadRandomInto(this BinaryReader reader, Xoshiro256StarStar random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var state = (reader.ReadUInt64(), reader.ReadUInt64(), reader.ReadUInt64(), reader.ReadUInt64());
        if ((state.Item1 | state.Item2 | state.Item3 | state.Item4) == 0)
            throw new CheckpointFormatException("a random stream's saved state is all zeros (corrupted checkpoint)");
        random.State = state;
    }

    public static void WriteLocalUpdate(this BinaryWriter writer, LocalUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        writer.Write(update.Client);
        writer.WriteFloats(update.Delta);
        writer.Write(update.Samples);
        writer.Write(update.Loss);
    }

    public static LocalUpdate ReadLocalUpdate(this BinaryReader reader)
    {
        var client = reader.ReadInt32();
        var delta = reader.ReadFloats() ?? throw new CheckpointFormatException("a saved local update has no delta");
        return new LocalUpdate(client, delta, reader.ReadInt32(), reader.ReadDouble());
    }

    public static void WriteFidelity(this BinaryWriter writer, GeneratorFidelity? fidelity)
    {
        writer.Write(fidelity is not null);
        if (fidelity is null) return;
        writer.Write(fidelity.Fid);
        writer.Write(fidelity.InceptionScore);
        writer.Write(fidelity.Coverage);
        writer.Write(fidelity.ConditionalAccuracy);
        writer.WriteNullable(fidelity.LocalFidMean);
        writer.WriteNullable(fidelity.LocalFidMax);
        writer.Write(fidelity.LocalDevices);
    }

    public static GeneratorFidelity? ReadFidelity(this BinaryReader reader) =>
        reader.ReadBoolean()
            ? new GeneratorFidelity(reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(),
                reader.ReadNullableDouble(), reader.ReadNullableDouble(), reader.ReadInt32())
            : null;

    /// <summary>A length written by one of the array writers: −1 (null) or a count that the remaining data can hold.</summary>
    public static int ReadLength(this BinaryReader reader)
    {
        var length = reader.ReadInt32();
        if (length < -1) throw new CheckpointFormatException($"a saved array length is {length} (corrupted checkpoint)");
        var stream = reader.BaseStream;
        if (length > 0 && stream.CanSeek && length > stream.Length - stream.Position)
            throw new CheckpointFormatException($"a saved array claims {length} elements but only {stream.Length - stream.Position} bytes remain (truncated checkpoint)");
        return length;
    }

    /// <summary>A count of saved items: never negative, and (when the stream knows its length) not more items than bytes left.</summary>
    public static int ReadCount(this BinaryReader reader, string what)
    {
        var count = reader.ReadInt32();
        var stream = reader.BaseStream;
        if (count < 0 || (stream.CanSeek && count > stream.Length - stream.Position))
            throw new CheckpointFormatException($"a saved count of {what} is {count} (corrupted or truncated checkpoint)");
        return count;
    }

    /// <summary>A block of bytes prefixed by its length (<see cref="ReadCount"/>), which must be there whole.</summary>
    public static byte[] ReadBlock(this BinaryReader reader, string what)
    {
        var length = reader.ReadCount(what);
        var bytes = reader.ReadBytes(length);
        return bytes.Length == length ? bytes : throw new EndOfStreamException($"{what} is cut short");
    }

    /// <summary>Throws unless <paramref name="actual"/> is what the running configuration expects.</summary>
    public static void Expect<T>(T actual, T expected, string what)
    {
        if (!EqualityComparer<T>.Default.Equals(actual, expected))
            throw new CheckpointFormatException($"{what}: the checkpoint has {actual}, this run has {expected} (the checkpoint belongs to another configuration)");
    }
}
