using FgsActors.Models.Network;

namespace FgsActors.Models.Tests.Network;

public class PacketLossTests
{
    // A uniform source that replays fixed draws and fails loudly if asked for more.
    private static Func<double> Draws(params double[] values)
    {
        var i = 0;
        return () => i < values.Length ? values[i++] : throw new InvalidOperationException("drew more uniforms than expected");
    }

    [Fact]
    public void Packets_round_up()
    {
        var loss = new PacketLoss(0.1, 1000, 3);
        Assert.Equal(0, loss.Packets(0));
        Assert.Equal(1, loss.Packets(1));
        Assert.Equal(10, loss.Packets(10_000));
        Assert.Equal(11, loss.Packets(10_001));
    }

    [Fact]
    public void Lossless_takes_exactly_bits_over_rate_and_draws_nothing()
    {
        var outcome = new PacketLoss(0.0, 12_000, 0).Sample(1_234_567, 3e6, Draws());
        Assert.Equal(1_234_567 / 3e6, outcome.DurationS);
        Assert.False(outcome.Failed);
        Assert.Equal(0, outcome.Retransmissions);
        Assert.Equal(1_234_567, outcome.DeliveredBits);
        Assert.Equal(1_234_567 / 3e6, new PacketLoss(0.0, 12_000, 0).ExpectedDurationS(1_234_567, 3e6));
    }

    [Fact]
    public void A_packet_lost_more_than_max_retries_fails_the_transfer()
    {
        // q = 0.5, M = 2, 3 packets of 1000 bits at 1000 bit/s, 0.5 s timeout.
        // u1 = 0 → gap ⌊ln 1 / ln 0.5⌋ = 0: packet 0 loses its first attempt.
        // u2 = 0.9 → 1 + ⌊ln 0.1 / ln 0.5⌋ = 1 + 3 = 4 losses > 2 → give up after 3 attempts:
        // 3 · 1000 bits / 1000 bit/s + 3 · 0.5 s = 4.5 s; nothing delivered.
        var outcome = new PacketLoss(0.5, 1000, 2, retryDelayS: 0.5).Sample(3000, 1000, Draws(0.0, 0.9));
        Assert.True(outcome.Failed);
        Assert.Equal(4.5, outcome.DurationS, 12);
        Assert.Equal(2, outcome.Retransmissions);
        Assert.Equal(0, outcome.DeliveredBits);
        // On the air: the three attempts of packet 0; waiting: three timeouts, the last one before giving up.
        Assert.Equal(3000, outcome.SentBits);
        Assert.Equal(1.5, outcome.WaitS, 12);
    }

    [Fact]
    public void Failure_later_in_the_transfer_counts_what_got_through()
    {
        // u1 = 0.6 → gap ⌊ln 0.4 / ln 0.5⌋ = 1: packet 0 goes first time, packet 1 loses its first attempt;
        // u2 = 0.9 → 4 losses > M = 2 → fail. Sent: 1000 + 3 · 1000 bits → 4 s + 3 · 0.5 s = 5.5 s; 1000 bits delivered.
        var outcome = new PacketLoss(0.5, 1000, 2, retryDelayS: 0.5).Sample(3000, 1000, Draws(0.6, 0.9));
        Assert.True(outcome.Failed);
        Assert.Equal(5.5, outcome.DurationS, 12);
        Assert.Equal(1000, outcome.DeliveredBits);
        Assert.Equal(4000, outcome.SentBits);
        Assert.Equal(1.5, outcome.WaitS, 12);
    }

    [Fact]
    public void Retransmissions_within_the_limit_add_airtime_and_timeouts()
    {
        // q = 0.5, M = 3. u1 = 0.6 → gap 1 → packet 1 is hit; u2 = 0.6 → 1 + ⌊ln 0.4 / ln 0.5⌋ = 2 losses (≤ 3);
        // u3 = 0.9 → gap 3 ≥ 1 packet left → done. Duration (3000 + 2 · 1000) / 1000 + 2 · 0.5 = 6 s.
        var outcome = new PacketLoss(0.5, 1000, 3, retryDelayS: 0.5).Sample(3000, 1000, Draws(0.6, 0.6, 0.9));
        Assert.False(outcome.Failed);
        Assert.Equal(6.0, outcome.DurationS, 12);
        Assert.Equal(2, outcome.Retransmissions);
        Assert.Equal(3000, outcome.DeliveredBits);
        Assert.Equal(5000, outcome.SentBits);
        Assert.Equal(1.0, outcome.WaitS, 12);
    }

    [Fact]
    public void A_short_last_packet_is_resent_at_its_own_size()
    {
        // 2500 bits in packets of 1000 → sizes 1000, 1000, 500. u1 = 0.8 → gap ⌊ln 0.2 / ln 0.5⌋ = 2 → packet 2 (500 bits);
        // u2 = 0 → 1 loss; nothing left after it. (2500 + 500) / 1000 = 3 s.
        var outcome = new PacketLoss(0.5, 1000, 5).Sample(2500, 1000, Draws(0.8, 0.0));
        Assert.Equal(3.0, outcome.DurationS, 12);
        Assert.Equal(1, outcome.Retransmissions);
    }

    [Fact]
    public void Expected_retransmissions_by_hand()
    {
        // M = 0: a loss is a failure, so successful packets were never resent.
        Assert.Equal(0.0, new PacketLoss(0.5, 1000, 0).ExpectedRetransmissionsPerPacket(), 12);
        // M = 1, q = 0.5: P(K = 1 | K ≤ 1) = 0.25 / 0.75 = 1/3.
        Assert.Equal(1.0 / 3.0, new PacketLoss(0.5, 1000, 1).ExpectedRetransmissionsPerPacket(), 12);
        // M large: untruncated mean q / (1 − q) = 1; 1000 bits at 1000 bit/s then take 2 s on average.
        Assert.Equal(1.0, new PacketLoss(0.5, 1000, 1000).ExpectedRetransmissionsPerPacket(), 12);
        Assert.Equal(2.0, new PacketLoss(0.5, 1000, 1000).ExpectedDurationS(1000, 1000), 12);
    }

    [Fact]
    public void Failure_probability_by_hand()
    {
        // q = 0.5, M = 1, 2 packets: 1 − (1 − 0.25)² = 0.4375.
        Assert.Equal(0.4375, new PacketLoss(0.5, 1000, 1).FailureProbability(2000), 12);
        // Tiny per-packet failure: 1e6 packets · 1e-12 ≈ 1e-6 without cancellation.
        Assert.Equal(1e-6, new PacketLoss(1e-2, 8, 5).FailureProbability(8_000_000), 12);
        Assert.Equal(0.0, new PacketLoss(0.0, 8, 5).FailureProbability(8_000_000));
    }

    [Fact]
    public void Sampled_mean_matches_the_expected_duration()
    {
        // q = 0.1, M = 10 (failure probability ≈ 1000 · 1e-11), 1000 packets with 1 s airtime each.
        // E[K] ≈ 0.1111 → E[duration] ≈ 1111.1 s; per-transfer sd ≈ √(1000 · 0.1235) ≈ 11 s → sd of a 4000-run mean ≈ 0.18 s.
        var loss = new PacketLoss(0.1, 1000, 10);
        var random = new Random(42);
        var total = 0.0;
        const int runs = 4000;
        for (var i = 0; i < runs; i++) total += loss.Sample(1_000_000, 1000, random.NextDouble).DurationS;
        Assert.Equal(loss.ExpectedDurationS(1_000_000, 1000), total / runs, tolerance: 1.0);
    }

    [Fact]
    public void A_loss_probability_below_double_resolution_behaves_as_lossless()
    {
        // 1 − 1e-17 rounds to 1, so the gap to the first loss is unbounded: one draw, no retransmission.
        var outcome = new PacketLoss(1e-17, 1000, 3).Sample(10_000, 1000, Draws(0.0));
        Assert.Equal(10.0, outcome.DurationS);
        Assert.False(outcome.Failed);
    }

    [Fact]
    public void Invalid_parameters_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PacketLoss(1.0, 1000, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PacketLoss(-0.1, 1000, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PacketLoss(0.1, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PacketLoss(0.1, 1000, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PacketLoss(0.1, 1000, 1).Sample(1000, 0.0, Draws()));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PacketLoss(0.1, 1000, 1).Sample(1000, 1000, Draws(1.0)));
    }
}
