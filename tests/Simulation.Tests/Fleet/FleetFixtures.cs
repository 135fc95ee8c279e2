using FgsActors.Models.Hardware;
using FgsActors.Simulation.Fleet;

namespace FgsActors.Simulation.Tests.Fleet;

internal static class FleetFixtures
{
    /// <summary>The fleet-100k mix of issue 3: 10 % gateways, 40 % phones, 30 % SBCs, 20 % MCUs.</summary>
    public static readonly Dictionary<string, double> Mix100k = new()
    {
        ["gateway"] = 0.1,
        ["smartphone"] = 0.4,
        ["sbc"] = 0.3,
        ["microcontroller"] = 0.2,
    };

    public static FleetSpec Spec(int n, TierAssignment assignment = TierAssignment.ExactQuota,
        double ramSigma = 0.25, double batterySigma = 0.1, double dMin = 0.05, double dMax = 2.0) =>
        new(TierCatalog.All, Mix100k, n, ramSigma, batterySigma, dMin, dMax, assignment);

    public static HardwareTier Tier(string name) =>
        TierCatalog.TryGet(name, out var t) ? t : throw new InvalidOperationException(name);
}
