using FgsActors.Models.Checkpoints;
using FgsActors.Simulation.Kernel;

namespace FgsActors.Simulation.Checkpoints;

/// <summary>The payload codec of a model whose events never carry a payload object.</summary>
public sealed class NoPayloads : IPayloadCodec
{
    public static readonly NoPayloads Instance = new();

    private NoPayloads()
    {
    }

    public void Write(BinaryWriter writer, object? payload)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (payload is not null) throw new InvalidOperationException($"this model's events carry no payloads, yet one carries a {payload.GetType().Name}");
        writer.Write((byte)0);
    }

    public object? Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var tag = reader.ReadByte();
        return tag == 0 ? null : throw new CheckpointFormatException($"payload tag {tag} where this model has no payloads");
    }
}
