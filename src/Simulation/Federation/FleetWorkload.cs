using FgsActors.Models.Hardware;

namespace FgsActors.Simulation.Federation;

/// <summary>
/// The learning workload described by numbers (the real TorchSharp training reports the same figures from its model).
/// </summary>
/// <param name="Parameters">Model parameters (≥ 1); the update and the broadcast each carry Parameters × BytesPerParameter bytes.</param>
/// <param name="BytesPerParameter">Bytes per parameter on the wire and in RAM (4 for float32).</param>
/// <param name="Cost">Training cost per sample (cycles or FLOPs, forward + backward).</param>
/// <param name="ActivationBytesPerSample">Activation memory kept for the backward pass, bytes per sample in a batch.</param>
/// <param name="BatchSize">Mini-batch size (≥ 1).</param>
/// <param name="OptimizerStateCopies">Parameter-sized optimiser buffers (0 SGD, 1 momentum, 2 Adam).</param>
/// <param name="SamplesPerDevice">Median local data set size, samples (≥ 1).</param>
/// <param name="SamplesSigma">σ of ln(per-device factor) on the data set size (0 = every device holds the median).</param>
/// <param name="LocalEpochs">Local epochs per round (&gt; 0).</param>
public sealed record FleetWorkload(
    long Parameters,
    int BytesPerParameter,
    WorkloadCost Cost,
    long ActivationBytesPerSample,
    int BatchSize,
    int OptimizerStateCopies,
    double SamplesPerDevice,
    double SamplesSigma,
    double LocalEpochs)
{
    /// <summary>Bytes of one model broadcast or update.</summary>
    public long ModelBytes => checked(Parameters * BytesPerParameter);

    /// <summary>Training memory footprint (parameters, gradients, optimiser state, activations of one batch).</summary>
    public WorkloadFootprint Footprint =>
        new(Parameters, BytesPerParameter, ActivationBytesPerSample, BatchSize, OptimizerStateCopies);
}
