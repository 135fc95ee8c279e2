using FgsActors.Models.Checkpoints;
using FgsActors.Models.Federated;
using FgsActors.Simulation.Kernel;

namespace FgsActors.Simulation.Federation;

/// <summary>
/// Writes and reads the payload objects of the fleet's pending events: the transfer records that travel between a
/// device, its link and the aggregator, finished transfers waiting out their retransmissions, training jobs (their
/// completed results) and async timeout tokens. One tag byte per payload names its type; anything the fleet does not
/// send is refused on write, so a new payload type cannot slip into checkpoints unnoticed.
/// </summary>
public sealed class FleetPayloadCodec : IPayloadCodec
{
    private const byte NullTag = 0;
    private const byte TransferRequestTag = 1;
    private const byte TransferIntentTag = 2;
    private const byte TransferDoneTag = 3;
    private const byte RetryWaitTag = 4;
    private const byte TrainingJobTag = 5;
    private const byte TokenTag = 6;

    public static FleetPayloadCodec Instance { get; } = new();

    public void Write(BinaryWriter writer, object? payload)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (payload)
        {
            case null:
                writer.Write(NullTag);
                break;
            case TransferRequest request:
                writer.Write(TransferRequestTag);
                writer.WriteTransferRequest(request);
                break;
            case TransferIntent intent:
                writer.Write(TransferIntentTag);
                writer.WriteTransferIntent(intent);
                break;
            case TransferDone done:
                writer.Write(TransferDoneTag);
                writer.WriteTransferDone(done);
                break;
            case RetryWait wait:
                writer.Write(RetryWaitTag);
                writer.WriteFinishedTransfer(wait.Transfer);
                writer.Write(wait.Token);
                break;
            case Task<LocalUpdate> job:
                writer.Write(TrainingJobTag);
                writer.WriteLocalUpdate(CompletedUpdate(job));
                break;
            case long token:
                writer.Write(TokenTag);
                writer.Write(token);
                break;
            default:
                throw new InvalidOperationException($"the fleet's checkpoint cannot write an event payload of type {payload.GetType().FullName}");
        }
    }

    public object? Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var tag = reader.ReadByte();
        return tag switch
        {
            NullTag => null,
            TransferRequestTag => reader.ReadTransferRequest(),
            TransferIntentTag => reader.ReadTransferIntent(),
            TransferDoneTag => reader.ReadTransferDone(),
            RetryWaitTag => new RetryWait(reader.ReadFinishedTransfer(), reader.ReadInt64()),
            TrainingJobTag => Task.FromResult(reader.ReadLocalUpdate()),
            TokenTag => reader.ReadInt64(),
            _ => throw new CheckpointFormatException($"unknown fleet event payload tag {tag} (corrupted checkpoint, or written by another version)"),
        };
    }

    // The kernel waits for every job before it saves; a job that failed or gave nothing cannot be resumed from.
    private static LocalUpdate CompletedUpdate(Task<LocalUpdate> job)
    {
        if (!job.IsCompleted) throw new InvalidOperationException("a training job is still running: the kernel must wait for it before saving");
        if (job.IsFaulted || job.IsCanceled)
            throw new InvalidOperationException($"a training job {(job.IsFaulted ? "failed" : "was cancelled")}; its event cannot be checkpointed", job.Exception?.GetBaseException());
        return job.Result ?? throw new InvalidOperationException("a training job completed without an update; its event cannot be checkpointed");
    }
}
