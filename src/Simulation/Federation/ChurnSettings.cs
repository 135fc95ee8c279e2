using FgsActors.Models.Availability;

namespace FgsActors.Simulation.Federation;

/// <summary>How devices come and go (battery deaths come on top of any of these).</summary>
public enum ChurnModel
{
    /// <summary>Always online (only battery deaths take a device away): "battery-driven" availability.</summary>
    None,

    /// <summary>Alternating renewal process per device (exponential or Weibull on/off, optional diurnal modulation).</summary>
    Renewal,

    /// <summary>Replay of an availability trace (device_id, online_from_s, online_to_s); devices absent from it are never online.</summary>
    Trace,
}

/// <summary>Churn settings; <see cref="Renewal"/> is set for <see cref="ChurnModel.Renewal"/>, <see cref="Trace"/> for <see cref="ChurnModel.Trace"/>.</summary>
public sealed record ChurnSettings(ChurnModel Model, RenewalProcess? Renewal = null, AvailabilityTrace? Trace = null)
{
    public static ChurnSettings AlwaysOnline { get; } = new(ChurnModel.None);
}
