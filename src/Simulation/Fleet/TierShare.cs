using FgsActors.Models.Hardware;

namespace FgsActors.Simulation.Fleet;

/// <summary>One entry of a fleet's tier mix: a tier and the fraction of devices it gets (0..1).</summary>
public sealed record TierShare(HardwareTier Tier, double Fraction);
