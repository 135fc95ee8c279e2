using FgsActors.Models.Checkpoints;

namespace FgsActors.Simulation.Federation;

// The device's checkpoint state (docs/checkpoints.md): every changing field, in one order for save and load.
public sealed partial class DeviceEntity
{
    public void SaveState(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(_index);
        writer.Write((byte)_model.Scenario.Churn.Model);
        if (_renewal is not null)
        {
            _renewal.SaveState(writer);
            writer.WriteRandom(_churnDraws!);
        }
        _battery.SaveState(writer);
        writer.Write(_online);
        writer.Write(_alive);
        writer.Write(_available);
        writer.Write(_nextTransitionS);
        writer.Write(_nextTransitionTicks);
        writer.Write(_deathTicks);
        writer.Write(_rechargeTicks);
        writer.Write(_powerEpoch);
        writer.Write(_extraW);
        writer.Write(_extraIsCompute);
        writer.Write(_accountedTicks);
        writer.Write(_availableSinceTicks);
        writer.Write(_availableTicks);
        writer.Write(_reported);
        writer.Write((byte)_phase);
        writer.Write(_round);
        writer.Write(_workToken);
        writer.Write(_trainingDoneTicks);
        writer.Write(_transferStartTicks);
        writer.Write(_joinComputeJ);
        writer.Write(_joinCommJ);
        writer.Write(_joinIdleJ);
        writer.Write(_history?.Count ?? -1);
        if (_history is not null)
            foreach (var p in _history) writer.WriteParticipation(p);
        writer.Write(Invitations);
        writer.Write(Completions);
        writer.Write(Deaths);
        writer.Write(ComputeJ);
        writer.Write(CommJ);
        writer.Write(IdleJ);
        writer.Write(OutputPromise);
    }

    /// <summary>Restores a freshly constructed device (not started) to the saved state.</summary>
    public void LoadState(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        StateIo.Expect(reader.ReadInt32(), _index, "device index");
        StateIo.Expect(reader.ReadByte(), (byte)_model.Scenario.Churn.Model, $"device {_index}'s churn model");
        CreateChurn(_model.Seed);
        if (_renewal is not null)
        {
            _renewal.LoadState(reader);
            reader.ReadRandomInto(_churnDraws!);
        }
        _battery.LoadState(reader);
        _online = reader.ReadBoolean();
        _alive = reader.ReadBoolean();
        _available = reader.ReadBoolean();
        _nextTransitionS = reader.ReadDouble();
        _nextTransitionTicks = reader.ReadInt64();
        _deathTicks = reader.ReadInt64();
        _rechargeTicks = reader.ReadInt64();
        _powerEpoch = reader.ReadInt64();
        _extraW = reader.ReadDouble();
        _extraIsCompute = reader.ReadBoolean();
        _accountedTicks = reader.ReadInt64();
        _availableSinceTicks = reader.ReadInt64();
        _availableTicks = reader.ReadInt64();
        _reported = reader.ReadBoolean();
        var phase = reader.ReadByte();
        if (!Enum.IsDefined((WorkPhase)phase)) throw new CheckpointFormatException($"device {_index}'s saved work phase {phase} is unknown (corrupted checkpoint)");
        _phase = (WorkPhase)phase;
        _round = reader.ReadInt32();
        _workToken = reader.ReadInt64();
        _trainingDoneTicks = reader.ReadInt64();
        _transferStartTicks = reader.ReadInt64();
        _joinComputeJ = reader.ReadDouble();
        _joinCommJ = reader.ReadDouble();
        _joinIdleJ = reader.ReadDouble();
        var history = reader.ReadInt32();
        if (history < -1) throw new CheckpointFormatException($"device {_index}'s saved history length {history} is invalid (corrupted checkpoint)");
        _history = null;
        if (history >= 0)
        {
            _history = new List<Participation>(Math.Max(4, Math.Min(history, 1 << 16)));
            for (var i = 0; i < history; i++) _history.Add(reader.ReadParticipation());
        }
        Invitations = reader.ReadInt32();
        Completions = reader.ReadInt32();
        Deaths = reader.ReadInt32();
        ComputeJ = reader.ReadDouble();
        CommJ = reader.ReadDouble();
        IdleJ = reader.ReadDouble();
        OutputPromise = reader.ReadInt64();
    }
}
