using FgsActors.Models.Network;
using FsCheck.Xunit;

namespace FgsActors.Models.Tests.Network;

public class SharedAccessTests
{
    private const double Uncapped = double.PositiveInfinity;

    [Fact]
    public void Empty_link_has_no_next_completion() => Assert.Null(new SharedAccess(10).NextCompletion());

    [Fact]
    public void One_transfer_runs_at_capacity_or_its_cap()
    {
        var link = new SharedAccess(10);
        link.Add(1, 10, Uncapped, 0);
        Assert.Equal((1L, 1.0), link.NextCompletion());   // 10 bits at 10 bit/s
        var capped = new SharedAccess(10);
        capped.Add(1, 10, 4, 0);
        Assert.Equal((1L, 2.5), capped.NextCompletion()); // 10 bits at its cap of 4 bit/s
    }

    [Fact]
    public void Two_equal_transfers_share_equally_and_tie_by_id()
    {
        // C = 10, two transfers of 10 bits: 5 bit/s each → both finish at t = 2; the smaller id comes first.
        var link = new SharedAccess(10);
        link.Add(7, 10, Uncapped, 0);
        link.Add(3, 10, Uncapped, 0);
        Assert.Equal(5.0, link.RateOf(3));
        Assert.Equal((3L, 2.0), link.NextCompletion());
        Assert.Equal(0.0, link.Remove(3, 2.0));
        Assert.Equal((7L, 2.0), link.NextCompletion());
    }

    [Fact]
    public void A_capped_transfer_leaves_its_unused_share_to_the_other()
    {
        // C = 10, transfer 1 capped at 2 gets 2, transfer 2 gets the other 8.
        var link = new SharedAccess(10);
        link.Add(1, 10, 2, 0);
        link.Add(2, 10, Uncapped, 0);
        Assert.Equal(2.0, link.RateOf(1));
        Assert.Equal(8.0, link.RateOf(2));
        // Transfer 2 ends at 10 / 8 = 1.25 s; transfer 1 then has 10 − 2 · 1.25 = 7.5 bits, still at its cap: 1.25 + 3.75 = 5 s.
        Assert.Equal((2L, 1.25), link.NextCompletion());
        link.Remove(2, 1.25);
        Assert.Equal(7.5, link.RemainingBits(1), 12);
        Assert.Equal(2.0, link.RateOf(1));
        Assert.Equal((1L, 5.0), link.NextCompletion());
    }

    [Fact]
    public void Three_transfers_water_fill()
    {
        // C = 12; caps 2, 5, none; 12 bits each. Share 12/3 = 4: cap 2 fits → 2, left 10. Share 10/2 = 5: cap 5 fits → 5,
        // left 5. Last gets 5. Ids 2 and 3 both end at 12/5 = 2.4 s (tie → id 2 first); id 1 then has 12 − 2 · 2.4 = 7.2 bits
        // at 2 bit/s → 2.4 + 3.6 = 6.0 s.
        var link = new SharedAccess(12);
        link.Add(3, 12, Uncapped, 0);
        link.Add(1, 12, 2, 0);
        link.Add(2, 12, 5, 0);
        Assert.Equal(new[] { 2.0, 5.0, 5.0 }, new[] { link.RateOf(1), link.RateOf(2), link.RateOf(3) });
        var first = link.NextCompletion()!.Value;
        Assert.Equal(2L, first.Id);
        Assert.Equal(2.4, first.Time, 12);
        link.Remove(2, first.Time);
        var second = link.NextCompletion()!.Value;
        Assert.Equal(3L, second.Id);
        Assert.Equal(2.4, second.Time, 12);
        link.Remove(3, second.Time);
        var last = link.NextCompletion()!.Value;
        Assert.Equal(1L, last.Id);
        Assert.Equal(6.0, last.Time, 12);
    }

    [Fact]
    public void Removal_mid_transfer_returns_what_was_left_and_speeds_up_the_rest()
    {
        // C = 10, two 10-bit transfers at 5 bit/s. At t = 1 transfer 2 is aborted with 5 bits left;
        // transfer 1's remaining 5 bits then go at 10 bit/s → done at 1.5 s.
        var link = new SharedAccess(10);
        link.Add(1, 10, Uncapped, 0);
        link.Add(2, 10, Uncapped, 0);
        Assert.Equal(5.0, link.Remove(2, 1.0), 12);
        Assert.Equal((1L, 1.5), link.NextCompletion());
    }

    [Fact]
    public void A_late_arrival_slows_the_first()
    {
        // Transfer 1 (10 bits) alone at 10 bit/s; at 0.5 s it has 5 bits left and transfer 2 (10 bits) joins: 5 bit/s each.
        // 1 ends at 0.5 + 1 = 1.5 s; 2 then has 5 bits at 10 bit/s → 2.0 s.
        var link = new SharedAccess(10);
        link.Add(1, 10, Uncapped, 0);
        link.Add(2, 10, Uncapped, 0.5);
        Assert.Equal((1L, 1.5), link.NextCompletion());
        link.Remove(1, 1.5);
        Assert.Equal((2L, 2.0), link.NextCompletion());
    }

    [Fact]
    public void Unlimited_capacity_runs_everyone_at_their_cap()
    {
        var link = new SharedAccess(double.PositiveInfinity);
        link.Add(1, 10, 2, 0);
        link.Add(2, 10, 5, 0);
        Assert.Equal(2.0, link.RateOf(1));
        Assert.Equal(5.0, link.RateOf(2));
        Assert.Equal((2L, 2.0), link.NextCompletion());
    }

    [Fact]
    public void Misuse_is_rejected()
    {
        var link = new SharedAccess(10);
        link.Add(1, 10, Uncapped, 1.0);
        Assert.Throws<InvalidOperationException>(() => link.Add(1, 10, Uncapped, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => link.Add(2, 10, Uncapped, 0.5)); // time went back
        Assert.Throws<InvalidOperationException>(() => link.Remove(9, 2.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => link.Add(3, -1, Uncapped, 2.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => link.Add(3, 10, 0, 2.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SharedAccess(0));
    }

    [Property]
    public bool Rates_never_exceed_capacity_or_caps_and_do_not_depend_on_insertion_order(byte[] caps)
    {
        var forward = new SharedAccess(100);
        var backward = new SharedAccess(100);
        for (var i = 0; i < caps.Length; i++) forward.Add(i, 50, caps[i] + 1, 0);
        for (var i = caps.Length - 1; i >= 0; i--) backward.Add(i, 50, caps[i] + 1, 0);
        var total = 0.0;
        for (var i = 0; i < caps.Length; i++)
        {
            var rate = forward.RateOf(i);
            if (rate > caps[i] + 1 || rate != backward.RateOf(i)) return false;
            total += rate;
        }
        // Work-conserving: either the capacity is used up or everyone is at their cap.
        var allCapped = Enumerable.Range(0, caps.Length).All(i => forward.RateOf(i) == caps[i] + 1);
        return total <= 100 + 1e-9 && (allCapped || total >= 100 - 1e-9)
            && Equals(forward.NextCompletion(), backward.NextCompletion());
    }
}
