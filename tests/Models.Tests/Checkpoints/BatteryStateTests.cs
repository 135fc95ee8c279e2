using FgsActors.Models.Checkpoints;
using FgsActors.Models.Energy;

namespace FgsActors.Models.Tests.Checkpoints;

public sealed class BatteryStateTests
{
    [Fact]
    public void A_restored_battery_drains_and_dies_like_the_saved_one()
    {
        var battery = Battery.FromWattHours(1.0); // 3600 J
        battery.Drain(1234.5678);
        var twin = Battery.FromWattHours(1.0);
        StateBytes.CopyInto(battery, twin);

        Assert.Equal(3600 - 1234.5678, twin.LevelJoules, 9);
        Assert.Equal(battery.DeathInstant(10, 2.5), twin.DeathInstant(10, 2.5));
        // 2365.4322 J left: a 3000 J request delivers what is left and empties both alike.
        Assert.Equal(battery.Drain(3000), twin.Drain(3000));
        Assert.True(twin.IsEmpty);
        Assert.Equal(StateBytes.Save(battery), StateBytes.Save(twin));
    }

    [Fact]
    public void Mains_round_trips_and_is_never_changed_by_a_load()
    {
        var bytes = StateBytes.CopyInto(Battery.Mains, Battery.Mains);
        Assert.Equal(9, bytes.Length); // the flag and the (infinite) level
        Assert.Equal(double.PositiveInfinity, Battery.Mains.LevelJoules);
    }

    [Fact]
    public void A_battery_state_does_not_load_into_mains_or_beyond_capacity()
    {
        var pack = StateBytes.Save(Battery.FromWattHours(1.0, 0.5));
        Assert.Throws<CheckpointFormatException>(() => StateBytes.Load(Battery.Mains, pack));
        // The same level does not fit a pack of a third of the size (1200 J < 1800 J).
        Assert.Throws<CheckpointFormatException>(() => StateBytes.Load(Battery.FromWattHours(1.0 / 3), pack));
    }

    [Fact]
    public void A_truncated_battery_state_throws()
    {
        StateBytes.AssertEveryCutThrows(StateBytes.Save(Battery.FromWattHours(2.0, 0.3)), () => Battery.FromWattHours(2.0));
    }
}
