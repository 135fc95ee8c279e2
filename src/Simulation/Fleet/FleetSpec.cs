using System.Globalization;
using FgsActors.Models.Hardware;
using FgsActors.Models.Network;

namespace FgsActors.Simulation.Fleet;

/// <summary>
/// A generated fleet: device count, tier mix and per-device variation. Per device: CPU clock uniform in the tier's
/// [f_min, f_max]; usable RAM and battery capacity multiplied by independent median-1 log-normal factors exp(σ·Z),
/// Z ~ N(0, 1) (σ = 0 gives the tier's figures exactly); distance to the aggregator uniform in [d_min, d_max] km, which sets the
/// Shannon-rate classes' up/down rates. Validated on construction so a bad scenario fails before any device exists.
/// </summary>
public sealed record FleetSpec
{
    /// <summary>Tolerance on the sum of the tier fractions: rounding in decimal config values, nothing more.</summary>
    public const double FractionSumTolerance = 1e-9;

    /// <param name="tiers">Tier definitions (unique names; radios must be RadioCatalog classes).</param>
    /// <param name="mix">Tier name → fraction of devices (each in [0, 1], summing to 1 within 1e-9).</param>
    /// <param name="deviceCount">Number of devices (≥ 0).</param>
    /// <param name="ramSigma">σ of ln(RAM factor) (≥ 0).</param>
    /// <param name="batterySigma">σ of ln(battery-capacity factor) (≥ 0).</param>
    /// <param name="minDistanceKm">d_min, km (&gt; 0: the path-loss model is undefined at 0).</param>
    /// <param name="maxDistanceKm">d_max, km (≥ d_min).</param>
    /// <param name="assignment">How tiers are assigned (default exact quotas).</param>
    public FleetSpec(
        IReadOnlyList<HardwareTier> tiers,
        IReadOnlyDictionary<string, double> mix,
        int deviceCount,
        double ramSigma = 0,
        double batterySigma = 0,
        double minDistanceKm = RadioCatalog.DefaultDistanceKm,
        double maxDistanceKm = RadioCatalog.DefaultDistanceKm,
        TierAssignment assignment = TierAssignment.ExactQuota)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        ArgumentNullException.ThrowIfNull(mix);
        var byName = TiersByName(tiers);
        Shares = Validate(mix, byName);
        if (deviceCount < 0)
            throw new ArgumentOutOfRangeException(nameof(deviceCount), deviceCount, "device count must be ≥ 0");
        Sigma(ramSigma, nameof(ramSigma));
        Sigma(batterySigma, nameof(batterySigma));
        if (!double.IsFinite(minDistanceKm) || minDistanceKm <= 0)
            throw new ArgumentOutOfRangeException(nameof(minDistanceKm), minDistanceKm, "minimum distance must be a finite number of km > 0");
        if (!double.IsFinite(maxDistanceKm) || maxDistanceKm < minDistanceKm)
            throw new ArgumentOutOfRangeException(nameof(maxDistanceKm), maxDistanceKm,
                $"maximum distance must be a finite number of km ≥ the minimum ({minDistanceKm} km)");
        if (!Enum.IsDefined(assignment))
            throw new ArgumentOutOfRangeException(nameof(assignment), assignment, "unknown tier assignment");
        Tiers = tiers;
        DeviceCount = deviceCount;
        RamSigma = ramSigma;
        BatterySigma = batterySigma;
        MinDistanceKm = minDistanceKm;
        MaxDistanceKm = maxDistanceKm;
        Assignment = assignment;
    }

    /// <summary>Every tier definition (including tiers with no share, which device tables may use).</summary>
    public IReadOnlyList<HardwareTier> Tiers { get; }

    /// <summary>The mix in canonical (ordinal name) order, so generation never depends on dictionary order.</summary>
    public IReadOnlyList<TierShare> Shares { get; }

    /// <summary>Number of devices.</summary>
    public int DeviceCount { get; }

    /// <summary>σ of ln(RAM factor).</summary>
    public double RamSigma { get; }

    /// <summary>σ of ln(battery factor).</summary>
    public double BatterySigma { get; }

    /// <summary>d_min, km.</summary>
    public double MinDistanceKm { get; }

    /// <summary>d_max, km.</summary>
    public double MaxDistanceKm { get; }

    /// <summary>Tier assignment rule.</summary>
    public TierAssignment Assignment { get; }

    private static Dictionary<string, HardwareTier> TiersByName(IReadOnlyList<HardwareTier> tiers)
    {
        if (tiers.Count == 0) throw new ArgumentException("at least one hardware tier is required", nameof(tiers));
        var byName = new Dictionary<string, HardwareTier>(StringComparer.Ordinal);
        foreach (var tier in tiers)
        {
            ArgumentNullException.ThrowIfNull(tier, nameof(tiers));
            if (!byName.TryAdd(tier.Name, tier))
                throw new ArgumentException($"tier '{tier.Name}' is defined twice", nameof(tiers));
            if (!RadioCatalog.TryGet(tier.Radio, out _))
                throw new ArgumentException(
                    $"tier '{tier.Name}': unknown radio class '{tier.Radio}'; known: {string.Join(", ", RadioCatalog.All.Select(r => r.Name))}",
                    nameof(tiers));
        }
        return byName;
    }

    private static TierShare[] Validate(IReadOnlyDictionary<string, double> mix, Dictionary<string, HardwareTier> byName)
    {
        if (mix.Count == 0) throw new ArgumentException("the tier mix is empty: give at least one tier a fraction", nameof(mix));
        var shares = new List<TierShare>(mix.Count);
        foreach (var (name, fraction) in mix.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!byName.TryGetValue(name, out var tier))
                throw new ArgumentException(
                    $"tier mix names unknown tier '{name}'; known tiers: {string.Join(", ", byName.Keys.Order(StringComparer.Ordinal))}",
                    nameof(mix));
            if (!(fraction >= 0 && fraction <= 1))
                throw new ArgumentOutOfRangeException(nameof(mix), fraction, $"tier '{name}': fraction must lie in [0, 1]");
            shares.Add(new TierShare(tier, fraction));
        }

        // Summed in canonical order so the accept/reject decision is itself deterministic.
        var sum = shares.Sum(s => s.Fraction);
        if (Math.Abs(sum - 1.0) > FractionSumTolerance)
        {
            var listed = string.Join(", ", shares.Select(s => $"{s.Tier.Name} = {s.Fraction.ToString("R", CultureInfo.InvariantCulture)}"));
            throw new ArgumentException(
                $"tier fractions must sum to 1 (within {FractionSumTolerance:0e0}), but {listed} sum to {sum.ToString("R", CultureInfo.InvariantCulture)}",
                nameof(mix));
        }
        return [.. shares];
    }

    private static void Sigma(double sigma, string name)
    {
        if (!double.IsFinite(sigma) || sigma < 0)
            throw new ArgumentOutOfRangeException(name, sigma, "a log-normal σ must be finite and ≥ 0");
    }
}
