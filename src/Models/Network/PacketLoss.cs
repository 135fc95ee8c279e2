namespace FgsActors.Models.Network;

/// <summary>
/// Retransmission model of a transfer: the payload of s bits travels as n = ⌈s / packet⌉ packets (the last one shorter);
/// every attempt of a packet is lost independently with probability q and resent after <see cref="RetryDelayS"/>
/// (the sender's timeout); a packet lost more than <see cref="MaxRetries"/> times in a row fails the whole transfer.
/// The number of failed attempts of one packet is geometric: P(K ≥ k) = q^k.
/// </summary>
public sealed record PacketLoss
{
    public PacketLoss(double lossProbability, long packetBits, int maxRetries, double retryDelayS = 0.0)
    {
        if (!(lossProbability >= 0.0 && lossProbability < 1.0))
            throw new ArgumentOutOfRangeException(nameof(lossProbability), lossProbability, "packet loss probability must lie in [0, 1)");
        if (packetBits <= 0) throw new ArgumentOutOfRangeException(nameof(packetBits), packetBits, "packet size must be > 0 bits");
        if (maxRetries < 0) throw new ArgumentOutOfRangeException(nameof(maxRetries), maxRetries, "max retries must be ≥ 0");
        if (!(retryDelayS >= 0.0) || double.IsInfinity(retryDelayS))
            throw new ArgumentOutOfRangeException(nameof(retryDelayS), retryDelayS, "retry delay must be a finite number of s ≥ 0");
        LossProbability = lossProbability;
        PacketBits = packetBits;
        MaxRetries = maxRetries;
        RetryDelayS = retryDelayS;
    }

    /// <summary>Loss probability q of one packet attempt, in [0, 1).</summary>
    public double LossProbability { get; }

    /// <summary>Payload bits per packet.</summary>
    public long PacketBits { get; }

    /// <summary>Retransmissions allowed per packet before the transfer fails.</summary>
    public int MaxRetries { get; }

    /// <summary>Wait before each retransmission (and before declaring the last attempt lost), s.</summary>
    public double RetryDelayS { get; }

    /// <summary>Packets of a payload: ⌈bits / packet⌉ (0 for an empty payload).</summary>
    public long Packets(long bits)
    {
        if (bits < 0) throw new ArgumentOutOfRangeException(nameof(bits), bits, "payload must be ≥ 0 bits");
        return bits / PacketBits + (bits % PacketBits == 0 ? 0 : 1);
    }

    /// <summary>Probability that a payload fails: 1 − (1 − q^(M+1))^n.</summary>
    public double FailureProbability(long bits)
        => -ExpM1(Packets(bits) * Log1P(-Math.Pow(LossProbability, MaxRetries + 1.0)));

    /// <summary>
    /// Mean failed attempts of one packet given the transfer succeeds (K ≤ M): q/(1−q) − (M+1)·q^(M+1)/(1 − q^(M+1)).
    /// </summary>
    public double ExpectedRetransmissionsPerPacket()
    {
        var q = LossProbability;
        if (q == 0.0) return 0.0;
        var tail = Math.Pow(q, MaxRetries + 1.0);
        return q / (1.0 - q) - (MaxRetries + 1.0) * tail / (1.0 - tail);
    }

    /// <summary>
    /// Mean duration of a successful transfer, s: (1 + E[K])·s/r + n·E[K]·delay — every packet, long or short, is resent
    /// E[K] times on average, so the resent bits total E[K]·s.
    /// </summary>
    public double ExpectedDurationS(long bits, double rateBitsPerSecond)
    {
        CheckRate(rateBitsPerSecond);
        var k = ExpectedRetransmissionsPerPacket();
        return (1.0 + k) * bits / rateBitsPerSecond + Packets(bits) * k * RetryDelayS;
    }

    /// <summary>
    /// One sampled transfer of <paramref name="bits"/> at <paramref name="rateBitsPerSecond"/>. With q = 0 it draws nothing
    /// and takes exactly bits / rate. Otherwise it skips ahead over packets that get through first time (a geometric gap
    /// with parameter q, one draw) and draws the extra losses of each packet that did not (memorylessness makes that
    /// geometric again, one draw), so it uses about 2·n·q uniforms rather than n.
    /// </summary>
    public TransferOutcome Sample(long bits, double rateBitsPerSecond, Func<double> uniform)
    {
        ArgumentNullException.ThrowIfNull(uniform);
        CheckRate(rateBitsPerSecond);
        var packets = Packets(bits);
        var q = LossProbability;
        if (q == 0.0 || packets == 0) return new TransferOutcome(bits / rateBitsPerSecond, false, 0, bits, bits, 0.0);

        long retransmissions = 0;
        long resentBits = 0;
        long packet = -1; // index of the last packet that lost its first attempt
        while (packet < packets - 1) // no draw once the last packet is settled
        {
            // Packets that get through first time before the next one that does not: P(G ≥ g) = (1 − q)^g.
            var gap = GeometricAtLeast(Require.Uniform(uniform(), nameof(uniform)), 1.0 - q);
            if (gap >= packets - 1 - packet) break;
            packet += gap + 1;
            // This packet lost its first attempt; further losses are geometric again.
            var losses = 1 + GeometricAtLeast(Require.Uniform(uniform(), nameof(uniform)), q);
            var size = packet == packets - 1 ? bits - packet * PacketBits : PacketBits;
            if (losses > MaxRetries)
            {
                // The sender gives up after M + 1 lost attempts (and their timeouts); packets before this one arrived.
                var attempts = MaxRetries + 1L;
                var sent = packet * PacketBits + resentBits + attempts * size;
                var waits = (retransmissions + attempts) * RetryDelayS;
                return new TransferOutcome(sent / rateBitsPerSecond + waits, true, retransmissions + MaxRetries, packet * PacketBits, sent, waits);
            }
            retransmissions += losses;
            resentBits += losses * size;
        }
        var totalWaits = retransmissions * RetryDelayS;
        return new TransferOutcome((bits + resentBits) / rateBitsPerSecond + totalWaits, false, retransmissions, bits, bits + resentBits, totalWaits);
    }

    // Inverse CDF of the count of successes before a failure, for P(count ≥ k) = p^k: ⌊ln(1 − u) / ln p⌋. Capped so a
    // u near 1 cannot overflow a long; the cap exceeds any packet count.
    private static long GeometricAtLeast(double u, double p)
    {
        if (p <= 0.0) return 0;
        if (p >= 1.0) return long.MaxValue / 4; // a q so small that 1 − q rounds to 1: no packet is ever lost
        var k = Math.Floor(Math.Log(1.0 - u) / Math.Log(p));
        return k >= long.MaxValue / 4 ? long.MaxValue / 4 : (long)k;
    }

    // ln(1 + x) and e^x − 1 without cancellation (Goldberg, "What every computer scientist should know about
    // floating-point arithmetic", 1991): q^(M+1) is often ~1e-12, where 1 − that loses most digits.
    private static double Log1P(double x)
    {
        var u = 1.0 + x;
        return u == 1.0 ? x : Math.Log(u) * x / (u - 1.0);
    }

    private static double ExpM1(double x)
    {
        var u = Math.Exp(x);
        if (u == 1.0) return x;
        var um1 = u - 1.0;
        return um1 == -1.0 ? -1.0 : um1 * x / Math.Log(u);
    }

    private static void CheckRate(double rate)
    {
        if (!(rate > 0.0)) throw new ArgumentOutOfRangeException(nameof(rate), rate, "link rate must be > 0 bit/s");
    }
}
