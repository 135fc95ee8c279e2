namespace FgsActors.Simulation.Checkpoints;

/// <summary>What a checkpoint says about itself, before its state.</summary>
/// <param name="Fingerprint">Identifies the configuration it was written for (SHA-256 of the effective configuration); a
/// resume with any other configuration is refused.</param>
/// <param name="Model">The model's name.</param>
/// <param name="EntityCount">Entities of the model.</param>
/// <param name="Windows">Synchronisation windows run before it.</param>
/// <param name="Progress">The model's own progress figure at the checkpoint (the fleet: rounds closed).</param>
/// <param name="LastEventTime">Time of the latest processed event, ticks.</param>
/// <param name="Program">Version of the program that wrote it.</param>
/// <param name="WrittenUtc">Wall-clock time it was written (informational).</param>
public sealed record CheckpointInfo(string Fingerprint, string Model, int EntityCount, long Windows, long Progress, long LastEventTime,
    string Program, DateTime WrittenUtc);
