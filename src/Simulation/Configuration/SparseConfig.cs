namespace FgsActors.Simulation.Configuration;

/// <summary>The <c>fgs.sparse</c> section (hub and rarely-talking leaves); times in ticks (ns).</summary>
public sealed record SparseConfig(int Leaves, long MeanGapTicks, double SendFraction, long LatencyMinTicks, long JitterMeanTicks)
{
    internal static SparseConfig Bind(SettingsReader reader) => new(
        // Entity ids are ints and the hub takes one, hence the upper bound.
        reader.GetInt(FgsKeys.SparseLeaves, 1, int.MaxValue - 1),
        reader.GetDuration(FgsKeys.SparseMeanGap, minTicks: 1),
        reader.GetProbability(FgsKeys.SparseSendFraction),
        // The minimum latency is the kernel's lookahead, which must be positive.
        reader.GetDuration(FgsKeys.SparseLatencyMin, minTicks: 1),
        reader.GetDuration(FgsKeys.SparseJitterMean));
}
