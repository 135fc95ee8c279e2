using FgsActors.Models.Hardware;
using FgsActors.Simulation.Federation;

namespace FgsActors.Simulation.Configuration;

/// <summary>Reads <c>fgs.workload</c>: the learning workload of a fleet run, described by numbers.</summary>
internal static class WorkloadBinding
{
    /// <summary>Word of <c>cycles-per-sample</c> that derives cycles from FLOPs and each tier's FLOP per cycle.</summary>
    public const string AutoCycles = "auto";

    // Optimiser names → parameter-sized state buffers (OptimizerState).
    private static readonly (string Word, int Copies)[] Optimizers =
        [("sgd", OptimizerState.Sgd), ("sgd-momentum", OptimizerState.SgdMomentum), ("adam", OptimizerState.Adam)];

    public static FleetWorkload Bind(SettingsReader reader)
    {
        var parameters = reader.GetLong(FgsKeys.WorkloadParameters, 1);
        var bytesPerParameter = reader.GetInt(FgsKeys.WorkloadBytesPerParameter, 1);
        if (parameters > long.MaxValue / bytesPerParameter)
        {
            throw ConfigException.InvalidValue(
                reader.Tree.Find(FgsKeys.WorkloadParameters)!,
                $"an integer >= 1 whose model size in bytes (× {FgsKeys.WorkloadBytesPerParameter} = {bytesPerParameter}) fits in 64 bits");
        }
        var flops = reader.GetDouble(FgsKeys.WorkloadFlopsPerSample, 0);
        var cycles = reader.GetDoubleOrWord(FgsKeys.WorkloadCyclesPerSample, AutoCycles, 0);
        return new FleetWorkload(
            parameters,
            bytesPerParameter,
            cycles is { } c ? WorkloadCost.FromCycles(c) : WorkloadCost.FromFlops(flops),
            reader.GetLong(FgsKeys.WorkloadActivationBytesPerSample, 0),
            reader.GetInt(FgsKeys.WorkloadBatchSize, 1),
            reader.GetChoice(FgsKeys.WorkloadOptimizer, Optimizers),
            reader.GetDouble(FgsKeys.WorkloadSamplesPerDevice, 1),
            reader.GetDouble(FgsKeys.WorkloadSamplesSigma, 0),
            reader.GetDouble(FgsKeys.WorkloadLocalEpochs, 0, minExclusive: true));
    }
}
