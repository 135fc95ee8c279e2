using FgsActors.Simulation.Checkpoints;
using FgsActors.Simulation.Federation;
using FgsActors.Simulation.Kernel;
using FgsActors.Simulation.Tests.Checkpoints;

namespace FgsActors.Simulation.Tests.Federation.Checkpoints;

/// <summary>
/// The fleet on the partitioned kernel, checkpointed to a file at a window boundary and resumed in a freshly built
/// model, on the same layout and on another: the same events (count, digest, last time), the same tables
/// (<see cref="FleetResults.Digest"/>) and the same online timeline as the uninterrupted run.
/// </summary>
public sealed class FleetKernelResumeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fgs-fleet-resume").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string> Scenarios => new(CheckpointScenarios.Names);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Resumed_fleet_equals_the_uninterrupted_run(string name)
    {
        const int Partitions = 3;
        var whole = new FleetModel(CheckpointScenarios.Build(name));
        var full = LocalKernel.Run(whole, Partitions);
        var results = FleetResults.Collect(whole);
        FleetResumeReferenceTests.AssertBusy(results);

        foreach (var fraction in new[] { 0.3, 0.7 })
        {
            var atWindow = (long)(full.Windows * fraction);
            var path = Path.Combine(_dir, $"{name}-{atWindow}-{CheckpointFile.FileName}");
            var checkpointed = new FleetModel(CheckpointScenarios.Build(name));
            var sink = new CheckpointTestSink(path, checkpointed, atWindow);
            Assert.Equal(full, LocalKernel.Run(checkpointed, Partitions, sink)); // taking a checkpoint changes nothing
            Assert.Equal(1, sink.Written);

            foreach (var partitionsAfter in new[] { Partitions, 2 })
            {
                var fresh = new FleetModel(CheckpointScenarios.Build(name));
                var (_, snapshot) = CheckpointFile.Read(path, fresh, "test-config");
                Assert.InRange(snapshot.EventsProcessed, 1, full.Events - 1);
                var resumed = LocalKernel.Run(fresh, partitionsAfter, resume: snapshot);
                if (partitionsAfter == Partitions) Assert.Equal(full, resumed);
                Assert.Equal((full.Events, full.EventDigest, full.LastEventTime), (resumed.Events, resumed.EventDigest, resumed.LastEventTime));
                Assert.Equal(results.Digest(), FleetResults.Collect(fresh).Digest());
                Assert.Equal(whole.Aggregator!.Online.Points, fresh.Aggregator!.Online.Points);
            }
        }
    }
}
