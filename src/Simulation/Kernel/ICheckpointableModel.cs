using FgsActors.Models.Checkpoints;

namespace FgsActors.Simulation.Kernel;

/// <summary>
/// A model whose runs can be checkpointed and resumed: every entity it creates implements <see cref="IStateful"/>
/// (its changing state; what its constructor derives from the settings is not saved), <see cref="Payloads"/> writes
/// and reads every payload object its events carry, and the model's own state outside the entities (for the fleet:
/// the learning task's server state) is its <see cref="IStateful"/> part. A restored entity is not started again.
/// </summary>
public interface ICheckpointableModel : ISimulationModel, IStateful
{
    IPayloadCodec Payloads { get; }
}

/// <summary>
/// Writes and reads the payload objects of a model's pending events. A payload that is a <see cref="Task"/> has
/// completed before <see cref="Write"/> is called (the kernel waits for it); <see cref="Read"/> gives back a completed
/// task with the same result.
/// </summary>
public interface IPayloadCodec
{
    void Write(BinaryWriter writer, object? payload);

    object? Read(BinaryReader reader);
}
