namespace FgsActors.Simulation.Fleet;

/// <summary>
/// One device's fixed hardware, as fleet generation or a device table gives it. Units are in the names.
/// </summary>
/// <param name="Id">Entity id: the device's index in the fleet, the key of its random streams.</param>
/// <param name="Name">Id as written in outputs: the index for generated fleets, the table's id for imported ones.</param>
/// <param name="Tier">Hardware tier name.</param>
/// <param name="CpuHz">Training clock, Hz.</param>
/// <param name="RamBytes">RAM available to the workload, bytes (the tier's usable RAM × the device's factor; the table's ram_mb).</param>
/// <param name="BatteryWh">Battery capacity, Wh; null on mains.</param>
/// <param name="Radio">Radio class name.</param>
/// <param name="DistanceKm">Distance to the aggregator, km; null when a device table gives the rates directly.</param>
/// <param name="UpBps">Uplink physical rate while transmitting, bit/s (duty cycles come from the radio class).</param>
/// <param name="DownBps">Downlink physical rate, bit/s.</param>
/// <param name="IdlePowerW">Idle draw, W (from the tier).</param>
/// <param name="ActivePowerW">Draw while training, W (from the tier).</param>
public sealed record DeviceProfile(
    long Id,
    string Name,
    string Tier,
    double CpuHz,
    long RamBytes,
    double? BatteryWh,
    string Radio,
    double? DistanceKm,
    double UpBps,
    double DownBps,
    double IdlePowerW,
    double ActivePowerW)
{
    /// <summary>True when the device has no battery.</summary>
    public bool IsMains => BatteryWh is null;
}
