using FgsActors.Models.Checkpoints;

namespace FgsActors.Simulation.Federation;

// The aggregator's checkpoint state (docs/checkpoints.md): every changing field, in one order for save and load.
public sealed partial class AggregatorEntity
{
    public void SaveState(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _pool.SaveState(writer);
        writer.Write(_reportedAvailable.Length);
        foreach (var available in _reportedAvailable) writer.Write(available);
        writer.Write(_participants.Count);
        foreach (var device in _participants.Keys.Order())
        {
            var p = _participants[device];
            writer.Write(device);
            writer.Write(p.Round);
            writer.Write(p.Version);
            writer.Write(p.Token);
            writer.Write((byte)p.Stage);
        }
        foreach (var channel in _channels) channel.SaveState(writer);
        foreach (var at in _channelEventAt) writer.Write(at);
        writer.Write(_agenda.Count);
        foreach (var (element, at) in _agenda.UnorderedItems)
        {
            writer.Write(element);
            writer.Write(at);
        }
        writer.Write(_rounds.Count);
        foreach (var round in _rounds) writer.WriteRoundRecord(round);
        writer.Write(_current is null ? -1 : _current.Round);
        writer.Write(_accepted.Count);
        foreach (var key in _accepted.Order()) writer.Write(key);
        writer.Write(_updates.Count);
        foreach (var update in _updates) writer.WriteLocalUpdate(update);
        writer.WriteFloats(_global);
        writer.WriteOptionalStream(_random);
        writer.Write(_tokens);
        writer.Write(_buffered);
        writer.Write(_version);
        writer.Write(_refillAt);
        writer.Write(CheckInBytes);
        writer.Write(OutputPromise);
        Online.SaveState(writer);
    }

    /// <summary>Restores a freshly constructed aggregator (not started) to the saved state.</summary>
    public void LoadState(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _pool.LoadState(reader);
        StateIo.Expect(reader.ReadInt32(), _reportedAvailable.Length, "devices reporting to the aggregator");
        for (var i = 0; i < _reportedAvailable.Length; i++) _reportedAvailable[i] = reader.ReadBoolean();
        _participants.Clear();
        var participants = reader.ReadCount("participants");
        for (var i = 0; i < participants; i++)
        {
            var device = reader.ReadInt32();
            var participant = new Participant(reader.ReadInt32(), reader.ReadInt64(), reader.ReadInt64(), (Stage)reader.ReadByte());
            if (participant.Stage > Stage.Uploading) throw new CheckpointFormatException($"participant {device} has stage {(int)participant.Stage} (corrupted checkpoint)");
            if ((uint)device >= (uint)_reportedAvailable.Length || !_participants.TryAdd(device, participant))
                throw new CheckpointFormatException($"a saved participant {device} is out of range or listed twice (corrupted checkpoint)");
        }
        foreach (var channel in _channels) channel.LoadState(reader);
        for (var i = 0; i < _channelEventAt.Length; i++) _channelEventAt[i] = reader.ReadInt64();
        _agenda.Clear();
        var agenda = reader.ReadCount("agenda entries");
        for (var i = 0; i < agenda; i++) _agenda.Enqueue(reader.ReadByte(), reader.ReadInt64());
        _rounds.Clear();
        var rounds = reader.ReadCount("rounds");
        for (var i = 0; i < rounds; i++)
        {
            var round = reader.ReadRoundRecord();
            StateIo.Expect(round.Round, i, "a saved round's number");
            _rounds.Add(round);
        }
        var current = reader.ReadInt32();
        if (current < -1 || current >= _rounds.Count) throw new CheckpointFormatException($"the saved open round {current} is not among the {_rounds.Count} rounds (corrupted checkpoint)");
        _current = current < 0 ? null : _rounds[current];
        _accepted.Clear();
        var accepted = reader.ReadCount("accepted updates");
        for (var i = 0; i < accepted; i++) _accepted.Add(reader.ReadInt64());
        _updates.Clear();
        var updates = reader.ReadCount("buffered updates");
        for (var i = 0; i < updates; i++) _updates.Add(reader.ReadLocalUpdate());
        _global = reader.ReadFloats();
        _random = reader.ReadOptionalStream();
        _tokens = reader.ReadInt64();
        _buffered = reader.ReadInt32();
        _version = reader.ReadInt64();
        _refillAt = reader.ReadInt64();
        CheckInBytes = reader.ReadDouble();
        OutputPromise = reader.ReadInt64();
        Online.LoadState(reader);
    }
}
