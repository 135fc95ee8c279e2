using Akka.Actor;
using Akka.Serialization;
using FgsActors.Actors.Kernel.Protocol;
using FgsActors.Simulation.Events;

namespace FgsActors.Actors.Kernel.Serialization;

/// <summary>
/// Compact binary form of the kernel protocol for messages that cross nodes (never JSON: event times and
/// digests are integers that must survive bit-exactly, and batches are large). Actor references travel as
/// their serialized paths and are resolved by the receiving system.
/// </summary>
public sealed class KernelMessageSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    // Stable identifier for this serializer in the cluster (Akka reserves 0-40 for its own).
    public override int Identifier => 4711;

    public override string Manifest(object o) => o switch
    {
        Grant => "G",
        EventBatch => "B",
        WindowDone => "D",
        StartPartition => "S",
        FinishPartition => "F",
        PartitionFinished => "PF",
        PartitionFailed => "X",
        CreatePartitions => "C",
        PartitionsCreated => "CC",
        PartitionReady => "R",
        ModelSpec => "M",
        _ => throw new ArgumentException($"not a kernel message: {o.GetType()}", nameof(o)),
    };

    public override byte[] ToBinary(object obj)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream))
        {
            switch (obj)
            {
                case Grant g: w.Write(g.Round); w.Write(g.Bound); break;
                case EventBatch b: w.Write(b.Round); w.Write(b.From); EventCodec.WriteAll(w, b.Span); break;
                case WindowDone d: w.Write(d.Round); w.Write(d.Partition); w.Write(d.NextEventTime); w.Write(d.OutputBound); w.Write(d.Events); break;
                case StartPartition s: WriteRef(w, s.Coordinator); WriteRefs(w, s.Peers); break;
                case FinishPartition: break;
                case PartitionFinished f: w.Write(f.Partition); w.Write(f.Events); w.Write(f.EventDigest); w.Write(f.LocalTime); break;
                case PartitionFailed x: w.Write(x.Partition); ExactText.Write(w, x.Error); break;
                case CreatePartitions c: ExactText.Write(w, c.RunId); ExactText.Write(w, c.Model.Text); w.Write(c.PartitionCount); WriteInts(w, c.Partitions); break;
                case PartitionsCreated cc: ExactText.Write(w, cc.RunId); WriteInts(w, cc.Partitions); WriteRefs(w, cc.Refs); break;
                case PartitionReady r: w.Write(r.Partition); break;
                case ModelSpec m: ExactText.Write(w, m.Text); break;
                default: throw new ArgumentException($"not a kernel message: {obj.GetType()}", nameof(obj));
            }
        }
        return stream.ToArray();
    }

    public override object FromBinary(byte[] bytes, string manifest)
    {
        using var r = new BinaryReader(new MemoryStream(bytes));
        return manifest switch
        {
            "G" => new Grant(r.ReadInt64(), r.ReadInt64()),
            "B" => new EventBatch(r.ReadInt64(), r.ReadInt32(), EventCodec.ReadAll(r)),
            "D" => new WindowDone(r.ReadInt64(), r.ReadInt32(), r.ReadInt64(), r.ReadInt64(), r.ReadInt64()),
            "S" => new StartPartition(ReadRef(r), ReadRefs(r)),
            "F" => new FinishPartition(),
            "PF" => new PartitionFinished(r.ReadInt32(), r.ReadInt64(), r.ReadUInt64(), r.ReadInt64()),
            "X" => new PartitionFailed(r.ReadInt32(), ExactText.Read(r)),
            "C" => new CreatePartitions(ExactText.Read(r), new ModelSpec(ExactText.Read(r)), r.ReadInt32(), ReadInts(r)),
            "CC" => new PartitionsCreated(ExactText.Read(r), ReadInts(r), ReadRefs(r)),
            "R" => new PartitionReady(r.ReadInt32()),
            "M" => new ModelSpec(ExactText.Read(r)),
            _ => throw new ArgumentException($"unknown kernel message manifest '{manifest}'", nameof(manifest)),
        };
    }

    private static void WriteInts(BinaryWriter w, int[] values)
    {
        w.Write(values.Length);
        foreach (var v in values) w.Write(v);
    }

    private static int[] ReadInts(BinaryReader r)
    {
        var values = new int[r.ReadInt32()];
        for (var i = 0; i < values.Length; i++) values[i] = r.ReadInt32();
        return values;
    }

    private static void WriteRef(BinaryWriter w, IActorRef actor) => w.Write(Akka.Serialization.Serialization.SerializedActorPath(actor));

    private IActorRef ReadRef(BinaryReader r) => system.Provider.ResolveActorRef(r.ReadString());

    private static void WriteRefs(BinaryWriter w, IActorRef[] refs)
    {
        w.Write(refs.Length);
        foreach (var actor in refs) WriteRef(w, actor);
    }

    private IActorRef[] ReadRefs(BinaryReader r)
    {
        var refs = new IActorRef[r.ReadInt32()];
        for (var i = 0; i < refs.Length; i++) refs[i] = ReadRef(r);
        return refs;
    }
}
