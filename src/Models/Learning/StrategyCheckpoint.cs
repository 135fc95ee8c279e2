using FgsActors.Models.Checkpoints;

namespace FgsActors.Models.Learning;

/// <summary>
/// A server strategy's state inside a task's checkpoint, preceded by the strategy's name so that a checkpoint of a
/// FedAvgM run is not loaded into a FedAvg run (or the other way round), and checked against the model's size so that a
/// velocity of the wrong length fails at loading rather than at the next aggregation.
/// </summary>
public static class StrategyCheckpoint
{
    public static void Save(BinaryWriter writer, IServerStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(strategy);
        writer.Write(strategy.Name);
        strategy.SaveState(writer);
    }

    /// <param name="reader">Positioned where <see cref="Save"/> started writing.</param>
    /// <param name="strategy">The freshly built strategy of this run.</param>
    /// <param name="parameters">Values in the model the strategy updates.</param>
    public static void Load(BinaryReader reader, IServerStrategy strategy, int parameters)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(strategy);
        StateIo.Expect(reader.ReadString(), strategy.Name, "the server strategy");
        strategy.LoadState(reader);
        if (strategy is FedAvgM { Velocity: { } velocity })
            StateIo.Expect(velocity.Length, parameters, "the server velocity's length");
    }
}
