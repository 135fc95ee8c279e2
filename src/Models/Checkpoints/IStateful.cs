namespace FgsActors.Models.Checkpoints;

/// <summary>
/// Something whose changing state goes into a checkpoint. <see cref="SaveState"/> writes exactly what
/// <see cref="LoadState"/> reads, in the same order; what is fixed by the configuration (sizes, rates, the
/// scenario) is rebuilt from it and not written. Loading into a freshly built object must leave it in the state it
/// had when saved, so that the run goes on exactly as if it had never stopped.
/// </summary>
public interface IStateful
{
    void SaveState(BinaryWriter writer);

    /// <summary>Restores the saved state; throws <see cref="CheckpointFormatException"/> when the data does not fit.</summary>
    void LoadState(BinaryReader reader);
}
