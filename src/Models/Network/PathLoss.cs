namespace FgsActors.Models.Network;

/// <summary>
/// Macro-cell path loss PL(dB) = 128.1 + 37.6·log10(d / km): 3GPP TR 36.814 v9.0.0, Table A.2.1.1-2 (2 GHz carrier,
/// 15 m antenna height), the model used for federated learning over wireless by Yang et al., "Energy efficient
/// federated learning over wireless communication networks", IEEE TWC 20(3), 2021.
/// </summary>
public static class PathLoss
{
    /// <summary>Loss at 1 km, dB (TR 36.814 Table A.2.1.1-2).</summary>
    public const double InterceptDb = 128.1;

    /// <summary>Loss increase per decade of distance, dB (TR 36.814 Table A.2.1.1-2; path-loss exponent 3.76).</summary>
    public const double SlopeDbPerDecade = 37.6;

    /// <summary>
    /// Minimum UE–base-station distance of the TR 36.814 macro-cell evaluation, km (35 m). The formula is
    /// not fitted below it; callers that draw distances should not go lower. It is not enforced here because tests and
    /// sweeps legitimately probe the formula itself.
    /// </summary>
    public const double MinimumDistanceKm = 0.035;

    /// <summary>Path loss in dB at a distance in km (&gt; 0).</summary>
    public static double LossDb(double distanceKm)
    {
        if (!(distanceKm > 0.0) || double.IsInfinity(distanceKm))
            throw new ArgumentOutOfRangeException(nameof(distanceKm), distanceKm, "distance must be a finite number of km > 0");
        return InterceptDb + SlopeDbPerDecade * Math.Log10(distanceKm);
    }

    /// <summary>Linear channel (power) gain of a loss in dB: g = 10^(−PL/10).</summary>
    public static double GainOfLoss(double lossDb) => Math.Pow(10.0, -lossDb / 10.0);

    /// <summary>Linear channel gain at a distance in km: g = 10^(−PL(d)/10).</summary>
    public static double Gain(double distanceKm) => GainOfLoss(LossDb(distanceKm));
}
