using FgsActors.Models.Federated;

namespace FgsActors.Simulation.Federation;

/// <summary>
/// A broadcast or upload as the link hands it to the aggregator's access channel. Sizes are on-air bits: the payload
/// plus retransmitted packets, or — when the link's loss draw says the transfer fails — the bits sent before it fails.
/// </summary>
/// <param name="Device">Device index.</param>
/// <param name="Round">The round the device works for (a request left over from a round the aggregator closed is ignored).</param>
/// <param name="AirBits">Bits the transfer occupies the channel for.</param>
/// <param name="CapBps">The device link's effective rate, bit/s (its cap in the shared channel).</param>
/// <param name="SustainUntilTicks">Server-side time at which the device stops (offline or battery empty): the transfer is cut there.</param>
/// <param name="Fails">True when the transfer fails (packet lost past the retry limit) once <see cref="AirBits"/> are sent.</param>
/// <param name="RetryDelayTicks">Total retransmission waits, added after the last bit.</param>
/// <param name="Update">The local training result an upload carries (real training only).</param>
internal sealed record TransferRequest(int Device, int Round, double AirBits, double CapBps, long SustainUntilTicks, bool Fails, long RetryDelayTicks,
    LocalUpdate? Update = null);

/// <summary>Device → link: the round it works for, until when it can keep going (device time, ticks), and its update.</summary>
internal sealed record TransferIntent(int Round, long SustainUntilTicks, LocalUpdate? Update = null);

/// <summary>Aggregator → device at a transfer's end: its on-air bits, and for a broadcast the global weights it carried.</summary>
internal sealed record TransferDone(double AirBits, float[]? Weights = null);
