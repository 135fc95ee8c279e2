using FgsActors.Models.Hardware;
using FgsActors.Simulation.Fleet;

namespace FgsActors.Simulation.Tests.Fleet;

public class FleetSpecTests
{
    [Fact]
    public void Fractions_not_summing_to_one_are_refused_with_every_tier_and_the_sum()
    {
        var mix = new Dictionary<string, double> { ["smartphone"] = 0.4, ["gateway"] = 0.1, ["sbc"] = 0.25, ["microcontroller"] = 0.2 };
        var e = Assert.Throws<ArgumentException>(() => new FleetSpec(TierCatalog.All, mix, 10));
        Assert.Contains("must sum to 1", e.Message);
        Assert.Contains("gateway = 0.1, microcontroller = 0.2, sbc = 0.25, smartphone = 0.4", e.Message);
        Assert.Contains("sum to 0.95", e.Message);
    }

    [Fact]
    public void A_sum_off_by_decimal_rounding_is_accepted()
    {
        // 0.1 + 0.2 + 0.7 is 1.0000000000000002 in binary floating point.
        var mix = new Dictionary<string, double> { ["gateway"] = 0.1, ["sbc"] = 0.2, ["smartphone"] = 0.7 };
        var spec = new FleetSpec(TierCatalog.All, mix, 10);
        Assert.Equal(["gateway", "sbc", "smartphone"], spec.Shares.Select(s => s.Tier.Name));
    }

    [Fact]
    public void Shares_are_in_canonical_order_whatever_the_dictionary_order()
    {
        var spec = FleetFixtures.Spec(10);
        Assert.Equal(["gateway", "microcontroller", "sbc", "smartphone"], spec.Shares.Select(s => s.Tier.Name));
    }

    [Fact]
    public void Unknown_tier_names_the_known_ones()
    {
        var mix = new Dictionary<string, double> { ["phone"] = 1.0 };
        var e = Assert.Throws<ArgumentException>(() => new FleetSpec(TierCatalog.All, mix, 10));
        Assert.Contains("unknown tier 'phone'", e.Message);
        Assert.Contains("smartphone", e.Message);
    }

    [Fact]
    public void Tier_with_unknown_radio_is_refused()
    {
        var odd = new HardwareTier("odd", 1e9, 1e9, 1, 1 << 20, 0, null, 1, 1, "zigbee");
        var e = Assert.Throws<ArgumentException>(() =>
            new FleetSpec([odd], new Dictionary<string, double> { ["odd"] = 1 }, 1));
        Assert.Contains("'zigbee'", e.Message);
    }

    [Fact]
    public void Other_bad_inputs_are_refused()
    {
        var one = new Dictionary<string, double> { ["sbc"] = 1 };
        Assert.Throws<ArgumentOutOfRangeException>(() => new FleetSpec(TierCatalog.All, new Dictionary<string, double> { ["sbc"] = 1.5, ["gateway"] = -0.5 }, 1));
        Assert.Throws<ArgumentException>(() => new FleetSpec(TierCatalog.All, new Dictionary<string, double>(), 1));
        Assert.Throws<ArgumentException>(() => new FleetSpec([TierCatalog.Gateway, TierCatalog.Gateway], new Dictionary<string, double> { ["gateway"] = 1 }, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FleetSpec(TierCatalog.All, one, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FleetSpec(TierCatalog.All, one, 1, ramSigma: -0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FleetSpec(TierCatalog.All, one, 1, batterySigma: double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FleetSpec(TierCatalog.All, one, 1, minDistanceKm: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FleetSpec(TierCatalog.All, one, 1, minDistanceKm: 2, maxDistanceKm: 1));
    }
}
