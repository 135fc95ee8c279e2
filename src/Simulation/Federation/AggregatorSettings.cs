namespace FgsActors.Simulation.Federation;

/// <summary>Lock-step rounds or a FedBuff-style buffer.</summary>
public enum AggregationMode
{
    Sync,
    Async,
}

/// <summary>What a synchronous round does with slow participants.</summary>
public enum StragglerPolicy
{
    /// <summary>Wait until the deadline (or until every selected device has uploaded); later updates are dropped.</summary>
    DropLate,

    /// <summary>Close as soon as <see cref="AggregatorSettings.TargetUpdates"/> updates are in (or at the deadline); the rest are dropped.</summary>
    FirstK,
}

/// <param name="Mode">Synchronous rounds or asynchronous buffered aggregation.</param>
/// <param name="ClientsPerRound">K: updates a round aims for (sync); devices invited = ⌈K × OverCommit⌉.</param>
/// <param name="OverCommit">Selection over-commit factor (≥ 1).</param>
/// <param name="DeadlineTicks">Sync: round deadline after its start. Async: a participant's timeout after its invitation.</param>
/// <param name="Policy">Straggler policy (sync).</param>
/// <param name="TargetUpdates">K′ for <see cref="StragglerPolicy.FirstK"/> (1..invited).</param>
/// <param name="CheckInPeriodTicks">Devices report availability changes at multiples of this period (the server's view lags by at most one period + latency).</param>
/// <param name="BufferSize">Async: M, updates per aggregation.</param>
/// <param name="Concurrency">Async: devices training at once.</param>
public sealed record AggregatorSettings(
    AggregationMode Mode,
    int ClientsPerRound,
    double OverCommit,
    long DeadlineTicks,
    StragglerPolicy Policy,
    int TargetUpdates,
    long CheckInPeriodTicks,
    int BufferSize,
    int Concurrency)
{
    /// <summary>Rounds to run (async: aggregations); 0 = until the end of the run.</summary>
    public int MaxRounds { get; init; }

    /// <summary>Devices invited per synchronous round: ⌈K × over-commit⌉ (rounded against 1e-9 noise).</summary>
    public int Invited => (int)Math.Ceiling(ClientsPerRound * OverCommit - 1e-9);
}
