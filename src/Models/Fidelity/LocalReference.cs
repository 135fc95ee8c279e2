namespace FgsActors.Models.Fidelity;

/// <summary>
/// One device's real data for local FID: the device id (reported back as the worst device) and its samples as indices
/// into the data set the fleet was partitioned from (the <c>deviceData</c> of <see cref="FidelityEvaluator"/>,
/// normally the training set) — the partition itself, so no images are copied per device.
/// </summary>
/// <param name="Device">The device's id; unique within one evaluation.</param>
/// <param name="SampleIndices">The device's samples, each in [0, deviceData.Count); repeats allowed.</param>
public sealed record LocalReference(int Device, int[] SampleIndices);

/// <summary>
/// One device's real data for local FID given as images: for data that is not a plain subset of the device data set
/// (drifted pixels, rotated classes).
/// </summary>
/// <param name="Device">The device's id; unique within one evaluation.</param>
/// <param name="Images">Labels.Length × C × H × W pixels in [0, 1].</param>
/// <param name="Labels">The images' classes.</param>
public sealed record LocalImages(int Device, float[] Images, int[] Labels);
