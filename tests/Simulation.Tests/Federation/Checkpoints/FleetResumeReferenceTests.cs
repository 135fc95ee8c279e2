using FgsActors.Simulation.Federation;
using FgsActors.Simulation.Tests.Kernel.Support;
using FgsActors.Simulation.Time;

namespace FgsActors.Simulation.Tests.Federation.Checkpoints;

/// <summary>
/// A fleet run stopped at a checkpoint and resumed in a freshly built model gives exactly the uninterrupted run: the
/// same events (count, digest, last time) and the same tables, on the plain sequential simulator.
/// </summary>
public sealed class FleetResumeReferenceTests
{
    public static TheoryData<string> Scenarios => new(CheckpointScenarios.Names);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Resumed_run_equals_the_uninterrupted_one(string name)
    {
        var whole = new FleetModel(CheckpointScenarios.Build(name));
        var expected = SequentialReference.Run(whole);
        var results = FleetResults.Collect(whole);
        var expectedDigest = results.Digest();
        AssertBusy(results);

        // An early instant, one in the middle off any tick grid, and one late in the run.
        foreach (var fraction in new[] { 0.2, 0.5377, 0.85 })
        {
            var at = VirtualTime.FromSeconds(CheckpointScenarios.EndS * fraction) + 7;
            var checkpoint = CheckpointingReference.RunTo(new FleetModel(CheckpointScenarios.Build(name)), at,
                () => new FleetModel(CheckpointScenarios.Build(name)));
            var resumed = new FleetModel(CheckpointScenarios.Build(name));
            var result = CheckpointingReference.Resume(resumed, checkpoint);
            Assert.Equal(expected, result);
            Assert.Equal(expectedDigest, FleetResults.Collect(resumed).Digest());
        }
    }

    /// <summary>The scenario puts every kind of state in play: rounds, completions, churn, battery deaths, failed transfers.</summary>
    internal static void AssertBusy(FleetResults results)
    {
        Assert.True(results.ClosedRounds >= 5, $"{results.ClosedRounds} closed rounds");
        Assert.True(results.Devices.Sum(d => d.Deaths) > 0, "no battery died");
        Assert.True(results.Rounds.Sum(r => r.DroppedLink) > 0, "no transfer failed");
        Assert.True(results.Rounds.Sum(r => r.DroppedChurn) > 0, "no churn dropout");
        Assert.True(results.Rounds.Sum(r => r.Completed) > 20, "few completions");
    }
}
