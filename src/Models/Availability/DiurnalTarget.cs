namespace FgsActors.Models.Availability;

/// <summary>Which phase of the on/off process the time of day modulates.</summary>
public enum DiurnalTarget
{
    /// <summary>Off periods end faster near the peak hour (rate of coming online × (1 + a·cos)).</summary>
    OffToOnRate,

    /// <summary>On periods last longer near the peak hour (rate of going offline × (1 − a·cos)).</summary>
    OnPeriodLength,

    /// <summary>Both of the above: devices come online sooner and stay longer around the peak.</summary>
    Both,
}
