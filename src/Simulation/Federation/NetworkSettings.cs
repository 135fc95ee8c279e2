using FgsActors.Models.Network;

namespace FgsActors.Simulation.Federation;

/// <summary>
/// The path between a device and the aggregator: the device's radio hop (its class's base latency + jitter, its
/// up/down rates), a fixed backhaul latency, packet loss, and the aggregator's access capacity shared by concurrent
/// transfers in each direction (max-min fair, <see cref="SharedAccess"/>).
/// </summary>
/// <param name="BackhaulLatencyS">One-way latency between the radio's access point and the aggregator, s (&gt; 0).</param>
/// <param name="Jitter">Extra latency drawn per message on the radio hop, s.</param>
/// <param name="Loss">Packet loss on transfers; null = no loss.</param>
/// <param name="DownCapacityBps">Aggregator access capacity for broadcasts, bit/s (+∞ = no shared bottleneck).</param>
/// <param name="UpCapacityBps">Aggregator access capacity for uploads, bit/s (+∞ = no shared bottleneck).</param>
/// <param name="ControlBytes">Size of a control message (check-in, invitation, acceptance, acknowledgement), bytes; counted in bytes_up/down.</param>
public sealed record NetworkSettings(
    double BackhaulLatencyS,
    JitterDistribution Jitter,
    PacketLoss? Loss,
    double DownCapacityBps,
    double UpCapacityBps,
    int ControlBytes = 0);
