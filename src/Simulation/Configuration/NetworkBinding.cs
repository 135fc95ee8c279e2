using FgsActors.Models.Network;
using FgsActors.Simulation.Federation;
using FgsActors.Simulation.Time;

namespace FgsActors.Simulation.Configuration;

/// <summary>
/// Reads <c>fgs.network</c>: backhaul latency, radio-hop jitter, packet loss and the aggregator's access capacity.
/// The parameters of every jitter distribution are checked, whichever is chosen, so that switching distribution
/// never uncovers a bad value later.
/// </summary>
internal static class NetworkBinding
{
    public const string JitterNone = "none";
    public const string JitterNormal = "normal";
    public const string JitterLogNormal = "lognormal";
    public const string JitterPareto = "pareto";

    /// <summary>Word of the capacity keys for "no shared bottleneck".</summary>
    public const string Unlimited = "unlimited";

    public static NetworkSettings Bind(SettingsReader reader)
    {
        var backhaul = Seconds(reader.GetDuration(FgsKeys.NetworkBackhaulLatency, minTicks: 1));
        var jitter = Jitter(reader);
        var lossProbability = reader.GetDouble(FgsKeys.NetworkPacketLoss, 0, 1, maxExclusive: true);
        var packetBits = 8L * reader.GetInt(FgsKeys.NetworkPacketBytes, 1);
        var maxRetries = reader.GetInt(FgsKeys.NetworkMaxRetries, 0);
        var retryDelay = Seconds(reader.GetDuration(FgsKeys.NetworkRetryDelay));
        var loss = lossProbability == 0 ? null : new PacketLoss(lossProbability, packetBits, maxRetries, retryDelay);
        return new NetworkSettings(
            backhaul,
            jitter,
            loss,
            Capacity(reader, FgsKeys.NetworkDownCapacity),
            Capacity(reader, FgsKeys.NetworkUpCapacity),
            reader.GetInt(FgsKeys.NetworkControlBytes, 0));
    }

    private static JitterDistribution Jitter(SettingsReader reader)
    {
        var kind = reader.GetEnum(FgsKeys.NetworkJitter, JitterNone, JitterNormal, JitterLogNormal, JitterPareto);
        var mean = Seconds(reader.GetDuration(FgsKeys.NetworkJitterMean));
        var std = Seconds(reader.GetDuration(FgsKeys.NetworkJitterStd, minTicks: 1));
        var median = Seconds(reader.GetDuration(FgsKeys.NetworkJitterMedian, minTicks: 1));
        var sigma = reader.GetDouble(FgsKeys.NetworkJitterSigma, 0, minExclusive: true);
        var shape = reader.GetDouble(FgsKeys.NetworkJitterShape, 0, minExclusive: true);
        var scale = Seconds(reader.GetDuration(FgsKeys.NetworkJitterScale, minTicks: 1));
        return kind switch
        {
            JitterNormal => new NormalJitter(mean, std),
            JitterLogNormal => LogNormalJitter.FromMedian(median, sigma),
            JitterPareto => new ParetoJitter(shape, scale),
            _ => new NoJitter(),
        };
    }

    private static double Capacity(SettingsReader reader, string key) =>
        reader.GetDoubleOrWord(key, Unlimited, 0, minExclusive: true) ?? double.PositiveInfinity;

    private static double Seconds(long ticks) => VirtualTime.ToSeconds(ticks);
}
