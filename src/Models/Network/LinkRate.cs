namespace FgsActors.Models.Network;

/// <summary>
/// How fast one direction of a device's link carries bits. Wired and narrow-band classes have a fixed rate; cellular
/// classes follow the Shannon formula from distance, so a fleet's spread of distances becomes a spread of rates.
/// </summary>
public abstract record LinkRate
{
    /// <summary>Physical-layer rate while transmitting, bit/s (&gt; 0).</summary>
    public abstract double BitsPerSecond { get; }

    /// <summary>This rate for a device at another distance (km); distance-free rates return themselves.</summary>
    public abstract LinkRate AtDistance(double distanceKm);
}

/// <summary>A rate that does not depend on distance (wired links, LoRa at a fixed spreading factor, NB-IoT category peak).</summary>
public sealed record FixedRate : LinkRate
{
    public FixedRate(double bitsPerSecond)
    {
        if (!(bitsPerSecond > 0.0) || double.IsInfinity(bitsPerSecond))
            throw new ArgumentOutOfRangeException(nameof(bitsPerSecond), bitsPerSecond, "a link rate must be a finite number of bit/s > 0");
        Rate = bitsPerSecond;
    }

    /// <summary>The rate, bit/s.</summary>
    public double Rate { get; }

    public override double BitsPerSecond => Rate;

    public override LinkRate AtDistance(double distanceKm) => this;
}
