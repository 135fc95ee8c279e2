using FgsActors.Models.Checkpoints;
using FgsActors.Simulation.Kernel;

namespace FgsActors.Simulation.Workloads.Sparse;

/// <summary>
/// The sparse workload's payload codec. Its events carry everything in their kind and data and never a payload, so the
/// codec writes one tag byte for "none" and refuses anything else: a payload appearing here would be a bug that a
/// checkpoint must not silently drop.
/// </summary>
public sealed class SparsePayloads : IPayloadCodec
{
    private const byte None = 0;

    public static SparsePayloads Instance { get; } = new();

    public void Write(BinaryWriter writer, object? payload)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (payload is not null)
            throw new InvalidOperationException($"a sparse event carries a payload of type {payload.GetType().Name}; sparse events have none");
        writer.Write(None);
    }

    public object? Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var tag = reader.ReadByte();
        return tag == None ? null : throw new CheckpointFormatException($"a sparse event's payload tag is {tag}; sparse events have none (tag {None})");
    }
}
