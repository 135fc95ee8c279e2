namespace FgsActors.Models.Network;

/// <summary>
/// Result of a transfer over a lossy link. When <see cref="Failed"/>, <see cref="DurationS"/> is the time until the
/// sender gave up and <see cref="DeliveredBits"/> the payload that got through before it, so a failed upload still
/// counts the bytes it put on the air up to that instant.
/// </summary>
/// <param name="DurationS">Time from the first bit to completion (or to giving up), s.</param>
/// <param name="Failed">True when some packet exceeded the retry limit.</param>
/// <param name="Retransmissions">Packet retransmissions made (failed attempts).</param>
/// <param name="DeliveredBits">Payload bits delivered (all of them unless failed).</param>
/// <param name="SentBits">Bits put on the air: the payload's first attempts plus every resent packet (for a failed
/// transfer, up to the attempt that made the sender give up).</param>
/// <param name="WaitS">Time spent in retransmission timeouts, s (for a failed transfer including the last one, after
/// which the sender gives up): <see cref="DurationS"/> = <see cref="SentBits"/> / rate + <see cref="WaitS"/>.</param>
public readonly record struct TransferOutcome(double DurationS, bool Failed, long Retransmissions, long DeliveredBits, long SentBits, double WaitS);
