using FgsActors.Models.Tests.Checkpoints;
using FgsActors.Models.Checkpoints;
using FgsActors.Simulation.Federation;
using FgsActors.Simulation.Randomness;

namespace FgsActors.Simulation.Tests.Federation.Checkpoints;

public sealed class AvailablePoolStateTests
{
    // Members in an order that only this history of adds, removes and draws gives.
    private static AvailablePool Shuffled(RandomStream random)
    {
        var pool = new AvailablePool(50);
        for (var d = 0; d < 50; d += 3) pool.Add(d);
        pool.Remove(9);
        pool.Take(4, random);
        pool.Add(49);
        pool.Add(1);
        return pool;
    }

    [Fact]
    public void A_restored_pool_keeps_its_order_and_draws_the_same_devices()
    {
        var random = new RandomStream(11);
        var pool = Shuffled(random);
        var twin = new AvailablePool(50);
        StateBytes.CopyInto(pool, twin);
        Assert.Equal(pool.Count, twin.Count);
        var twinRandom = new RandomStream(1) { State = random.State };
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(pool.Take(3, random), twin.Take(3, twinRandom));
            pool.Add(i);
            twin.Add(i);
        }
        Assert.Equal(StateBytes.Save(pool), StateBytes.Save(twin));
    }

    [Fact]
    public void A_pool_state_for_another_fleet_size_or_with_a_bad_member_is_refused()
    {
        var bytes = StateBytes.Save(Shuffled(new RandomStream(3)));
        Assert.Throws<CheckpointFormatException>(() => StateBytes.Load(new AvailablePool(49), bytes));
        var twice = new AvailablePool(4);
        twice.Add(2);
        twice.Add(3);
        var corrupted = StateBytes.Save(twice);
        corrupted[^4] = 2; // the second member becomes device 2 again
        Assert.Throws<CheckpointFormatException>(() => StateBytes.Load(new AvailablePool(4), corrupted));
        StateBytes.AssertEveryCutThrows(bytes, () => new AvailablePool(50));
    }
}
