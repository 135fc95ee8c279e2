using FgsActors.Models.Hardware;
using FgsActors.Models.Network;
using FgsActors.Simulation.Randomness;
using MathNet.Numerics.Distributions;

namespace FgsActors.Simulation.Fleet;

/// <summary>
/// Per-device draws given the device's tier. Every quantity comes from its own (seed, id, purpose) stream, so a
/// device's values never depend on another device, on the fleet size, or on the order of generation.
/// </summary>
internal static class DeviceVariation
{
    public static DeviceProfile Draw(FleetSpec spec, HardwareTier tier, ulong seed, long id)
    {
        var cpuHz = tier.MinCpuHz + Uniform(seed, id, FleetStreams.Cpu) * (tier.MaxCpuHz - tier.MinCpuHz);

        // The factor scales physical RAM and the OS/runtime reserve together, i.e. the usable RAM: a fixed reserve
        // would leave a small-RAM draw with nothing usable, whereas real systems size their footprint to the RAM
        // they find (e.g. Android's low-memory-killer thresholds scale with total RAM).
        var usableRam = (long)Math.Round(tier.UsableRamBytes * LogNormalFactor(seed, id, FleetStreams.Ram, spec.RamSigma));

        double? batteryWh = tier.BatteryWh is { } wh
            ? wh * LogNormalFactor(seed, id, FleetStreams.Battery, spec.BatterySigma)
            : null;

        var distanceKm = spec.MinDistanceKm
            + Uniform(seed, id, FleetStreams.Distance) * (spec.MaxDistanceKm - spec.MinDistanceKm);
        // FleetSpec has checked that the radio resolves.
        RadioCatalog.TryGet(tier.Radio, out var radio);
        var up = radio!.Uplink.AtDistance(distanceKm).BitsPerSecond;
        var down = radio.Downlink.AtDistance(distanceKm).BitsPerSecond;

        return new DeviceProfile(id, id.ToString(System.Globalization.CultureInfo.InvariantCulture), tier.Name,
            cpuHz, usableRam, batteryWh, radio.Name, distanceKm, up, down, tier.IdlePowerW, tier.ActivePowerW);
    }

    private static double Uniform(ulong seed, long id, string purpose) => RandomStream.For(seed, id, purpose).NextDouble();

    /// <summary>exp(σ·Φ⁻¹(u)): median 1, so σ widens the spread without moving the tier's typical figure.</summary>
    private static double LogNormalFactor(ulong seed, long id, string purpose, double sigma)
    {
        if (sigma == 0) return 1.0;
        var u = Uniform(seed, id, purpose);
        // u = 0 would give Φ⁻¹(0) = −∞, a device with no RAM; the smallest positive draw is used instead.
        if (u == 0) u = 1.0 / (1UL << 53);
        return Math.Exp(sigma * Normal.InvCDF(0.0, 1.0, u));
    }
}
