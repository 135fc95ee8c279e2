using FgsActors.Models.Energy;

namespace FgsActors.Models.Hardware;

/// <summary>
/// Compute cost of one training sample, supplied by the caller either as CPU cycles (the FL energy literature's c)
/// or as FLOPs (what model-profiling tools report). Turns a tier and a clock into time and energy through
/// <see cref="ComputeModel"/>:
/// <list type="bullet">
/// <item>CPU: c = cycles per sample, or FLOPs / (tier FLOP per cycle); T = c·D/f, E = κ·c·D·f².</item>
/// <item>Accelerator (tier has measured FLOP/s, cost given in FLOPs): T = FLOPs·D / (FLOP/s), E = P_active·T —
/// cycle counts and κ mean nothing for a GPU.</item>
/// </list>
/// </summary>
public sealed record WorkloadCost
{
    private WorkloadCost(double? cyclesPerSample, double? flopsPerSample)
    {
        CyclesPerSample = cyclesPerSample;
        FlopsPerSample = flopsPerSample;
    }

    /// <summary>A cost in CPU cycles per sample (cycles, ≥ 0).</summary>
    public static WorkloadCost FromCycles(double cyclesPerSample) =>
        new(Require.NonNegative(cyclesPerSample, nameof(cyclesPerSample), "cycles per sample"), null);

    /// <summary>A cost in FLOPs per sample, forward + backward (FLOP, ≥ 0).</summary>
    public static WorkloadCost FromFlops(double flopsPerSample) =>
        new(null, Require.NonNegative(flopsPerSample, nameof(flopsPerSample), "FLOPs per sample"));

    /// <summary>Cycles per sample when given as cycles; null otherwise.</summary>
    public double? CyclesPerSample { get; }

    /// <summary>FLOPs per sample when given as FLOPs; null otherwise.</summary>
    public double? FlopsPerSample { get; }

    /// <summary>CPU cycles per sample on <paramref name="tier"/>: given cycles, or FLOPs / (tier FLOP per cycle).</summary>
    public double CpuCyclesPerSample(HardwareTier tier)
    {
        ArgumentNullException.ThrowIfNull(tier);
        return CyclesPerSample ?? FlopsPerSample!.Value / tier.FlopsPerCycle;
    }

    /// <summary>
    /// Time and energy of <paramref name="samplePasses"/> sample passes (samples × local epochs,
    /// <see cref="ComputeModel.SamplePasses"/>) on a device of <paramref name="tier"/> clocked at <paramref name="cpuHz"/>.
    /// The clock is not clamped to the tier's range: imported device tables may list any clock.
    /// </summary>
    public TrainingEstimate Estimate(HardwareTier tier, double cpuHz, double samplePasses)
    {
        ArgumentNullException.ThrowIfNull(tier);
        if (FlopsPerSample is { } flops && tier.AcceleratorFlopsPerSecond is { } rate)
        {
            var total = flops * Require.NonNegative(samplePasses, nameof(samplePasses), "sample passes");
            var seconds = ComputeModel.TrainingSecondsFromFlops(total, rate);
            var joules = ComputeModel.TrainingJoulesFromFlops(total, rate, tier.ActivePowerW);
            return new TrainingEstimate(seconds, joules, seconds > 0 ? tier.ActivePowerW : 0, UsesAccelerator: true);
        }

        var c = CpuCyclesPerSample(tier);
        var t = ComputeModel.TrainingSeconds(c, samplePasses, cpuHz);
        var e = ComputeModel.TrainingJoules(c, samplePasses, cpuHz, tier.SwitchedCapacitance);
        var p = t > 0 ? ComputeModel.TrainingPowerWatts(cpuHz, tier.SwitchedCapacitance) : 0;
        return new TrainingEstimate(t, e, p, UsesAccelerator: false);
    }
}
