namespace FgsActors.Simulation.Fleet;

/// <summary>
/// Purpose names of the per-device streams fleet generation draws from. One purpose per quantity, so adding a draw to
/// one quantity never shifts another's, and a device's values depend only on (seed, device id).
/// </summary>
public static class FleetStreams
{
    public const string Tier = "fleet.tier";
    public const string Cpu = "fleet.cpu";
    public const string Ram = "fleet.ram";
    public const string Battery = "fleet.battery";
    public const string Distance = "fleet.distance";
}
