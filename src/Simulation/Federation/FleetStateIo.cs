using FgsActors.Models.Checkpoints;
using FgsActors.Models.Federated;
using FgsActors.Simulation.Randomness;

namespace FgsActors.Simulation.Federation;

/// <summary>
/// Binary forms of the fleet's own records, shared by the entities' checkpoint state and the payload codec: a
/// transfer in a channel is the same <see cref="TransferRequest"/> whether it waits in an event or in the channel.
/// </summary>
internal static class FleetStateIo
{
    /// <summary>A stream that may not exist yet (created on first use): a flag, then its position.</summary>
    public static void WriteOptionalStream(this BinaryWriter writer, RandomStream? stream)
    {
        writer.Write(stream is not null);
        if (stream is not null) writer.WriteRandom(stream);
    }

    /// <summary>The stream saved by <see cref="WriteOptionalStream"/>, at its saved position (the seed it is built with does not matter).</summary>
    public static RandomStream? ReadOptionalStream(this BinaryReader reader)
    {
        if (!reader.ReadBoolean()) return null;
        var stream = new RandomStream(0);
        reader.ReadRandomInto(stream);
        return stream;
    }

    public static void WriteNullableUpdate(this BinaryWriter writer, LocalUpdate? update)
    {
        writer.Write(update is not null);
        if (update is not null) writer.WriteLocalUpdate(update);
    }

    public static LocalUpdate? ReadNullableUpdate(this BinaryReader reader) => reader.ReadBoolean() ? reader.ReadLocalUpdate() : null;

    public static void WriteTransferRequest(this BinaryWriter writer, TransferRequest request)
    {
        writer.Write(request.Device);
        writer.Write(request.Round);
        writer.Write(request.AirBits);
        writer.Write(request.CapBps);
        writer.Write(request.SustainUntilTicks);
        writer.Write(request.Fails);
        writer.Write(request.RetryDelayTicks);
        writer.WriteNullableUpdate(request.Update);
    }

    public static TransferRequest ReadTransferRequest(this BinaryReader reader) =>
        new(reader.ReadInt32(), reader.ReadInt32(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadInt64(), reader.ReadBoolean(),
            reader.ReadInt64(), reader.ReadNullableUpdate());

    public static void WriteTransferIntent(this BinaryWriter writer, TransferIntent intent)
    {
        writer.Write(intent.Round);
        writer.Write(intent.SustainUntilTicks);
        writer.WriteNullableUpdate(intent.Update);
    }

    public static TransferIntent ReadTransferIntent(this BinaryReader reader) =>
        new(reader.ReadInt32(), reader.ReadInt64(), reader.ReadNullableUpdate());

    public static void WriteTransferDone(this BinaryWriter writer, TransferDone done)
    {
        writer.Write(done.AirBits);
        writer.WriteFloats(done.Weights);
    }

    public static TransferDone ReadTransferDone(this BinaryReader reader) => new(reader.ReadDouble(), reader.ReadFloats());

    public static void WriteFinishedTransfer(this BinaryWriter writer, FinishedTransfer finished)
    {
        writer.WriteTransferRequest(finished.Request);
        writer.Write((byte)finished.End);
        writer.Write(finished.SentBits);
    }

    public static FinishedTransfer ReadFinishedTransfer(this BinaryReader reader)
    {
        var request = reader.ReadTransferRequest();
        var end = reader.ReadByte();
        if (!Enum.IsDefined((TransferEnd)end)) throw new CheckpointFormatException($"a saved transfer end {end} is unknown (corrupted checkpoint)");
        return new FinishedTransfer(request, (TransferEnd)end, reader.ReadDouble());
    }

    public static void WriteParticipation(this BinaryWriter writer, Participation participation)
    {
        writer.Write(participation.Round);
        writer.Write((byte)participation.Outcome);
        writer.Write(participation.ComputeJ);
        writer.Write(participation.CommJ);
        writer.Write(participation.IdleJ);
    }

    public static Participation ReadParticipation(this BinaryReader reader)
    {
        var round = reader.ReadInt32();
        var outcome = reader.ReadByte();
        if (!Enum.IsDefined((ParticipationOutcome)outcome)) throw new CheckpointFormatException($"a saved participation outcome {outcome} is unknown (corrupted checkpoint)");
        return new Participation(round, (ParticipationOutcome)outcome, reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble());
    }

    public static void WriteRoundRecord(this BinaryWriter writer, RoundRecord round)
    {
        writer.Write(round.Round);
        writer.Write(round.StartTicks);
        writer.WriteNullable(round.EndTicks);
        writer.Write(round.Selected);
        writer.Write(round.Completed);
        writer.Write(round.BytesUp);
        writer.Write(round.BytesDown);
        writer.Write(round.Aggregated);
        writer.Write(round.StalenessSum);
        writer.WriteNullable(round.TestAccuracy);
        writer.WriteNullable(round.TestLoss);
        writer.WriteFidelity(round.Fidelity);
    }

    public static RoundRecord ReadRoundRecord(this BinaryReader reader) =>
        new(reader.ReadInt32(), reader.ReadInt64())
        {
            EndTicks = reader.ReadNullableInt64(),
            Selected = reader.ReadInt32(),
            Completed = reader.ReadInt32(),
            BytesUp = reader.ReadDouble(),
            BytesDown = reader.ReadDouble(),
            Aggregated = reader.ReadInt32(),
            StalenessSum = reader.ReadInt64(),
            TestAccuracy = reader.ReadNullableDouble(),
            TestLoss = reader.ReadNullableDouble(),
            Fidelity = reader.ReadFidelity(),
        };
}
