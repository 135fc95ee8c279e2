namespace FgsActors.Simulation.Configuration;

/// <summary>
/// Every key the simulator reads under <c>fgs</c>. Binding reads through these constants and
/// <see cref="All"/> is the list that unknown keys are checked (and "did you mean" is computed) against,
/// so a key cannot be read without also being accepted. config/reference.conf documents each one.
/// </summary>
public static class FgsKeys
{
    public const string Root = "fgs";

    public const string RunName = "fgs.run.name";
    public const string RunModel = "fgs.run.model";
    public const string RunSeed = "fgs.run.seed";
    public const string RunEnd = "fgs.run.end";

    public const string KernelPartitions = "fgs.kernel.partitions";
    public const string KernelWorkers = "fgs.kernel.workers";

    public const string PholdLps = "fgs.phold.lps";
    public const string PholdEventsPerLp = "fgs.phold.events-per-lp";
    public const string PholdRemote = "fgs.phold.remote";
    public const string PholdLookahead = "fgs.phold.lookahead";
    public const string PholdMean = "fgs.phold.mean";

    public const string SparseLeaves = "fgs.sparse.leaves";
    public const string SparseMeanGap = "fgs.sparse.mean-gap";
    public const string SparseSendFraction = "fgs.sparse.send-fraction";
    public const string SparseLatencyMin = "fgs.sparse.latency-min";
    public const string SparseJitterMean = "fgs.sparse.jitter-mean";

    public const string OutputDir = "fgs.output.dir";

    public static IReadOnlyList<string> All { get; } =
    [
        RunName, RunModel, RunSeed, RunEnd,
        KernelPartitions, KernelWorkers,
        PholdLps, PholdEventsPerLp, PholdRemote, PholdLookahead, PholdMean,
        SparseLeaves, SparseMeanGap, SparseSendFraction, SparseLatencyMin, SparseJitterMean,
        OutputDir,
    ];
}
