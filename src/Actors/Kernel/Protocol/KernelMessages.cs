using Akka.Actor;
using FgsActors.Simulation.Events;

namespace FgsActors.Actors.Kernel.Protocol;

/// <summary>Marker for every kernel protocol message: they are bound to <see cref="Serialization.KernelMessageSerializer"/>.</summary>
public interface IKernelMessage;

// The kernel's protocol between the coordinator, partition hosts and partition schedulers. Every message
// here can cross a node boundary: they carry only values and actor references, and KernelMessageSerializer
// writes them in a compact binary form.

/// <summary>What a node needs to build the model locally: the effective configuration text.</summary>
public sealed record ModelSpec(string Text) : IKernelMessage;

/// <summary>Coordinator → host: create these partitions of the run on your node.</summary>
public sealed record CreatePartitions(string RunId, ModelSpec Model, int PartitionCount, int[] Partitions) : IKernelMessage;

/// <summary>Host → coordinator: the partitions were created (refs in the order requested).</summary>
public sealed record PartitionsCreated(string RunId, int[] Partitions, IActorRef[] Refs) : IKernelMessage;

/// <summary>Coordinator → partition: here are all partitions (index = partition id); start the entities.</summary>
public sealed record StartPartition(IActorRef Coordinator, IActorRef[] Peers) : IKernelMessage;

/// <summary>Coordinator → partition: process every event below <paramref name="Bound"/> (round number <paramref name="Round"/>).</summary>
public sealed record Grant(long Round, long Bound) : IKernelMessage;

/// <summary>
/// Partition → partition: the events it produced for the receiver in a round (often empty): the first
/// <paramref name="Count"/> of <paramref name="Events"/>. When <paramref name="Pooled"/>, the array was rented from
/// <see cref="System.Buffers.ArrayPool{T}.Shared"/> by the sender and the receiver returns it after use, so a dense
/// run does not allocate an array per batch (tens of bytes per event otherwise, and the collections that follow).
/// </summary>
public sealed record EventBatch(long Round, int From, SimEvent[] Events, int Count, bool Pooled) : IKernelMessage
{
    /// <summary>A batch that owns exactly its events (nothing to return to a pool).</summary>
    public EventBatch(long round, int from, SimEvent[] events) : this(round, from, events, events.Length, false)
    {
    }

    public ReadOnlySpan<SimEvent> Span => Events.AsSpan(0, Count);
}

/// <summary>Partition → coordinator: round done and all incoming batches received; status for the next grant.</summary>
public sealed record WindowDone(long Round, int Partition, long NextEventTime, long OutputBound, long Events) : IKernelMessage;

/// <summary>Coordinator → partition: the run is over; report totals.</summary>
public sealed record FinishPartition : IKernelMessage;

/// <summary>Partition → coordinator: final totals.</summary>
public sealed record PartitionFinished(int Partition, long Events, ulong EventDigest, long LocalTime) : IKernelMessage;

/// <summary>Partition → coordinator: the partition failed (a model error); the run stops with this message.</summary>
public sealed record PartitionFailed(int Partition, string Error) : IKernelMessage;

/// <summary>Partition → its host: entity actors are created and it is ready to start.</summary>
public sealed record PartitionReady(int Partition) : IKernelMessage;

/// <summary>Coordinator → partition (local runs): write your checkpoint section now (between windows).</summary>
internal sealed record TakeCheckpoint;

/// <summary>Partition → coordinator: its checkpoint section (<see cref="Simulation.Checkpoints.PartitionSection"/>, serialised).</summary>
internal sealed record CheckpointSection(int Partition, byte[] Bytes);

/// <summary>Partition → itself: a payload it was waiting for is now computed.</summary>
internal sealed record PayloadReady(long Round);
