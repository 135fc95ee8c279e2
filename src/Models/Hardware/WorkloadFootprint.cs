namespace FgsActors.Models.Hardware;

/// <summary>
/// Training-time memory of a workload on one device:
/// <c>bytes = P·b·(1 + s + g) + a·B</c> with P parameters of b bytes, s optimiser buffers (<see cref="OptimizerState"/>),
/// g = 1 gradient buffer, a activation bytes stored per sample for the backward pass, batch size B. The runtime's own
/// overhead (OS, framework, firmware) is not in this sum: it is the tier's reserved RAM, subtracted from the RAM the
/// workload is compared with (<see cref="HardwareTier.UsableRamBytes"/>), because it depends on the device, not on
/// the model.
/// </summary>
public sealed record WorkloadFootprint
{
    /// <summary>Gradient buffers per parameter: backpropagation holds one gradient per weight.</summary>
    public const int GradientCopies = 1;

    /// <param name="parameterCount">P, trainable parameters (≥ 0).</param>
    /// <param name="bytesPerParameter">b, bytes per parameter (&gt; 0; 4 for float32).</param>
    /// <param name="activationBytesPerSample">a, activation bytes kept per sample for the backward pass (≥ 0).</param>
    /// <param name="batchSize">B, samples per mini-batch (&gt; 0).</param>
    /// <param name="optimizerStateCopies">s, parameter-sized optimiser buffers (≥ 0; see <see cref="OptimizerState"/>).</param>
    public WorkloadFootprint(long parameterCount, int bytesPerParameter, long activationBytesPerSample, int batchSize,
        int optimizerStateCopies)
    {
        if (parameterCount < 0)
            throw new ArgumentOutOfRangeException(nameof(parameterCount), parameterCount, "parameter count must be ≥ 0");
        if (bytesPerParameter <= 0)
            throw new ArgumentOutOfRangeException(nameof(bytesPerParameter), bytesPerParameter, "bytes per parameter must be > 0");
        if (activationBytesPerSample < 0)
            throw new ArgumentOutOfRangeException(nameof(activationBytesPerSample), activationBytesPerSample, "activation bytes per sample must be ≥ 0");
        if (batchSize <= 0)
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batch size must be > 0");
        if (optimizerStateCopies < 0)
            throw new ArgumentOutOfRangeException(nameof(optimizerStateCopies), optimizerStateCopies, "optimiser state copies must be ≥ 0");
        ParameterCount = parameterCount;
        BytesPerParameter = bytesPerParameter;
        ActivationBytesPerSample = activationBytesPerSample;
        BatchSize = batchSize;
        OptimizerStateCopies = optimizerStateCopies;
    }

    /// <summary>P.</summary>
    public long ParameterCount { get; }

    /// <summary>b, bytes.</summary>
    public int BytesPerParameter { get; }

    /// <summary>a, bytes per sample.</summary>
    public long ActivationBytesPerSample { get; }

    /// <summary>B.</summary>
    public int BatchSize { get; }

    /// <summary>s.</summary>
    public int OptimizerStateCopies { get; }

    /// <summary>Model weights alone, bytes: P·b (also the size of a dense float update before compression).</summary>
    public long ParameterBytes => checked(ParameterCount * BytesPerParameter);

    /// <summary>Weights, gradients and optimiser state, bytes: P·b·(1 + s + g).</summary>
    public long ParameterStateBytes => checked(ParameterBytes * (1 + OptimizerStateCopies + GradientCopies));

    /// <summary>Activations of one mini-batch, bytes: a·B.</summary>
    public long ActivationBytes => checked(ActivationBytesPerSample * BatchSize);

    /// <summary>Training memory, bytes: P·b·(1 + s + g) + a·B. Checked: an overflow is a config error, not a wrap.</summary>
    public long TrainingBytes => checked(ParameterStateBytes + ActivationBytes);

    /// <summary>Whether training fits the tier's usable RAM (physical − reserved).</summary>
    public MemoryFit Fits(HardwareTier tier)
    {
        ArgumentNullException.ThrowIfNull(tier);
        return Fits(tier.UsableRamBytes, $"tier {tier.Name}");
    }

    /// <summary>
    /// Whether training fits <paramref name="usableBytes"/> of RAM; <paramref name="owner"/> names the device or tier
    /// in the reason (e.g. "tier microcontroller", "device 42 (smartphone)").
    /// </summary>
    public MemoryFit Fits(long usableBytes, string owner)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        if (usableBytes < 0)
            throw new ArgumentOutOfRangeException(nameof(usableBytes), usableBytes, "usable RAM must be ≥ 0 bytes");
        var need = TrainingBytes;
        var fits = need <= usableBytes;
        var verdict = fits ? "fits" : "memory";
        return new MemoryFit(fits,
            $"{verdict}: needs {ByteSize.FormatMiB(need)}, {owner} has {ByteSize.FormatMiB(usableBytes)} usable");
    }
}
