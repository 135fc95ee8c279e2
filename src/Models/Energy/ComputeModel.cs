namespace FgsActors.Models.Energy;

/// <summary>
/// Local-training time and energy of a device CPU under the DVFS model used in the FL energy
/// literature: T_cmp = c·D/f and E_cmp = κ·c·D·f² (Tran et al., "Federated Learning over Wireless
/// Networks: Optimization Model Design and Analysis", IEEE INFOCOM 2019, eqs. for local computation;
/// Yang et al., "Energy Efficient Federated Learning Over Wireless Communication Networks",
/// IEEE Trans. Wireless Commun. 20(3), 2021). Dynamic power is κ·f³, so a faster clock finishes
/// sooner but costs quadratically more energy per cycle.
/// </summary>
public static class ComputeModel
{
    /// <summary>
    /// Effective switched capacitance κ, J/(cycle·Hz²). 1e-28 is the value used in the simulations of
    /// Yang et al. (TWC 2021) and equals α/2 with α = 2e-28 in Tran et al. (INFOCOM 2019); it is the
    /// common default for mobile-class CPUs in this literature. Tiers may override it.
    /// </summary>
    public const double DefaultSwitchedCapacitance = 1e-28;

    /// <summary>
    /// Sample passes D for one round of local work: samples held × local epochs. The DVFS formulas
    /// count cycles per processed sample, so every epoch re-pays the cost.
    /// </summary>
    /// <param name="samples">samples on the device (count, ≥ 0)</param>
    /// <param name="localEpochs">local epochs per round (count, ≥ 0)</param>
    public static double SamplePasses(double samples, double localEpochs) =>
        Require.NonNegative(samples, nameof(samples)) * Require.NonNegative(localEpochs, nameof(localEpochs));

    /// <summary>CPU cycles c·D (cycles).</summary>
    public static double Cycles(double cyclesPerSample, double samplePasses) =>
        Require.NonNegative(cyclesPerSample, nameof(cyclesPerSample))
        * Require.NonNegative(samplePasses, nameof(samplePasses));

    /// <summary>T_cmp = c·D/f (s).</summary>
    /// <param name="cyclesPerSample">c, CPU cycles per sample (cycles, ≥ 0)</param>
    /// <param name="samplePasses">D, samples × local epochs (≥ 0)</param>
    /// <param name="frequencyHz">f, CPU frequency (Hz, &gt; 0)</param>
    public static double TrainingSeconds(double cyclesPerSample, double samplePasses, double frequencyHz)
    {
        var cycles = Cycles(cyclesPerSample, samplePasses);
        return cycles / Require.Positive(frequencyHz, nameof(frequencyHz));
    }

    /// <summary>E_cmp = κ·c·D·f² (J).</summary>
    /// <param name="cyclesPerSample">c, CPU cycles per sample (cycles, ≥ 0)</param>
    /// <param name="samplePasses">D, samples × local epochs (≥ 0)</param>
    /// <param name="frequencyHz">f, CPU frequency (Hz, &gt; 0)</param>
    /// <param name="switchedCapacitance">κ (J/(cycle·Hz²), ≥ 0); default <see cref="DefaultSwitchedCapacitance"/></param>
    public static double TrainingJoules(
        double cyclesPerSample,
        double samplePasses,
        double frequencyHz,
        double switchedCapacitance = DefaultSwitchedCapacitance)
    {
        var cycles = Cycles(cyclesPerSample, samplePasses);
        var f = Require.Positive(frequencyHz, nameof(frequencyHz));
        return Require.NonNegative(switchedCapacitance, nameof(switchedCapacitance)) * cycles * f * f;
    }

    /// <summary>
    /// Dynamic CPU power while training, P = E_cmp/T_cmp = κ·f³ (W). Constant over the training
    /// interval, which is what lets <see cref="Battery.DeathInstant"/> find the exact instant a
    /// battery empties mid-training.
    /// </summary>
    public static double TrainingPowerWatts(
        double frequencyHz,
        double switchedCapacitance = DefaultSwitchedCapacitance)
    {
        var f = Require.Positive(frequencyHz, nameof(frequencyHz));
        return Require.NonNegative(switchedCapacitance, nameof(switchedCapacitance)) * f * f * f;
    }

    /// <summary>
    /// Alternative, calibrated time model for accelerators where cycle counts are meaningless:
    /// T = FLOPs / effective FLOP/s (s). "Effective" means measured sustained throughput for this
    /// workload, not the datasheet peak.
    /// </summary>
    /// <param name="flops">floating-point operations of the whole local work (FLOP, ≥ 0)</param>
    /// <param name="effectiveFlopsPerSecond">sustained throughput (FLOP/s, &gt; 0)</param>
    public static double TrainingSecondsFromFlops(double flops, double effectiveFlopsPerSecond) =>
        Require.NonNegative(flops, nameof(flops))
        / Require.Positive(effectiveFlopsPerSecond, nameof(effectiveFlopsPerSecond));

    /// <summary>
    /// Energy under the FLOP model, where no κ applies: active power × T (J), with the tier's
    /// measured active power.
    /// </summary>
    /// <param name="flops">FLOPs of the local work (FLOP, ≥ 0)</param>
    /// <param name="effectiveFlopsPerSecond">sustained throughput (FLOP/s, &gt; 0)</param>
    /// <param name="activePowerWatts">power drawn while training (W, ≥ 0)</param>
    public static double TrainingJoulesFromFlops(double flops, double effectiveFlopsPerSecond, double activePowerWatts) =>
        Require.NonNegative(activePowerWatts, nameof(activePowerWatts))
        * TrainingSecondsFromFlops(flops, effectiveFlopsPerSecond);
}
