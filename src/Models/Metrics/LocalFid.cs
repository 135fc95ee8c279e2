namespace FgsActors.Models.Metrics;

/// <summary>Summary of per-device ("local") FIDs: how many, their mean, and the worst one with its index.</summary>
public sealed record LocalFidSummary(int Count, double Mean, double Max, int MaxIndex);

/// <summary>
/// Local FID: the global generator scored against each device's own data gives one FID per device; the mean says
/// how well it serves a typical device and the max how badly it serves the worst-served one.
/// </summary>
public static class LocalFid
{
    /// <summary>Mean and max of ≥ 1 per-device FIDs, each finite and ≥ 0 (ties for the max go to the lowest index).</summary>
    public static LocalFidSummary Summarize(IReadOnlyList<double> perDeviceFids)
    {
        ArgumentNullException.ThrowIfNull(perDeviceFids);
        if (perDeviceFids.Count == 0) throw new ArgumentException("at least one per-device FID is needed", nameof(perDeviceFids));
        var sum = 0.0;
        var maxIndex = 0;
        for (var i = 0; i < perDeviceFids.Count; i++)
        {
            var fid = perDeviceFids[i];
            if (!double.IsFinite(fid) || fid < 0)
                throw new ArgumentOutOfRangeException(nameof(perDeviceFids), fid, $"FID of device {i} must be finite and ≥ 0");
            sum += fid;
            if (fid > perDeviceFids[maxIndex]) maxIndex = i;
        }
        return new LocalFidSummary(perDeviceFids.Count, sum / perDeviceFids.Count, perDeviceFids[maxIndex], maxIndex);
    }
}
