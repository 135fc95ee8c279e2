using FgsActors.Models.Metrics;

namespace FgsActors.Models.Fidelity;

/// <summary>One device's local FID, or why it has none.</summary>
/// <param name="Device">The device id of its <see cref="LocalReference"/>.</param>
/// <param name="RealSamples">Its real samples (the length of its index list).</param>
/// <param name="Fid">FID between the class-reweighted generated set and its real samples; null when skipped.</param>
/// <param name="SkipReason">Why it was skipped (too few real samples, or a class it holds with fewer than 2 generated samples); null when evaluated.</param>
public sealed record LocalFidResult(int Device, int RealSamples, double? Fid, string? SkipReason);

/// <summary>
/// The fidelity of one set of generated samples, all judged by the same reference classifier
/// (<see cref="ReferenceClassifier.Hash"/>); see <see cref="FidelityEvaluator"/>.
/// </summary>
/// <param name="Fid">FID of the generated set against the reference real set (by default the test set).</param>
/// <param name="InceptionScore">Inception-style score of the generated set, in [1, K].</param>
/// <param name="Coverage">Covered classes / K (<see cref="ClassCoverageReport.CoveredClasses"/>).</param>
/// <param name="ConditionalAccuracy">Fraction of generated samples the classifier assigns to their intended class.</param>
/// <param name="Classes">The per-class coverage report.</param>
/// <param name="LocalFidMean">Mean of the evaluated devices' local FIDs; null when no device was evaluated (none given, or all skipped).</param>
/// <param name="LocalFidMax">The largest local FID; null likewise.</param>
/// <param name="LocalFidWorst">Device id with the largest local FID (ties to the first in input order); null likewise.</param>
/// <param name="LocalFids">One entry per given device, in input order (empty when none were given).</param>
public sealed record FidelityReport(
    double Fid,
    double InceptionScore,
    double Coverage,
    double ConditionalAccuracy,
    ClassCoverageReport Classes,
    double? LocalFidMean,
    double? LocalFidMax,
    int? LocalFidWorst,
    IReadOnlyList<LocalFidResult> LocalFids)
{
    /// <summary>Generated samples evaluated.</summary>
    public int Samples => Classes.Classes.Sum(c => c.Intended);

    /// <summary>Devices with a local FID.</summary>
    public int LocalFidEvaluated => LocalFids.Count(l => l.Fid is not null);

    /// <summary>Devices skipped (see <see cref="LocalFidResult.SkipReason"/>).</summary>
    public int LocalFidSkipped => LocalFids.Count(l => l.Fid is null);
}
