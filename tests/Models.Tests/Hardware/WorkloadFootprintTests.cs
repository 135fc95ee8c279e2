using FgsActors.Models.Hardware;

namespace FgsActors.Models.Tests.Hardware;

public class WorkloadFootprintTests
{
    // LeNet-5 (LeCun et al. 1998) on 32×32 inputs: 61,706 parameters. Activations per sample, float32:
    // input 1,024 + C1 4,704 + S2 1,176 + C3 1,600 + S4 400 + C5 120 + F6 84 + out 10 = 9,118 floats = 36,472 B.
    private static WorkloadFootprint LeNet5(int batch = 32, int optimizer = OptimizerState.SgdMomentum) =>
        new(parameterCount: 61_706, bytesPerParameter: 4, activationBytesPerSample: 9_118 * 4, batchSize: batch,
            optimizerStateCopies: optimizer);

    [Fact]
    public void LeNet5_with_momentum_SGD_matches_hand_count()
    {
        var f = LeNet5();
        Assert.Equal(246_824, f.ParameterBytes);            // 61,706 × 4
        Assert.Equal(740_472, f.ParameterStateBytes);       // × (1 weights + 1 momentum + 1 gradient)
        Assert.Equal(1_167_104, f.ActivationBytes);         // 36,472 × 32
        Assert.Equal(1_907_576, f.TrainingBytes);           // 740,472 + 1,167,104
    }

    [Fact]
    public void Adam_adds_two_parameter_sized_buffers()
    {
        // 246,824 × (1 + 2 + 1) + 36,472 × 1
        Assert.Equal(1_023_768, LeNet5(batch: 1, optimizer: OptimizerState.Adam).TrainingBytes);
    }

    [Fact]
    public void LeNet5_does_not_fit_a_microcontroller_and_the_reason_says_why()
    {
        // Usable = 512 KiB − 64 KiB = 458,752 B = 0.4375 MiB; need 1,907,576 B = 1.819 MiB.
        var (fits, reason) = LeNet5().Fits(TierCatalog.Microcontroller);
        Assert.False(fits);
        Assert.Equal("memory: needs 1.82 MiB, tier microcontroller has 0.44 MiB usable", reason);
    }

    [Fact]
    public void A_small_MLP_fits_a_microcontroller()
    {
        // 784·32 + 32 + 32·10 + 10 = 25,450 params × 4 B × 2 (SGD: weights + gradient) = 203,600 B,
        // + (784 + 32 + 10) floats × 4 B × batch 8 = 26,432 B → 230,032 B ≤ 458,752 B.
        var mlp = new WorkloadFootprint(25_450, 4, (784 + 32 + 10) * 4, 8, OptimizerState.Sgd);
        Assert.Equal(230_032, mlp.TrainingBytes);
        var fit = mlp.Fits(TierCatalog.Microcontroller);
        Assert.True(fit.Fits);
        Assert.StartsWith("fits:", fit.Reason);
    }

    [Fact]
    public void LeNet5_fits_every_Linux_class_tier()
    {
        foreach (var tier in TierCatalog.All.Where(t => t != TierCatalog.Microcontroller))
            Assert.True(LeNet5().Fits(tier).Fits, tier.Name);
    }

    [Fact]
    public void Fits_against_explicit_capacity_names_the_owner_and_is_inclusive()
    {
        var f = LeNet5();
        Assert.True(f.Fits(f.TrainingBytes, "device 7 (smartphone)").Fits);
        var miss = f.Fits(f.TrainingBytes - 1, "device 7 (smartphone)");
        Assert.False(miss.Fits);
        Assert.Contains("device 7 (smartphone)", miss.Reason);
    }

    [Fact]
    public void Invalid_arguments_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new WorkloadFootprint(-1, 4, 0, 1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WorkloadFootprint(1, 0, 0, 1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WorkloadFootprint(1, 4, -1, 1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WorkloadFootprint(1, 4, 0, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WorkloadFootprint(1, 4, 0, 1, -1));
    }

    [Fact]
    public void Overflow_is_an_error_not_a_wrap()
    {
        var huge = new WorkloadFootprint(long.MaxValue / 2, 4, 0, 1, 0);
        Assert.Throws<OverflowException>(() => huge.TrainingBytes);
    }
}
