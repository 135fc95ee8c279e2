using FgsActors.Models.Energy;

namespace FgsActors.Models.Tests.Energy;

public class BatteryTests
{
    [Fact]
    public void Watt_hour_conversions()
    {
        // 1 Wh = 3600 J; 10 Wh = 36,000 J; 0.66 Wh (CR2032-class) = 2,376 J.
        Assert.Equal(3_600, EnergyUnits.WattHoursToJoules(1));
        Assert.Equal(36_000, EnergyUnits.WattHoursToJoules(10));
        Approx.Equal(2_376, EnergyUnits.WattHoursToJoules(0.66));
        Assert.Equal(2.5, EnergyUnits.JoulesToWattHours(9_000));
    }

    [Fact]
    public void New_battery_is_full_in_joules_and_watt_hours()
    {
        var b = Battery.FromWattHours(10);
        Assert.Equal(36_000, b.CapacityJoules);
        Assert.Equal(36_000, b.LevelJoules);
        Assert.Equal(10, b.LevelWattHours);
        Assert.Equal(1.0, b.StateOfCharge);
        Assert.False(b.IsEmpty);
        Assert.False(b.IsMains);
    }

    [Fact]
    public void Initial_state_of_charge_scales_level()
    {
        // Half of 10 Wh = 18,000 J.
        var b = Battery.FromWattHours(10, 0.5);
        Assert.Equal(18_000, b.LevelJoules);
        Assert.Equal(0.5, b.StateOfCharge);
        Assert.True(Battery.FromWattHours(10, 0).IsEmpty);
    }

    [Fact]
    public void Drain_reduces_level_and_returns_delivered()
    {
        var b = Battery.FromWattHours(10);
        Assert.Equal(1_000, b.Drain(1_000));
        Assert.Equal(35_000, b.LevelJoules);
        Assert.Equal(0, b.Drain(0));
        Assert.Equal(35_000, b.LevelJoules);
    }

    [Fact]
    public void Drain_to_exactly_zero_is_empty()
    {
        var b = Battery.FromWattHours(10);
        Assert.Equal(36_000, b.Drain(36_000));
        Assert.Equal(0, b.LevelJoules);
        Assert.True(b.IsEmpty);
        Assert.Equal(0, b.StateOfCharge);
    }

    [Fact]
    public void Drain_below_zero_clamps_and_returns_only_what_was_there()
    {
        var b = Battery.FromWattHours(10);
        b.Drain(30_000);
        // 6,000 J left; asking 10,000 J delivers 6,000 J.
        Assert.Equal(6_000, b.Drain(10_000));
        Assert.Equal(0, b.LevelJoules);
        Assert.True(b.IsEmpty);
        Assert.Equal(0, b.Drain(5));
    }

    [Fact]
    public void Residue_below_tolerance_counts_as_empty()
    {
        // 36,000 J capacity → tolerance 36,000 · 1e-9 = 3.6e-5 J; leaving 1e-6 J is "empty".
        var b = Battery.FromWattHours(10);
        var delivered = b.Drain(36_000 - 1e-6);
        Assert.True(b.IsEmpty);
        Assert.Equal(0, b.LevelJoules);
        Assert.Equal(36_000, delivered); // residue swept in: joules are conserved
    }

    [Fact]
    public void Time_until_empty_is_level_over_power()
    {
        // 36,000 J at 2 W = 18,000 s (5 h); at 0 W: never.
        var b = Battery.FromWattHours(10);
        Assert.Equal(18_000, b.TimeUntilEmpty(2));
        Assert.Equal(double.PositiveInfinity, b.TimeUntilEmpty(0));
        b.Drain(36_000);
        Assert.Equal(0, b.TimeUntilEmpty(2));
    }

    [Fact]
    public void Death_instant_is_now_plus_time_until_empty()
    {
        // At t = 100 s with 36,000 J and 2 W: 100 + 18,000 = 18,100 s.
        var b = Battery.FromWattHours(10);
        Assert.Equal(18_100, b.DeathInstant(100, 2));
        Assert.Equal(double.PositiveInfinity, b.DeathInstant(100, 0));
    }

    [Fact]
    public void Death_instant_of_training_at_kappa_f_cubed()
    {
        // 0.66 Wh coin cell = 2,376 J; MCU at 100 MHz: P = 1e-28 · (1e8)³ = 1e-4 W;
        // 2,376 / 1e-4 = 2.376e7 s; from t = 3,600 s death at 23,763,600 s.
        var b = Battery.FromWattHours(0.66);
        var p = ComputeModel.TrainingPowerWatts(1e8);
        Approx.Equal(23_763_600, b.DeathInstant(3_600, p));
    }

    [Fact]
    public void Draining_until_death_instant_empties_the_battery()
    {
        // Times that are not exact in binary: the tolerance absorbs the rounding in (now + L/P) − now.
        var b = Battery.FromWattHours(3.7);
        var now = 12_345.678;
        var power = 0.73;
        b.Drain(1_234.5);
        var death = b.DeathInstant(now, power);
        b.Drain(power * (death - now));
        Assert.True(b.IsEmpty);
    }

    [Fact]
    public void Mains_never_empties()
    {
        var m = Battery.Mains;
        Assert.True(m.IsMains);
        Assert.Equal(1e12, m.Drain(1e12));
        Assert.False(m.IsEmpty);
        Assert.Equal(1.0, m.StateOfCharge);
        Assert.Equal(double.PositiveInfinity, m.LevelJoules);
        Assert.Equal(double.PositiveInfinity, m.TimeUntilEmpty(1_000));
        Assert.Equal(double.PositiveInfinity, m.DeathInstant(50, 1_000));
        m.RechargeFull();
        Assert.False(m.IsEmpty);
    }

    [Fact]
    public void Recharge_restores_full_capacity()
    {
        var b = Battery.FromWattHours(10);
        b.Drain(50_000);
        Assert.True(b.IsEmpty);
        b.RechargeFull();
        Assert.Equal(36_000, b.LevelJoules);
        Assert.False(b.IsEmpty);
    }

    [Fact]
    public void Arguments_are_validated()
    {
        Assert.Equal("capacityWattHours",
            Assert.Throws<ArgumentOutOfRangeException>(() => Battery.FromWattHours(0)).ParamName);
        Assert.Equal("capacityWattHours",
            Assert.Throws<ArgumentOutOfRangeException>(() => Battery.FromWattHours(double.PositiveInfinity)).ParamName);
        Assert.Equal("stateOfCharge",
            Assert.Throws<ArgumentOutOfRangeException>(() => Battery.FromWattHours(1, 1.5)).ParamName);
        Assert.Equal("stateOfCharge",
            Assert.Throws<ArgumentOutOfRangeException>(() => Battery.FromWattHours(1, double.NaN)).ParamName);
        var b = Battery.FromWattHours(1);
        Assert.Equal("joules", Assert.Throws<ArgumentOutOfRangeException>(() => b.Drain(-1)).ParamName);
        Assert.Equal("powerWatts", Assert.Throws<ArgumentOutOfRangeException>(() => b.TimeUntilEmpty(-1)).ParamName);
        Assert.Equal("nowSeconds", Assert.Throws<ArgumentOutOfRangeException>(() => b.DeathInstant(-1, 1)).ParamName);
        Assert.Equal(3_600, b.LevelJoules); // failed calls changed nothing
    }
}
