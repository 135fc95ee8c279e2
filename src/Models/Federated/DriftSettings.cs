namespace FgsActors.Models.Federated;

/// <summary>
/// A step change in some devices' local data at one virtual instant (fgs.drift): from <see cref="AtSeconds"/> on, a
/// cohort of devices sees its class priors rotated by <see cref="ClassShift"/> (each sample of class c becomes a
/// sample of class (c + shift) mod C from the training pool, so the device now holds other classes in the same
/// proportions) and its images shifted in contrast and brightness (x′ = clamp(contrast·(x − ½) + ½ + brightness, 0, 1)),
/// as a sensor ageing, a camera change or a new season would.
/// </summary>
/// <param name="AtSeconds">Virtual time of the change, s (>= 0).</param>
/// <param name="CohortShare">Share of devices affected, in [0, 1]; each device is in the cohort with this probability (seeded draw).</param>
/// <param name="ClassShift">Classes the cohort's priors rotate by (>= 0; 0 keeps the labels).</param>
/// <param name="Contrast">Contrast factor of the cohort's images after the change (> 0; 1 keeps them).</param>
/// <param name="Brightness">Brightness offset of the cohort's images after the change, in [−1, 1] (0 keeps them).</param>
public sealed record DriftSettings(double AtSeconds, double CohortShare, int ClassShift, double Contrast, double Brightness);
