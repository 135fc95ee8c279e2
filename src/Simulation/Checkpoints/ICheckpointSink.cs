namespace FgsActors.Simulation.Checkpoints;

/// <summary>
/// Decides when a run takes a checkpoint and stores it. The kernel asks at every window boundary — the safe point
/// where every partition has finished its window and every message between partitions has been delivered — and, when
/// it is due, hands over the partitions' sections (<see cref="PartitionSection"/>, serialised) while the model is idle.
/// </summary>
public interface ICheckpointSink
{
    /// <summary>Whether to take a checkpoint at this boundary (called on the coordinating thread, the model idle).</summary>
    bool Due(long windows);

    /// <summary>Stores a checkpoint made of these sections (one per partition), with the model idle.</summary>
    void Write(IReadOnlyList<byte[]> sections, long windows);
}
