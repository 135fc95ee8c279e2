using FgsActors.Models.Checkpoints;
using FgsActors.Models.Federated;
using FgsActors.Simulation.Federation;

namespace FgsActors.Simulation.Tests.Federation;

/// <summary>
/// The round machinery with a learning stand-in: jobs finish on other threads after random wall-clock delays, so the
/// kernel must hold each device's partition at the training's end until its job is done, and results must not depend
/// on when jobs finish or on the layout.
/// </summary>
public sealed class FleetLearningTests
{
    /// <summary>Weights are one number; a client's update adds (client + 1); the global moves by the sample-weighted mean.</summary>
    private sealed class ToyLearning(int seed) : IFederatedLearning
    {
        public float[] InitialWeights => [0f];
        public LearningProfile Profile => new(1_000, 6_000, 100, 16, 1, 1);
        public int Trained;

        public int SamplesOf(int client) => 50 + client % 7;

        public Task<LocalUpdate> Train(int client, int round, float[] global, double atSeconds) => Task.Run(async () =>
        {
            Interlocked.Increment(ref Trained);
            // A wall-clock delay that has nothing to do with virtual time: results must not notice it.
            await Task.Delay(new Random(seed ^ client ^ (round << 16)).Next(0, 3));
            return new LocalUpdate(client, [client + 1f], SamplesOf(client), 1.0 / (1 + round));
        });

        public float[] Aggregate(float[] global, IReadOnlyList<LocalUpdate> updates)
        {
            var sorted = updates.OrderBy(u => u.Client).ToArray();
            double sum = 0, weights = 0;
            foreach (var u in sorted)
            {
                sum += u.Delta[0] * (double)u.Samples;
                weights += u.Samples;
            }
            return [global[0] + (float)(sum / weights)];
        }

        public Evaluation Evaluate(float[] weights, int round, double atSeconds) => new(Math.Min(1.0, weights[0] / 2_000.0), 1.0 / (1 + weights[0]));

        // Aggregate and Evaluate are pure; the only changing state is the count of jobs the tests read.
        public void SaveState(BinaryWriter writer) => writer.Write(Volatile.Read(ref Trained));

        public void LoadState(BinaryReader reader) => Trained = reader.ReadInt32();
    }

    private static FleetScenario Scenario(ToyLearning learning, AggregatorSettings? aggregator = null) =>
        FleetScenarios.Build(devices: FleetScenarios.MixedFleet(200), aggregator: aggregator, endS: 7_200) with
        {
            Learning = new FleetLearning(learning, EvalEvery: 2, TargetAccuracy: 0.5),
        };

    [Fact]
    public void Rounds_aggregate_the_updates_they_took_and_evaluate_every_second_round()
    {
        var learning = new ToyLearning(1);
        var (_, _, results) = FleetRunner.Run(Scenario(learning));
        var closed = results.Rounds.Where(r => r.EndS is not null).ToArray();
        Assert.True(closed.Length > 10);
        Assert.All(closed.Where(r => r.Round % 2 == 1), r => Assert.NotNull(r.TestAccuracy));
        Assert.All(closed.Where(r => r.Round % 2 == 0), r => Assert.Null(r.TestAccuracy));
        var accuracies = closed.Where(r => r.TestAccuracy is not null).Select(r => r.TestAccuracy!.Value).ToArray();
        Assert.True(accuracies.Zip(accuracies.Skip(1)).All(p => p.Second >= p.First), "the toy global only grows");
        Assert.True(learning.Trained >= closed.Sum(r => r.Completed));
        Assert.Equal(accuracies[^1], results.FinalAccuracy);
    }

    [Fact]
    public void Results_do_not_depend_on_layout_or_on_when_jobs_finish()
    {
        var reference = FleetRunner.Run(Scenario(new ToyLearning(1)), partitions: 1).Results.Digest();
        foreach (var (partitions, seed) in new[] { (4, 2), (16, 3) })
            Assert.Equal(reference, FleetRunner.Run(Scenario(new ToyLearning(seed)), partitions).Results.Digest());
    }

    [Fact]
    public void Async_rounds_fold_their_buffer_into_the_global_model()
    {
        var (_, _, results) = FleetRunner.Run(Scenario(new ToyLearning(1), FleetScenarios.Async(concurrency: 20, buffer: 5)));
        Assert.Contains(results.Rounds, r => r.TestAccuracy > 0);
        Assert.NotNull(results.ToTarget(0.01));
    }
}
