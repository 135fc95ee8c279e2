namespace FgsActors.Models.Hardware;

/// <summary>
/// Virtual time and energy of one local training on one device. <see cref="PowerWatts"/> is constant over the
/// interval in both time models, which is what lets a device schedule its battery death exactly mid-training.
/// </summary>
/// <param name="Seconds">Training time, s.</param>
/// <param name="Joules">Training energy, J.</param>
/// <param name="PowerWatts">Joules / Seconds, W (0 for zero work).</param>
/// <param name="UsesAccelerator">True when the accelerator FLOP model was used instead of the CPU cycle model.</param>
public readonly record struct TrainingEstimate(double Seconds, double Joules, double PowerWatts, bool UsesAccelerator);
