using FgsActors.Models.Federated;

namespace FgsActors.Simulation.Federation;

/// <summary>
/// The aggregator's view of one round: when it ran, how many devices it invited and how many updates it accepted, and
/// the bytes that crossed its access for the round's participants. Dropout reasons and energy come from the devices
/// (see <see cref="FleetResults"/>). In async mode a round is the interval between two aggregations, and participants
/// belong to the round in which they were invited.
/// </summary>
public sealed class RoundRecord(int round, long startTicks)
{
    public int Round { get; } = round;
    public long StartTicks { get; } = startTicks;

    /// <summary>When the round closed (sync) or aggregated (async); null while open.</summary>
    public long? EndTicks { get; internal set; }

    public int Selected { get; internal set; }
    public int Completed { get; internal set; }
    public double BytesUp { get; internal set; }
    public double BytesDown { get; internal set; }

    /// <summary>Updates folded into the model when the round closed (async: the buffer size M; sync: Completed).</summary>
    public int Aggregated { get; internal set; }

    /// <summary>Async: sum over aggregated updates of (model version now − version the device started from).</summary>
    public long StalenessSum { get; internal set; }

    /// <summary>Test accuracy of the global model after this round (real training, on evaluation rounds); else null.</summary>
    public double? TestAccuracy { get; internal set; }

    /// <summary>Mean test loss of the global model after this round; null when not evaluated or the model has none (a generator).</summary>
    public double? TestLoss { get; internal set; }

    /// <summary>The generator's fidelity after this round (generative training, on evaluation rounds); else null.</summary>
    public GeneratorFidelity? Fidelity { get; internal set; }
}
