using FgsActors.Models.Hardware;
using FgsActors.Models.Network;
using FgsActors.Simulation.Fleet;

namespace FgsActors.Simulation.Tests.Fleet;

public class FleetGeneratorTests
{
    [Fact]
    public void Same_seed_gives_identical_profiles_and_another_seed_does_not()
    {
        var spec = FleetFixtures.Spec(500);
        var a = FleetGenerator.Generate(spec, 42);
        Assert.Equal(a, FleetGenerator.Generate(spec, 42));
        Assert.NotEqual(a, FleetGenerator.Generate(spec, 43));
    }

    [Fact]
    public void Independent_assignment_device_i_is_the_same_in_a_fleet_of_10_or_1000()
    {
        var small = FleetGenerator.Generate(FleetFixtures.Spec(10, TierAssignment.Independent), 7);
        var large = FleetGenerator.Generate(FleetFixtures.Spec(1000, TierAssignment.Independent), 7);
        Assert.Equal(small, large.Take(10));
    }

    [Fact]
    public void Quota_assignment_keeps_each_devices_own_draws_across_fleet_sizes()
    {
        // The tier may change with N (rank among N keys), but the draws do not: distance uses a fleet-wide range, and
        // the clock's position within its tier's range is the same uniform.
        var small = FleetGenerator.Generate(FleetFixtures.Spec(10), 7);
        var large = FleetGenerator.Generate(FleetFixtures.Spec(1000), 7);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(small[i].DistanceKm, large[i].DistanceKm);
            Assert.Equal(Position(small[i]), Position(large[i]), 12);
        }
    }

    private static double Position(DeviceProfile d)
    {
        var t = FleetFixtures.Tier(d.Tier);
        return (d.CpuHz - t.MinCpuHz) / (t.MaxCpuHz - t.MinCpuHz);
    }

    [Theory]
    [InlineData(1000, 100, 200, 300, 400)]
    [InlineData(7, 1, 1, 2, 3)] // 0.7, 1.4, 2.1, 2.8 → floors 0,1,2,2; remainders .8 (phone), .7 (gateway) round up
    public void Quota_mix_is_exact(int n, int gateways, int mcus, int sbcs, int phones)
    {
        var fleet = FleetGenerator.Generate(FleetFixtures.Spec(n), 3);
        var counts = fleet.GroupBy(d => d.Tier).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(gateways, counts.GetValueOrDefault("gateway"));
        Assert.Equal(mcus, counts.GetValueOrDefault("microcontroller"));
        Assert.Equal(sbcs, counts.GetValueOrDefault("sbc"));
        Assert.Equal(phones, counts.GetValueOrDefault("smartphone"));
    }

    [Fact]
    public void Quota_assignment_is_a_shuffle_not_blocks_of_ids()
    {
        // If tiers were dealt by id, the first 100 of 1000 would all be gateways.
        var first = FleetGenerator.Generate(FleetFixtures.Spec(1000), 3).Take(100).Select(d => d.Tier).Distinct().Count();
        Assert.Equal(4, first);
    }

    [Fact]
    public void Independent_mix_is_within_a_binomial_bound()
    {
        const int n = 20_000;
        var fleet = FleetGenerator.Generate(FleetFixtures.Spec(n, TierAssignment.Independent), 11);
        foreach (var (tier, p) in FleetFixtures.Mix100k)
        {
            var count = fleet.Count(d => d.Tier == tier);
            var sigma = Math.Sqrt(n * p * (1 - p));
            Assert.True(Math.Abs(count - n * p) <= 5 * sigma, $"{tier}: {count} vs {n * p} ± {5 * sigma}");
        }
    }

    [Fact]
    public void Variations_stay_in_their_ranges_and_follow_the_tier()
    {
        var spec = FleetFixtures.Spec(2000);
        foreach (var d in FleetGenerator.Generate(spec, 5))
        {
            var tier = FleetFixtures.Tier(d.Tier);
            Assert.InRange(d.CpuHz, tier.MinCpuHz, tier.MaxCpuHz);
            Assert.InRange(d.DistanceKm!.Value, spec.MinDistanceKm, spec.MaxDistanceKm);
            Assert.True(d.RamBytes > 0);
            Assert.Equal(tier.IsMains, d.IsMains);
            Assert.True(d.BatteryWh is null or > 0);
            Assert.Equal(tier.Radio, d.Radio);
            Assert.Equal(tier.IdlePowerW, d.IdlePowerW);
            Assert.Equal(tier.ActivePowerW, d.ActivePowerW);
            Assert.True(RadioCatalog.TryGet(d.Radio, out var radio));
            Assert.Equal(radio.Uplink.AtDistance(d.DistanceKm.Value).BitsPerSecond, d.UpBps);
            Assert.Equal(radio.Downlink.AtDistance(d.DistanceKm.Value).BitsPerSecond, d.DownBps);
        }
    }

    [Fact]
    public void Without_variation_RAM_and_battery_are_the_tier_figures()
    {
        var spec = FleetFixtures.Spec(200, ramSigma: 0, batterySigma: 0);
        foreach (var d in FleetGenerator.Generate(spec, 5))
        {
            var tier = FleetFixtures.Tier(d.Tier);
            Assert.Equal(tier.UsableRamBytes, d.RamBytes);
            Assert.Equal(tier.BatteryWh, d.BatteryWh);
        }
    }

    [Fact]
    public void Lognormal_RAM_factor_has_median_one()
    {
        // Median of exp(σZ) is 1: half the phones above the tier's usable RAM, half below (± 4 σ of a binomial).
        var phones = FleetGenerator.Generate(FleetFixtures.Spec(10_000, ramSigma: 0.3), 9)
            .Where(d => d.Tier == "smartphone").ToArray();
        var above = phones.Count(d => d.RamBytes > TierCatalog.Smartphone.UsableRamBytes);
        Assert.True(Math.Abs(above - phones.Length / 2.0) <= 4 * Math.Sqrt(phones.Length / 4.0), $"{above} of {phones.Length}");
    }

    [Fact]
    public void Shannon_rates_fall_with_distance_and_fixed_rates_do_not()
    {
        var fleet = FleetGenerator.Generate(FleetFixtures.Spec(2000), 5);
        var phones = fleet.Where(d => d.Tier == "smartphone").OrderBy(d => d.DistanceKm).ToArray();
        Assert.True(phones[0].UpBps > phones[^1].UpBps);
        var mcuRates = fleet.Where(d => d.Tier == "microcontroller").Select(d => d.UpBps).Distinct();
        Assert.Single(mcuRates);
    }

    [Fact]
    public void An_empty_fleet_is_empty()
    {
        Assert.Empty(FleetGenerator.Generate(FleetFixtures.Spec(0), 1));
    }

    [Fact]
    public void Generated_profiles_feed_the_memory_check()
    {
        // LeNet-5 with momentum SGD, batch 32 (1,907,576 B) fits no microcontroller and every other device.
        var lenet = new WorkloadFootprint(61_706, 4, 9_118 * 4, 32, OptimizerState.SgdMomentum);
        foreach (var d in FleetGenerator.Generate(FleetFixtures.Spec(400), 2))
            Assert.Equal(d.Tier != "microcontroller", lenet.Fits(d.RamBytes, $"device {d.Name} ({d.Tier})").Fits);
    }
}
