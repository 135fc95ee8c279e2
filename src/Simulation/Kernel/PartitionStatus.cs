namespace FgsActors.Simulation.Kernel;

/// <summary>
/// What the coordinator needs to know of one partition at the end of a window, after the messages sent
/// to it during that window are counted in.
/// </summary>
/// <param name="NextEventTime">Earliest pending event (ticks).</param>
/// <param name="OutputBound">Lower bound on the timestamp of any message it can send from what it holds.</param>
public readonly record struct PartitionStatus(long NextEventTime, long OutputBound);
