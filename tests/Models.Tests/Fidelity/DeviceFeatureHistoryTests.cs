using FgsActors.Models.Fidelity;

namespace FgsActors.Models.Tests.Fidelity;

/// <summary>
/// Local FID must not depend on what the evaluator measured before: a resumed run starts with an empty feature cache,
/// yet must report the uninterrupted run's figures bit for bit. (A forward pass's rows can differ in their last bits
/// with the batch they are computed in.)
/// </summary>
public sealed class DeviceFeatureHistoryTests
{
    [Fact]
    public void A_devices_local_fid_is_the_same_bits_whichever_devices_were_measured_before()
    {
        var train = FidelityFixture.Train;
        var (images, labels) = FidelityFixture.All(FidelityFixture.Test);
        var device = new LocalReference(2, Enumerable.Range(0, 40).Select(i => 17 + 11 * i).ToArray());
        var withHistory = new FidelityEvaluator(FidelityFixture.Classifier, FidelityFixture.Test, train);
        withHistory.Evaluate(images, labels, [new LocalReference(1, Enumerable.Range(0, 300).ToArray())]);
        withHistory.Evaluate(images, labels, [new LocalReference(3, [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 450, 451])]);

        var after = withHistory.Evaluate(images, labels, [device]).LocalFids.Single().Fid!.Value;
        var fresh = new FidelityEvaluator(FidelityFixture.Classifier, FidelityFixture.Test, train).Evaluate(images, labels, [device])
            .LocalFids.Single().Fid!.Value;

        Assert.Equal(BitConverter.DoubleToInt64Bits(fresh), BitConverter.DoubleToInt64Bits(after));
    }
}
