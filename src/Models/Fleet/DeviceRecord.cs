namespace FgsActors.Models.Fleet;

/// <summary>
/// One device of an imported device table. Units are in the names: Hz, MiB (2^20 bytes, as RAM is sold in
/// binary sizes), Wh, bit/s.
/// </summary>
/// <param name="Id">Device id as written in the table.</param>
/// <param name="Tier">Tier name, one of the configured tiers.</param>
/// <param name="CpuHz">CPU clock frequency, Hz (&gt; 0).</param>
/// <param name="RamMb">RAM available to the workload, MiB (&gt; 0; fractional for microcontrollers).</param>
/// <param name="BatteryWh">Battery capacity, Wh (&gt; 0); null when mains-powered.</param>
/// <param name="UpBps">Uplink rate, bit/s (&gt; 0).</param>
/// <param name="DownBps">Downlink rate, bit/s (&gt; 0).</param>
/// <param name="Line">Line of the table this device came from, for later cross-file error messages.</param>
public sealed record DeviceRecord(
    string Id, string Tier, double CpuHz, double RamMb, double? BatteryWh, double UpBps, double DownBps, int Line)
{
    /// <summary>True when the device has no battery (battery_wh = mains).</summary>
    public bool IsMains => BatteryWh is null;
}
