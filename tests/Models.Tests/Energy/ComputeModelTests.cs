using FgsActors.Models.Energy;

namespace FgsActors.Models.Tests.Energy;

public class ComputeModelTests
{
    [Fact]
    public void SamplePasses_is_samples_times_epochs()
    {
        // 1,000 samples × 5 epochs = 5,000 sample passes.
        Assert.Equal(5_000, ComputeModel.SamplePasses(1_000, 5));
    }

    [Fact]
    public void Phone_class_training_time_and_energy()
    {
        // c = 2e4 cycles/sample, D = 5,000 passes, f = 1 GHz, κ = 1e-28:
        // cycles = 2e4·5e3 = 1e8; T = 1e8 / 1e9 = 0.1 s;
        // E = 1e-28 · 1e8 · (1e9)² = 1e-28 · 1e8 · 1e18 = 1e-2 J.
        Assert.Equal(0.1, ComputeModel.TrainingSeconds(2e4, 5_000, 1e9), 15);
        Approx.Equal(0.01, ComputeModel.TrainingJoules(2e4, 5_000, 1e9));
    }

    [Fact]
    public void Small_numbers_and_explicit_kappa()
    {
        // c = 20 cycles/sample, D = 1,500, f = 2 GHz, κ = 2e-28:
        // cycles = 3e4; T = 3e4 / 2e9 = 1.5e-5 s; E = 2e-28 · 3e4 · 4e18 = 2.4e-5 J.
        Approx.Equal(1.5e-5, ComputeModel.TrainingSeconds(20, 1_500, 2e9));
        Approx.Equal(2.4e-5, ComputeModel.TrainingJoules(20, 1_500, 2e9, 2e-28));
    }

    [Fact]
    public void Default_kappa_is_1e_minus_28()
    {
        Assert.Equal(1e-28, ComputeModel.DefaultSwitchedCapacitance);
    }

    [Fact]
    public void Training_power_is_kappa_f_cubed_and_equals_energy_over_time()
    {
        // P = 1e-28 · (1e9)³ = 0.1 W; and E/T = 0.01 J / 0.1 s = 0.1 W.
        Approx.Equal(0.1, ComputeModel.TrainingPowerWatts(1e9));
        var e = ComputeModel.TrainingJoules(2e4, 5_000, 1e9);
        var t = ComputeModel.TrainingSeconds(2e4, 5_000, 1e9);
        Approx.Equal(e / t, ComputeModel.TrainingPowerWatts(1e9));
    }

    [Fact]
    public void Doubling_frequency_halves_time_and_quadruples_energy()
    {
        var t1 = ComputeModel.TrainingSeconds(1e4, 100, 5e8);
        var t2 = ComputeModel.TrainingSeconds(1e4, 100, 1e9);
        var e1 = ComputeModel.TrainingJoules(1e4, 100, 5e8);
        var e2 = ComputeModel.TrainingJoules(1e4, 100, 1e9);
        Approx.Equal(t1 / 2, t2);
        Approx.Equal(e1 * 4, e2);
    }

    [Fact]
    public void Zero_work_takes_no_time_and_no_energy()
    {
        Assert.Equal(0, ComputeModel.TrainingSeconds(2e4, 0, 1e9));
        Assert.Equal(0, ComputeModel.TrainingJoules(0, 5_000, 1e9));
    }

    [Fact]
    public void Flop_model_time_and_energy()
    {
        // 6e9 FLOP at 1.5e10 FLOP/s = 0.4 s; at 10 W active power: 4 J.
        Approx.Equal(0.4, ComputeModel.TrainingSecondsFromFlops(6e9, 1.5e10));
        Approx.Equal(4.0, ComputeModel.TrainingJoulesFromFlops(6e9, 1.5e10, 10));
    }

    [Theory]
    [InlineData(-1.0, 1.0, 1e9, "cyclesPerSample")]
    [InlineData(1.0, -1.0, 1e9, "samplePasses")]
    [InlineData(1.0, 1.0, 0.0, "frequencyHz")]
    [InlineData(1.0, 1.0, -1e9, "frequencyHz")]
    [InlineData(double.NaN, 1.0, 1e9, "cyclesPerSample")]
    [InlineData(1.0, 1.0, double.PositiveInfinity, "frequencyHz")]
    public void Time_rejects_bad_arguments_naming_the_parameter(double c, double d, double f, string param)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ComputeModel.TrainingSeconds(c, d, f));
        Assert.Equal(param, ex.ParamName);
        var ex2 = Assert.Throws<ArgumentOutOfRangeException>(() => ComputeModel.TrainingJoules(c, d, f));
        Assert.Equal(param, ex2.ParamName);
    }

    [Fact]
    public void Other_arguments_are_validated()
    {
        Assert.Equal("switchedCapacitance",
            Assert.Throws<ArgumentOutOfRangeException>(() => ComputeModel.TrainingJoules(1, 1, 1e9, -1e-28)).ParamName);
        Assert.Equal("frequencyHz",
            Assert.Throws<ArgumentOutOfRangeException>(() => ComputeModel.TrainingPowerWatts(0)).ParamName);
        Assert.Equal("localEpochs",
            Assert.Throws<ArgumentOutOfRangeException>(() => ComputeModel.SamplePasses(10, -1)).ParamName);
        Assert.Equal("flops",
            Assert.Throws<ArgumentOutOfRangeException>(() => ComputeModel.TrainingSecondsFromFlops(-1, 1e9)).ParamName);
        Assert.Equal("effectiveFlopsPerSecond",
            Assert.Throws<ArgumentOutOfRangeException>(() => ComputeModel.TrainingSecondsFromFlops(1, 0)).ParamName);
        Assert.Equal("activePowerWatts",
            Assert.Throws<ArgumentOutOfRangeException>(() => ComputeModel.TrainingJoulesFromFlops(1, 1, -2)).ParamName);
    }
}
