namespace FgsActors.Simulation.Kernel;

/// <summary>What a kernel run produced, whatever the layout that ran it.</summary>
/// <param name="Events">Events processed (all with time below the end).</param>
/// <param name="EventDigest">Wrapping sum of <see cref="PartitionEngine.EventHash"/> over processed events.</param>
/// <param name="Windows">Synchronisation windows (coordinator rounds) used; depends on the layout.</param>
/// <param name="LastEventTime">Time of the last processed event (ticks).</param>
public sealed record KernelResult(long Events, ulong EventDigest, long Windows, long LastEventTime)
{
    /// <summary>Digest as 16 hex digits, the form printed as "checksum".</summary>
    public string Checksum => EventDigest.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
}
