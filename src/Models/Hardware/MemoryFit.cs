namespace FgsActors.Models.Hardware;

/// <summary>
/// Whether a workload fits a device's RAM. <see cref="Reason"/> is what the aggregator records as the drop reason
/// when it does not (and a short confirmation when it does), so it names the need, the owner and the capacity.
/// </summary>
public readonly record struct MemoryFit(bool Fits, string Reason);
