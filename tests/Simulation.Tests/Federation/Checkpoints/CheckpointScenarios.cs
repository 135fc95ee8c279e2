using FgsActors.Models.Availability;
using FgsActors.Models.Checkpoints;
using FgsActors.Models.Energy;
using FgsActors.Models.Federated;
using FgsActors.Models.Hardware;
using FgsActors.Models.Network;
using FgsActors.Simulation.Federation;
using FgsActors.Simulation.Fleet;

namespace FgsActors.Simulation.Tests.Federation.Checkpoints;

/// <summary>
/// Fleet scenarios that put every kind of state in play at once: churn (renewal with diurnal modulation, or a trace),
/// batteries that die and come back, packet loss with retries, jitter, a shared channel narrow enough to queue
/// transfers, sync and async aggregation.
/// </summary>
internal static class CheckpointScenarios
{
    public const double EndS = 5_400;
    // Generated once: the scenarios are built several times per test (fresh models, twins, resumes).
    private static readonly Lazy<IReadOnlyList<DeviceProfile>> Fleet120 = new(() => FleetScenarios.MixedFleet(120));

    private static readonly Lazy<ChurnSettings> TraceChurn = new(() => Trace(1));

    public static IEnumerable<string> Names => Builders.Keys;

    public static FleetScenario Build(string name) => Builders[name]();

    private static readonly IReadOnlyDictionary<string, Func<FleetScenario>> Builders = new Dictionary<string, Func<FleetScenario>>
    {
        ["sync-lossy-dying"] = () => Busy(FleetScenarios.Sync(k: 20, deadlineS: 240)),
        ["sync-firstk-diurnal"] = () => Busy(FleetScenarios.Sync(k: 6, deadlineS: 300, policy: StragglerPolicy.FirstK, target: 4) with { MaxRounds = 40 }) with
        {
            Churn = new ChurnSettings(ChurnModel.Renewal, new RenewalProcess(OnOffDistribution.Weibull(0.7, 1_800), OnOffDistribution.Exponential(900),
                new DiurnalModulation(2, 0.6, DiurnalTarget.Both))),
            Battery = new BatterySettings(0.01, RechargePolicy.DiurnalWindow(0, 1)),
        },
        ["async-lossy-dying"] = () => Busy(FleetScenarios.Async(concurrency: 12, buffer: 4, timeoutS: 200)),
        ["async-trace"] = () => Busy(FleetScenarios.Async(concurrency: 10, buffer: 3, timeoutS: 400)) with { Churn = TraceChurn.Value },
        ["sync-toy-learning"] = () => Busy(FleetScenarios.Sync(k: 12, deadlineS: 300)) with { Learning = new FleetLearning(new CountingLearning(), EvalEvery: 2) },
        ["async-toy-learning"] = () => Busy(FleetScenarios.Async(concurrency: 12, buffer: 3, timeoutS: 300)) with { Learning = new FleetLearning(new CountingLearning()) },
    };

    private static FleetScenario Busy(AggregatorSettings aggregator) => FleetScenarios.Build(
        devices: Fleet120.Value,
        // Training long enough (seconds to minutes) that devices are caught training at a checkpoint.
        workload: FleetScenarios.Mlp with { Cost = WorkloadCost.FromFlops(20e6) },
        network: FleetScenarios.Network(new PacketLoss(0.03, 12_000, 2, 0.2), capacityBps: 2e6) with { Jitter = LogNormalJitter.FromMedian(0.005, 0.5) },
        churn: FleetScenarios.Renewal(onS: 1_200, offS: 600),
        battery: new BatterySettings(0.004, RechargePolicy.AfterDelay(900)),
        aggregator: aggregator,
        endS: EndS);

    // Each device online in a few deterministic windows; some devices are absent from the trace (never online).
    private static ChurnSettings Trace(ulong seed)
    {
        var devices = Fleet120.Value;
        var random = new Random((int)seed);
        var windows = new Dictionary<string, TraceAvailability>(StringComparer.Ordinal);
        foreach (var device in devices.Where((_, i) => i % 10 != 0))
        {
            var intervals = new List<OnlineInterval>();
            var at = random.NextDouble() * 600;
            while (at < EndS)
            {
                var length = 300 + random.NextDouble() * 1_500;
                intervals.Add(new OnlineInterval(at, at + length));
                at += length + 60 + random.NextDouble() * 900;
            }
            windows[device.Name] = new TraceAvailability(intervals);
        }
        return new ChurnSettings(ChurnModel.Trace, Trace: new AvailabilityTrace(windows));
    }

    /// <summary>
    /// A learning stand-in with server-side state: weights are one number, an update adds (client + 1), and the task
    /// counts its aggregations, which shift later evaluations, so a lost count would show in rounds.csv.
    /// </summary>
    public sealed class CountingLearning : IFederatedLearning
    {
        private long _aggregations;

        public float[] InitialWeights => [0f];
        public LearningProfile Profile => new(1_000, 6_000, 100, 16, 1, 1);

        public int SamplesOf(int client) => 50 + client % 7;

        public Task<LocalUpdate> Train(int client, int round, float[] global, double atSeconds) =>
            Task.Run(() => new LocalUpdate(client, [client + 1f + global[0] / 1_000f], SamplesOf(client), 1.0 / (1 + round)));

        public float[] Aggregate(float[] global, IReadOnlyList<LocalUpdate> updates)
        {
            _aggregations++;
            var sorted = updates.OrderBy(u => u.Client).ToArray();
            double sum = 0, weights = 0;
            foreach (var u in sorted)
            {
                sum += u.Delta[0] * (double)u.Samples;
                weights += u.Samples;
            }
            return [global[0] + (float)(sum / weights)];
        }

        public Evaluation Evaluate(float[] weights, int round, double atSeconds) =>
            new(Math.Min(1.0, weights[0] / 2_000.0), 1.0 / (1 + weights[0] + _aggregations),
                new GeneratorFidelity(weights[0], 1 + _aggregations, 0.5, 0.25, round % 3 == 0 ? null : atSeconds, null, round));

        public void SaveState(BinaryWriter writer) => writer.Write(_aggregations);

        public void LoadState(BinaryReader reader) => _aggregations = reader.ReadInt64();
    }
}
