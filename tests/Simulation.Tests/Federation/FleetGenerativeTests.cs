using System.Collections.Concurrent;
using FgsActors.Models.Checkpoints;
using FgsActors.Models.Federated;
using FgsActors.Simulation.Federation;

namespace FgsActors.Simulation.Tests.Federation;

/// <summary>
/// Generative runs on the round machinery with a learning stand-in: a generator frozen after its first rounds
/// (rounds that invite nobody and only evaluate), fidelity in the round records and the results, and the digest.
/// </summary>
public sealed class FleetGenerativeTests
{
    private const int TrainRounds = 3;
    private const double DeadlineS = 300;

    /// <summary>
    /// Weights are one number; a client's update adds (client + 1). With <see cref="Frozen"/> only rounds below
    /// <see cref="TrainRounds"/> train; evaluations report fidelity whose FID is |round − 5| + 1 (lowest after round 5)
    /// unless <see cref="WithFidelity"/> is off, plus <see cref="LocalFidOffset"/> on the local FID.
    /// </summary>
    private sealed class ToyGenerator(bool reportsFidelity = true) : IFederatedLearning
    {
        public bool Frozen { get; init; } = true;
        public bool WithFidelity { get; init; } = true;
        public double LocalFidOffset { get; init; }
        public ConcurrentQueue<int> TrainedRounds { get; } = new();
        public List<(int Round, double AtSeconds)> Evaluations { get; } = new();

        public float[] InitialWeights => [0f];
        public LearningProfile Profile => new(1_000, 6_000, 100, 16, 1, 1);
        public bool ReportsFidelity => reportsFidelity;

        public int SamplesOf(int client) => 50 + client % 7;

        public bool WantsTraining(int round) => !Frozen || round < TrainRounds;

        public Task<LocalUpdate> Train(int client, int round, float[] global, double atSeconds)
        {
            TrainedRounds.Enqueue(round);
            return Task.FromResult(new LocalUpdate(client, [client + 1f], SamplesOf(client), 1.0 / (1 + round)));
        }

        public float[] Aggregate(float[] global, IReadOnlyList<LocalUpdate> updates)
        {
            double sum = 0, weights = 0;
            foreach (var u in updates.OrderBy(u => u.Client))
            {
                sum += u.Delta[0] * (double)u.Samples;
                weights += u.Samples;
            }
            return [global[0] + (float)(sum / weights)];
        }

        public Evaluation Evaluate(float[] weights, int round, double atSeconds)
        {
            Evaluations.Add((round, atSeconds));
            var accuracy = Math.Min(1.0, weights[0] / 2_000.0);
            if (!WithFidelity) return new Evaluation(accuracy, double.NaN);
            var fid = Math.Abs(round - 5) + 1.0;
            return new Evaluation(accuracy, double.NaN, new GeneratorFidelity(fid, 2.5, 0.9, accuracy, 10 + round + LocalFidOffset, 20 + round, 3));
        }

        // The answers are pure in their inputs; what changes is the record of calls the tests read.
        public void SaveState(BinaryWriter writer)
        {
            writer.WriteInts(TrainedRounds.ToArray());
            writer.Write(Evaluations.Count);
            foreach (var (round, atSeconds) in Evaluations)
            {
                writer.Write(round);
                writer.Write(atSeconds);
            }
        }

        public void LoadState(BinaryReader reader)
        {
            TrainedRounds.Clear();
            foreach (var round in reader.ReadInts() ?? []) TrainedRounds.Enqueue(round);
            var count = reader.ReadLength();
            Evaluations.Clear();
            for (var i = 0; i < count; i++) Evaluations.Add((reader.ReadInt32(), reader.ReadDouble()));
        }
    }

    private static FleetScenario Scenario(IFederatedLearning learning) =>
        FleetScenarios.Build(devices: FleetScenarios.MixedFleet(200), aggregator: FleetScenarios.Sync(deadlineS: DeadlineS), endS: 3_600) with
        {
            Learning = new FleetLearning(learning, EvalEvery: 1),
        };

    [Fact]
    public void Frozen_rounds_invite_nobody_last_their_deadline_and_still_evaluate()
    {
        var toy = new ToyGenerator();
        var (_, _, results) = FleetRunner.Run(Scenario(toy));
        var closed = results.Rounds.Where(r => r.EndS is not null).ToArray();

        Assert.True(closed.Length > TrainRounds + 3, $"only {closed.Length} rounds closed");
        Assert.All(closed.Take(TrainRounds), r => Assert.True(r.Selected > 0, $"training round {r.Round} invited nobody"));
        Assert.All(closed.Skip(TrainRounds), r =>
        {
            Assert.Equal((0, 0, 0), (r.Selected, r.Completed, r.Aggregated));
            Assert.Equal(DeadlineS, r.EndS!.Value - r.StartS, 6);
            Assert.Equal(0, r.EnergyComputeJ);
        });
        // Rounds follow one another without a gap.
        Assert.All(closed.Zip(results.Rounds.Skip(1)), p => Assert.Equal(p.First.EndS!.Value, p.Second.StartS, 6));
        Assert.All(toy.TrainedRounds, r => Assert.True(r < TrainRounds, $"a device trained in frozen round {r}"));
        Assert.NotEmpty(toy.TrainedRounds);

        // Every closed round was evaluated at its end, frozen or not, and carries its fidelity and no loss.
        Assert.Equal(closed.Select(r => r.Round), toy.Evaluations.Select(e => e.Round));
        Assert.Equal(closed.Select(r => r.EndS!.Value), toy.Evaluations.Select(e => e.AtSeconds));
        Assert.All(closed, r =>
        {
            Assert.NotNull(r.TestAccuracy);
            Assert.Null(r.TestLoss);
            Assert.Equal(Math.Abs(r.Round - 5) + 1.0, r.Fidelity!.Fid);
            Assert.Equal(10.0 + r.Round, r.Fidelity.LocalFidMean);
        });
        // Frozen rounds do not move the global model.
        Assert.Single(closed.Skip(TrainRounds).Select(r => r.TestAccuracy).Distinct());
    }

    [Fact]
    public void Results_report_fidelity_with_its_final_and_best_values()
    {
        var (_, _, results) = FleetRunner.Run(Scenario(new ToyGenerator()));
        var evaluated = results.Rounds.Where(r => r.Fidelity is not null).ToArray();

        Assert.True(results.ReportsFidelity);
        Assert.True(evaluated.Length > 6, "round 5, the best, must be among them");
        Assert.Equal(1.0, results.BestFid);
        Assert.Same(evaluated[^1].Fidelity, results.FinalFidelity);
        Assert.Equal(Math.Abs(evaluated[^1].Round - 5) + 1.0, results.FinalFidelity!.Fid);
    }

    [Fact]
    public void A_classifier_run_reports_no_fidelity()
    {
        var (_, _, results) = FleetRunner.Run(Scenario(new ToyGenerator(reportsFidelity: false) { WithFidelity = false, Frozen = false }));

        Assert.False(results.ReportsFidelity);
        Assert.Null(results.FinalFidelity);
        Assert.Null(results.BestFid);
        Assert.All(results.Rounds, r => Assert.Null(r.Fidelity));
    }

    [Fact]
    public void The_digest_is_stable_ignores_the_fidelity_flag_and_changes_with_any_fidelity_figure()
    {
        string Digest(ToyGenerator toy) => FleetRunner.Run(Scenario(toy)).Results.Digest();

        // Without fidelity values, saying that fidelity is reported does not change the hash (classifier hashes stay).
        var classifier = Digest(new ToyGenerator(reportsFidelity: false) { WithFidelity = false });
        Assert.Equal(classifier, Digest(new ToyGenerator(reportsFidelity: false) { WithFidelity = false }));
        Assert.Equal(classifier, Digest(new ToyGenerator(reportsFidelity: true) { WithFidelity = false }));

        // Fidelity values join the hash, and any change in them changes it.
        var generator = Digest(new ToyGenerator());
        Assert.Equal(generator, Digest(new ToyGenerator()));
        Assert.NotEqual(classifier, generator);
        Assert.NotEqual(generator, Digest(new ToyGenerator { LocalFidOffset = 1e-9 }));
    }
}
