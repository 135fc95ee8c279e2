namespace FgsActors.Simulation.Configuration;

/// <summary>
/// Every key the simulator reads under <c>fgs</c>. Binding reads through these constants and
/// <see cref="All"/> is the list that unknown keys are checked (and "did you mean" is computed) against,
/// so a key cannot be read without also being accepted. Keys whose names the user chooses (tier names
/// under <c>fgs.fleet.mix</c> and <c>fgs.fleet.tiers</c>) are accepted through <see cref="Patterns"/>.
/// config/reference.conf documents each one.
/// </summary>
public static class FgsKeys
{
    public const string Root = "fgs";

    /// <summary>A path segment in a <see cref="Patterns"/> entry that stands for any one name chosen by the user.</summary>
    public const string TierWildcard = "<tier>";

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

    public const string FleetDevices = "fgs.fleet.devices";
    public const string FleetTierAssignment = "fgs.fleet.tier-assignment";
    public const string FleetRamSigma = "fgs.fleet.ram-sigma";
    public const string FleetBatterySigma = "fgs.fleet.battery-sigma";
    public const string FleetDistanceMin = "fgs.fleet.distance-min";
    public const string FleetDistanceMax = "fgs.fleet.distance-max";
    public const string FleetDeviceTable = "fgs.fleet.device-table";

    /// <summary>Section whose keys are tier names and whose values are fractions of the fleet.</summary>
    public const string FleetMix = "fgs.fleet.mix";

    /// <summary>Section holding one section per tier, each with every field of <see cref="TierFields"/>.</summary>
    public const string FleetTiers = "fgs.fleet.tiers";

    public const string WorkloadParameters = "fgs.workload.parameters";
    public const string WorkloadBytesPerParameter = "fgs.workload.bytes-per-parameter";
    public const string WorkloadFlopsPerSample = "fgs.workload.flops-per-sample";
    public const string WorkloadCyclesPerSample = "fgs.workload.cycles-per-sample";
    public const string WorkloadActivationBytesPerSample = "fgs.workload.activation-bytes-per-sample";
    public const string WorkloadBatchSize = "fgs.workload.batch-size";
    public const string WorkloadOptimizer = "fgs.workload.optimizer";
    public const string WorkloadSamplesPerDevice = "fgs.workload.samples-per-device";
    public const string WorkloadSamplesSigma = "fgs.workload.samples-sigma";
    public const string WorkloadLocalEpochs = "fgs.workload.local-epochs";

    public const string NetworkBackhaulLatency = "fgs.network.backhaul-latency";
    public const string NetworkJitter = "fgs.network.jitter";
    public const string NetworkJitterMean = "fgs.network.jitter-mean";
    public const string NetworkJitterStd = "fgs.network.jitter-std";
    public const string NetworkJitterMedian = "fgs.network.jitter-median";
    public const string NetworkJitterSigma = "fgs.network.jitter-sigma";
    public const string NetworkJitterShape = "fgs.network.jitter-shape";
    public const string NetworkJitterScale = "fgs.network.jitter-scale";
    public const string NetworkPacketLoss = "fgs.network.packet-loss";
    public const string NetworkPacketBytes = "fgs.network.packet-bytes";
    public const string NetworkMaxRetries = "fgs.network.max-retries";
    public const string NetworkRetryDelay = "fgs.network.retry-delay";
    public const string NetworkDownCapacity = "fgs.network.down-capacity-bps";
    public const string NetworkUpCapacity = "fgs.network.up-capacity-bps";
    public const string NetworkControlBytes = "fgs.network.control-bytes";

    public const string ChurnModel = "fgs.churn.model";
    public const string ChurnOnDistribution = "fgs.churn.on-distribution";
    public const string ChurnOffDistribution = "fgs.churn.off-distribution";
    public const string ChurnMeanOnline = "fgs.churn.mean-online";
    public const string ChurnMeanOffline = "fgs.churn.mean-offline";
    public const string ChurnWeibullShapeOn = "fgs.churn.weibull-shape-on";
    public const string ChurnWeibullShapeOff = "fgs.churn.weibull-shape-off";
    public const string ChurnDiurnal = "fgs.churn.diurnal";
    public const string ChurnDiurnalPeakHour = "fgs.churn.diurnal-peak-hour";
    public const string ChurnDiurnalAmplitude = "fgs.churn.diurnal-amplitude";
    public const string ChurnDiurnalTarget = "fgs.churn.diurnal-target";
    public const string ChurnTrace = "fgs.churn.trace";

    public const string BatteryInitialCharge = "fgs.battery.initial-charge";
    public const string BatteryRecharge = "fgs.battery.recharge";
    public const string BatteryRechargeDelay = "fgs.battery.recharge-delay";
    public const string BatteryChargeWindowStartHour = "fgs.battery.charge-window-start-hour";
    public const string BatteryChargeWindowEndHour = "fgs.battery.charge-window-end-hour";

    public const string AggregatorMode = "fgs.aggregator.mode";
    public const string AggregatorClientsPerRound = "fgs.aggregator.clients-per-round";
    public const string AggregatorOverCommit = "fgs.aggregator.over-commit";
    public const string AggregatorDeadline = "fgs.aggregator.deadline";
    public const string AggregatorStragglerPolicy = "fgs.aggregator.straggler-policy";
    public const string AggregatorTargetUpdates = "fgs.aggregator.target-updates";
    public const string AggregatorCheckInPeriod = "fgs.aggregator.check-in-period";
    public const string AggregatorBufferSize = "fgs.aggregator.buffer-size";
    public const string AggregatorConcurrency = "fgs.aggregator.concurrency";
    public const string AggregatorMaxRounds = "fgs.aggregator.max-rounds";

    public const string TrainingEnabled = "fgs.training.enabled";
    public const string TrainingNetwork = "fgs.training.network";
    public const string TrainingMlpHidden = "fgs.training.mlp-hidden";
    public const string TrainingAlgorithm = "fgs.training.algorithm";
    public const string TrainingProximalMu = "fgs.training.proximal-mu";
    public const string TrainingServerMomentum = "fgs.training.server-momentum";
    public const string TrainingServerLearningRate = "fgs.training.server-learning-rate";
    public const string TrainingLocalEpochs = "fgs.training.local-epochs";
    public const string TrainingBatchSize = "fgs.training.batch-size";
    public const string TrainingLearningRate = "fgs.training.learning-rate";
    public const string TrainingMomentum = "fgs.training.momentum";
    public const string TrainingDevice = "fgs.training.device";
    public const string TrainingWorkers = "fgs.training.workers";
    public const string TrainingIntraOpThreads = "fgs.training.intra-op-threads";
    public const string TrainingEvalEvery = "fgs.training.eval-every";
    public const string TrainingEvalBatchSize = "fgs.training.eval-batch-size";
    public const string TrainingTargetAccuracy = "fgs.training.target-accuracy";

    public const string TrainingTask = "fgs.training.task";

    public const string GenerativeModel = "fgs.generative.model";
    public const string GenerativeLocalSteps = "fgs.generative.local-steps";
    public const string GenerativeBatchSize = "fgs.generative.batch-size";
    public const string GenerativeLearningRate = "fgs.generative.learning-rate";
    public const string GenerativeDiscriminatorLearningRate = "fgs.generative.discriminator-learning-rate";
    public const string GenerativeBeta1 = "fgs.generative.beta1";
    public const string GenerativeBeta2 = "fgs.generative.beta2";
    public const string GenerativeEvalSamplesPerClass = "fgs.generative.eval-samples-per-class";
    public const string GenerativeLocalFidDevices = "fgs.generative.local-fid-devices";
    public const string GenerativeReferenceCache = "fgs.generative.reference-cache";
    public const string GenerativeDiffusionSteps = "fgs.generative.diffusion-steps";
    public const string GenerativeSamplingSteps = "fgs.generative.sampling-steps";
    public const string GenerativeGanWidth = "fgs.generative.gan-width";
    public const string GenerativeServerMomentum = "fgs.generative.server-momentum";
    public const string GenerativeServerLearningRate = "fgs.generative.server-learning-rate";
    public const string RevalidationPolicy = "fgs.generative.revalidation.policy";
    public const string RevalidationThreshold = "fgs.generative.revalidation.threshold";
    public const string RevalidationTrainRounds = "fgs.generative.revalidation.train-rounds";
    public const string RevalidationRetrainRounds = "fgs.generative.revalidation.retrain-rounds";

    public const string DriftEnabled = "fgs.drift.enabled";
    public const string DriftAt = "fgs.drift.at";
    public const string DriftCohort = "fgs.drift.cohort";
    public const string DriftClassShift = "fgs.drift.class-shift";
    public const string DriftContrast = "fgs.drift.contrast";
    public const string DriftBrightness = "fgs.drift.brightness";

    public const string AugmentationStartRound = "fgs.augmentation.start-round";
    public const string AugmentationMinPerClass = "fgs.augmentation.min-per-class";

    public const string DataDataset = "fgs.data.dataset";
    public const string DataFashionMnistDir = "fgs.data.fashion-mnist-dir";
    public const string DataTrainSamples = "fgs.data.train-samples";
    public const string DataTestSamples = "fgs.data.test-samples";
    public const string DataSyntheticTrainSamples = "fgs.data.synthetic-train-samples";
    public const string DataSyntheticTestSamples = "fgs.data.synthetic-test-samples";
    public const string DataPartition = "fgs.data.partition";
    public const string DataDirichletAlpha = "fgs.data.dirichlet-alpha";
    public const string DataShardClasses = "fgs.data.shard-classes";
    public const string DataQuantityBeta = "fgs.data.quantity-beta";
    public const string DataMinSamplesPerClient = "fgs.data.min-samples-per-client";

    public const string OutputDir = "fgs.output.dir";
    public const string OutputCheckpointEveryRounds = "fgs.output.checkpoint-every-rounds";
    public const string OutputCheckpointMinInterval = "fgs.output.checkpoint-min-interval";

    /// <summary>Fields of one tier section, <c>fgs.fleet.tiers.&lt;tier&gt;.&lt;field&gt;</c>; every tier sets all of them.</summary>
    public static class TierFields
    {
        public const string MinCpuHz = "min-cpu-hz";
        public const string MaxCpuHz = "max-cpu-hz";
        public const string FlopsPerCycle = "flops-per-cycle";
        public const string RamMb = "ram-mb";
        public const string ReservedRamMb = "reserved-ram-mb";
        public const string BatteryWh = "battery-wh";
        public const string IdlePowerW = "idle-power-w";
        public const string ActivePowerW = "active-power-w";
        public const string Radio = "radio";
        public const string SwitchedCapacitance = "switched-capacitance";
        public const string AcceleratorFlops = "accelerator-flops";

        /// <summary>Every field, in the order reference.conf lists them.</summary>
        public static IReadOnlyList<string> All { get; } =
        [
            MinCpuHz, MaxCpuHz, FlopsPerCycle, RamMb, ReservedRamMb, BatteryWh,
            IdlePowerW, ActivePowerW, Radio, SwitchedCapacitance, AcceleratorFlops,
        ];
    }

    /// <summary>The path of a tier's field: <c>fgs.fleet.tiers.NAME.FIELD</c>.</summary>
    public static string TierField(string tier, string field) => $"{FleetTiers}.{tier}.{field}";

    /// <summary>The path of a tier's fraction in the mix: <c>fgs.fleet.mix.NAME</c>.</summary>
    public static string MixShare(string tier) => $"{FleetMix}.{tier}";

    public static IReadOnlyList<string> All { get; } =
    [
        RunName, RunModel, RunSeed, RunEnd,
        KernelPartitions, KernelWorkers,
        PholdLps, PholdEventsPerLp, PholdRemote, PholdLookahead, PholdMean,
        SparseLeaves, SparseMeanGap, SparseSendFraction, SparseLatencyMin, SparseJitterMean,
        FleetDevices, FleetTierAssignment, FleetRamSigma, FleetBatterySigma, FleetDistanceMin, FleetDistanceMax, FleetDeviceTable,
        WorkloadParameters, WorkloadBytesPerParameter, WorkloadFlopsPerSample, WorkloadCyclesPerSample,
        WorkloadActivationBytesPerSample, WorkloadBatchSize, WorkloadOptimizer, WorkloadSamplesPerDevice,
        WorkloadSamplesSigma, WorkloadLocalEpochs,
        NetworkBackhaulLatency, NetworkJitter, NetworkJitterMean, NetworkJitterStd, NetworkJitterMedian, NetworkJitterSigma,
        NetworkJitterShape, NetworkJitterScale, NetworkPacketLoss, NetworkPacketBytes, NetworkMaxRetries, NetworkRetryDelay,
        NetworkDownCapacity, NetworkUpCapacity, NetworkControlBytes,
        ChurnModel, ChurnOnDistribution, ChurnOffDistribution, ChurnMeanOnline, ChurnMeanOffline, ChurnWeibullShapeOn,
        ChurnWeibullShapeOff, ChurnDiurnal, ChurnDiurnalPeakHour, ChurnDiurnalAmplitude, ChurnDiurnalTarget, ChurnTrace,
        BatteryInitialCharge, BatteryRecharge, BatteryRechargeDelay, BatteryChargeWindowStartHour, BatteryChargeWindowEndHour,
        AggregatorMode, AggregatorClientsPerRound, AggregatorOverCommit, AggregatorDeadline, AggregatorStragglerPolicy,
        AggregatorTargetUpdates, AggregatorCheckInPeriod, AggregatorBufferSize, AggregatorConcurrency, AggregatorMaxRounds,
        TrainingEnabled, TrainingNetwork, TrainingMlpHidden, TrainingAlgorithm, TrainingProximalMu, TrainingServerMomentum,
        TrainingServerLearningRate, TrainingLocalEpochs, TrainingBatchSize, TrainingLearningRate, TrainingMomentum,
        TrainingDevice, TrainingWorkers, TrainingIntraOpThreads, TrainingEvalEvery, TrainingEvalBatchSize, TrainingTargetAccuracy,
        TrainingTask,
        GenerativeModel, GenerativeLocalSteps, GenerativeBatchSize, GenerativeLearningRate, GenerativeDiscriminatorLearningRate,
        GenerativeBeta1, GenerativeBeta2, GenerativeEvalSamplesPerClass, GenerativeLocalFidDevices, GenerativeReferenceCache,
        GenerativeDiffusionSteps, GenerativeSamplingSteps, GenerativeGanWidth,
        GenerativeServerMomentum, GenerativeServerLearningRate,
        RevalidationPolicy, RevalidationThreshold, RevalidationTrainRounds, RevalidationRetrainRounds,
        DriftEnabled, DriftAt, DriftCohort, DriftClassShift, DriftContrast, DriftBrightness,
        AugmentationStartRound, AugmentationMinPerClass,
        DataDataset, DataFashionMnistDir, DataTrainSamples, DataTestSamples, DataSyntheticTrainSamples, DataSyntheticTestSamples,
        DataPartition, DataDirichletAlpha, DataShardClasses, DataQuantityBeta, DataMinSamplesPerClient,
        OutputDir,
        OutputCheckpointEveryRounds,
        OutputCheckpointMinInterval,
    ];

    /// <summary>
    /// Keys with a user-chosen segment, written with <see cref="TierWildcard"/> in its place: a tier's fraction in the
    /// mix, and each field of a tier definition.
    /// </summary>
    public static IReadOnlyList<string> Patterns { get; } =
        [MixShare(TierWildcard), .. TierFields.All.Select(field => TierField(TierWildcard, field))];
}
