using FgsActors.Models.Checkpoints;
using FgsActors.Models.Network;

namespace FgsActors.Models.Tests.Checkpoints;

public sealed class SharedAccessStateTests
{
    // 100 bit/s shared by three transfers that started at different times, one capped below its share.
    private static SharedAccess Busy()
    {
        var access = new SharedAccess(100);
        access.Add(5, 1_000, 20, 0);
        access.Add(2, 700, double.PositiveInfinity, 1.5);
        access.Add(9, 333.3, 60, 2.25);
        access.Advance(3.1);
        return access;
    }

    [Fact]
    public void A_restored_access_drains_and_completes_like_the_saved_one()
    {
        var access = Busy();
        var twin = new SharedAccess(100);
        StateBytes.CopyInto(access, twin);
        Assert.Equal(access.Now, twin.Now);
        Assert.Equal(access.NextCompletion(), twin.NextCompletion());

        foreach (var step in new Action<SharedAccess>[]
                 {
                     a => a.Add(7, 50, 5, 3.5),
                     a => a.Remove(2, 4.0),
                     a => a.Advance(6.25),
                     a => a.Remove(a.NextCompletion()!.Value.Id, a.NextCompletion()!.Value.Time),
                 })
        {
            step(access);
            step(twin);
            Assert.Equal(access.NextCompletion(), twin.NextCompletion());
            Assert.Equal(StateBytes.Save(access), StateBytes.Save(twin));
        }
        Assert.Equal(access.RemainingBits(5), twin.RemainingBits(5));
    }

    [Fact]
    public void An_access_state_does_not_load_into_another_capacity()
    {
        Assert.Throws<CheckpointFormatException>(() => StateBytes.Load(new SharedAccess(50), StateBytes.Save(Busy())));
    }

    [Fact]
    public void A_truncated_access_state_throws()
    {
        StateBytes.AssertEveryCutThrows(StateBytes.Save(Busy()), () => new SharedAccess(100));
    }
}
