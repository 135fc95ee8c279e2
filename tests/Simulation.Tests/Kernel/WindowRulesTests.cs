using FgsActors.Simulation.Kernel;
using FgsActors.Simulation.Time;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FgsActors.Simulation.Tests.Kernel;

public class WindowRulesTests
{
    private const long Inf = VirtualTime.Infinity;

    private static long[] Grants(long lookahead, long end, params long[] ownBounds)
    {
        var statuses = ownBounds.Select(b => new PartitionStatus(NextEventTime: 0, OutputBound: b)).ToArray();
        var grants = new long[statuses.Length];
        WindowRules.ComputeGrants(statuses, lookahead, end, grants);
        return grants;
    }

    [Fact]
    public void SinglePartitionMayRunToTheEnd()
    {
        Assert.Equal(new[] { 1000L }, Grants(5, 1000, 7));
        Assert.Equal(new[] { 1000L }, Grants(5, 1000, Inf));
    }

    [Fact]
    public void TwoPartitionsTheEarliestSenderGetsItsOwnBoundPlusLookaheadCapByTheOther()
    {
        // own = [10, 50], L = 5: a = 0; partition 1 hears from 0 at 10; 0 hears from 1 at min(50, 10 + 5) = 15.
        Assert.Equal(new[] { 15L, 10L }, Grants(5, 1000, 10, 50));
        // own = [10, 12]: 0 hears from 1 at min(12, 15) = 12.
        Assert.Equal(new[] { 12L, 10L }, Grants(5, 1000, 10, 12));
    }

    [Fact]
    public void ThreePartitionsEveryoneButTheEarliestGetsItsBound()
    {
        // own = [30, 10, 100], L = 5: a = 1; others get 10; a gets min(min(30, 15), min(100, 15)) = 15.
        Assert.Equal(new[] { 10L, 15L, 10L }, Grants(5, 1000, 30, 10, 100));
        // own = [30, 10, 12]: a gets min(15, 12) = 12.
        Assert.Equal(new[] { 10L, 12L, 10L }, Grants(5, 1000, 30, 10, 12));
    }

    [Fact]
    public void EqualSmallestBoundsGiveEveryoneThatBound()
    {
        Assert.Equal(new[] { 10L, 10L, 10L }, Grants(5, 1000, 10, 10, 40));
    }

    [Fact]
    public void GrantsAreCappedAtTheEnd()
    {
        Assert.Equal(new[] { 12L, 10L }, Grants(5, 12, 10, 50));
        Assert.Equal(new[] { 8L, 8L }, Grants(5, 8, 10, 50));
    }

    [Fact]
    public void PartitionsThatCanNeverSendLetEveryoneRunToTheEnd()
    {
        Assert.Equal(new[] { 1000L, 1000L, 1000L }, Grants(5, 1000, Inf, Inf, Inf));
        // Only partition 2 can send: it hears nothing ever (others only relay at 40 + 5 = 45).
        Assert.Equal(new[] { 40L, 40L, 45L }, Grants(5, 1000, Inf, Inf, 40));
    }

    [Fact]
    public void RelayNearInfinitySaturatesInsteadOfOverflowing()
    {
        Assert.Equal(new[] { Inf, Inf - 1 }, Grants(5, Inf, Inf - 1, Inf));
    }

    [Fact]
    public void RejectsMismatchedGrantSpanAndNonPositiveLookahead()
    {
        var statuses = new PartitionStatus[2];
        Assert.Throws<ArgumentException>(() => WindowRules.ComputeGrants(statuses, 5, 100, new long[3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => WindowRules.ComputeGrants(statuses, 0, 100, new long[2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => WindowRules.ComputeGrants(statuses, -1, 100, new long[2]));
    }

    [Fact]
    public void FinishedOnlyWhenNoPartitionHasAnEventBeforeTheEnd()
    {
        Assert.True(WindowRules.Finished([new(100, 0), new(Inf, 0)], 100));
        Assert.False(WindowRules.Finished([new(100, 0), new(99, Inf)], 100));
        Assert.False(WindowRules.Finished([new(Inf, 0), new(0, 0)], 100));
        Assert.True(WindowRules.Finished([new(Inf, 0)], Inf));
        Assert.True(WindowRules.Finished(ReadOnlySpan<PartitionStatus>.Empty, 100));
    }

    /// <summary>
    /// The grant must equal min(end, min over q ≠ p of out_q) where out is the greatest fixed point of
    /// out_q = min(own_q, min over r ≠ q of out_r + lookahead), computed here by plain iteration.
    /// </summary>
    [Property(Arbitrary = new[] { typeof(WindowCaseArbitraries) }, MaxTest = 300)]
    public void GrantsEqualTheFixedPointOfTheOutputBounds(WindowCase c)
    {
        var n = c.Own.Length;
        var output = (long[])c.Own.Clone();
        for (var round = 0; round < n + 1; round++)
        {
            var next = new long[n];
            for (var q = 0; q < n; q++)
            {
                var incoming = Inf;
                for (var r = 0; r < n; r++) if (r != q) incoming = Math.Min(incoming, output[r]);
                next[q] = Math.Min(c.Own[q], VirtualTime.Add(incoming, c.Lookahead));
            }
            output = next;
        }
        var expected = new long[n];
        for (var p = 0; p < n; p++)
        {
            var incoming = Inf;
            for (var q = 0; q < n; q++) if (q != p) incoming = Math.Min(incoming, output[q]);
            expected[p] = n == 1 ? c.End : Math.Min(c.End, incoming);
        }
        Assert.Equal(expected, Grants(c.Lookahead, c.End, c.Own));
    }
}

public sealed record WindowCase(long[] Own, long Lookahead, long End)
{
    public override string ToString() => $"own=[{string.Join(", ", Own)}] L={Lookahead} end={End}";
}

public static class WindowCaseArbitraries
{
    public static Arbitrary<WindowCase> Cases() =>
        (from n in Gen.Choose(1, 6)
         from own in Gen.ArrayOf(Gen.Frequency((5, Gen.Choose(0, 60).Select(x => (long)x)), (1, Gen.Constant(VirtualTime.Infinity))), n)
         from lookahead in Gen.Choose(1, 20)
         from end in Gen.Frequency((4, Gen.Choose(0, 100).Select(x => (long)x)), (1, Gen.Constant(VirtualTime.Infinity)))
         select new WindowCase(own, lookahead, end)).ToArbitrary();
}
