namespace FgsActors.Models.Network;

/// <summary>
/// A radio technology as the fleet model sees it: rates up and down, the minimum one-way latency, and the electrical
/// power the radio draws in each state (for battery drain — distinct from the radiated power inside a
/// <see cref="ShannonLink"/>). Defaults with sources are in <see cref="RadioCatalog"/>.
/// </summary>
public sealed record RadioClass
{
    public RadioClass(string name, LinkRate uplink, LinkRate downlink, double baseLatencyS,
        double transmitPowerW, double receivePowerW, double idlePowerW,
        double uplinkDutyCycle = 1.0, double downlinkDutyCycle = 1.0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(uplink);
        ArgumentNullException.ThrowIfNull(downlink);
        NonNegative(baseLatencyS, nameof(baseLatencyS), "base latency (s)");
        NonNegative(transmitPowerW, nameof(transmitPowerW), "transmit power (W)");
        NonNegative(receivePowerW, nameof(receivePowerW), "receive power (W)");
        NonNegative(idlePowerW, nameof(idlePowerW), "idle power (W)");
        Fraction(uplinkDutyCycle, nameof(uplinkDutyCycle));
        Fraction(downlinkDutyCycle, nameof(downlinkDutyCycle));
        Name = name;
        Uplink = uplink;
        Downlink = downlink;
        BaseLatencyS = baseLatencyS;
        TransmitPowerW = transmitPowerW;
        ReceivePowerW = receivePowerW;
        IdlePowerW = idlePowerW;
        UplinkDutyCycle = uplinkDutyCycle;
        DownlinkDutyCycle = downlinkDutyCycle;
    }

    /// <summary>Name used in configuration (lower case, e.g. "lte").</summary>
    public string Name { get; }

    /// <summary>Device → aggregator rate model.</summary>
    public LinkRate Uplink { get; }

    /// <summary>Aggregator → device rate model.</summary>
    public LinkRate Downlink { get; }

    /// <summary>Minimum one-way latency, s, excluding serialisation time (bits / rate); jitter is added on top, never below.</summary>
    public double BaseLatencyS { get; }

    /// <summary>Electrical power drawn while transmitting, W.</summary>
    public double TransmitPowerW { get; }

    /// <summary>Electrical power drawn while receiving, W.</summary>
    public double ReceivePowerW { get; }

    /// <summary>Extra electrical power while attached but idle, W (0 where no source: then it is part of the tier's idle power).</summary>
    public double IdlePowerW { get; }

    /// <summary>Fraction of time the device may transmit (regulatory duty cycle; 1 = unrestricted).</summary>
    public double UplinkDutyCycle { get; }

    /// <summary>Fraction of time the aggregator side may transmit to the device (1 = unrestricted).</summary>
    public double DownlinkDutyCycle { get; }

    /// <summary>
    /// Long-run uplink rate under the duty cycle, bit/s: rate × duty. After a transmission of airtime T the sender must
    /// stay silent T·(1/duty − 1) (ETSI EN 300 220), so a long transfer takes airtime / duty. Energy uses the airtime
    /// (bits / <see cref="LinkRate.BitsPerSecond"/>), not this.
    /// </summary>
    public double EffectiveUplinkBitsPerSecond => Uplink.BitsPerSecond * UplinkDutyCycle;

    /// <summary>Long-run downlink rate under the duty cycle, bit/s.</summary>
    public double EffectiveDownlinkBitsPerSecond => Downlink.BitsPerSecond * DownlinkDutyCycle;

    /// <summary>This class for a device at another distance (km): Shannon links change, fixed rates do not.</summary>
    public RadioClass AtDistance(double distanceKm)
        => new(Name, Uplink.AtDistance(distanceKm), Downlink.AtDistance(distanceKm), BaseLatencyS,
            TransmitPowerW, ReceivePowerW, IdlePowerW, UplinkDutyCycle, DownlinkDutyCycle);

    private static void NonNegative(double value, string name, string what)
    {
        if (!(value >= 0.0) || double.IsInfinity(value))
            throw new ArgumentOutOfRangeException(name, value, $"{what} must be a finite number ≥ 0");
    }

    private static void Fraction(double value, string name)
    {
        if (!(value > 0.0 && value <= 1.0))
            throw new ArgumentOutOfRangeException(name, value, "a duty cycle must lie in (0, 1]");
    }
}
