using FgsActors.Models.Tests.Checkpoints;
using FgsActors.Models.Checkpoints;
using FgsActors.Simulation.Events;
using FgsActors.Simulation.Federation;
using FgsActors.Simulation.Kernel;
using FgsActors.Simulation.Time;

namespace FgsActors.Simulation.Tests.Federation.Checkpoints;

/// <summary>
/// Every entity of a fleet stopped mid-run (devices, links, the aggregator) is loaded into a freshly created twin: the
/// twin saves the same bytes, and driven alone with the same pending events it sends, schedules and promises exactly
/// what the original does, and ends in the same state.
/// </summary>
public sealed class FleetEntityStateTests
{
    private static readonly long StopAt = VirtualTime.FromSeconds(CheckpointScenarios.EndS * 0.6) + 3;
    private static readonly long DriveUntil = StopAt + VirtualTime.FromSeconds(1_800);

    [Theory]
    [InlineData("sync-lossy-dying")]
    [InlineData("async-trace")]
    [InlineData("async-toy-learning")]
    public void Restored_entities_behave_like_the_originals(string name)
    {
        var model = new FleetModel(CheckpointScenarios.Build(name));
        var (entities, pending) = CheckpointingReference.RunAndStop(model, StopAt);
        var twins = new FleetModel(CheckpointScenarios.Build(name));
        var outputs = new int[3]; // aggregator, devices, links
        for (var id = 0; id < entities.Count; id++)
        {
            var original = entities[id];
            var twin = twins.CreateEntity(id);
            StateBytes.CopyInto((IStateful)original, (IStateful)twin);
            var events = pending.Where(ev => ev.Target == id).Concat(LinkTraffic(id)).ToArray();
            var expected = SoloRun.Drive(original, id, model.Seed, model.Lookahead, events, DriveUntil);
            var actual = SoloRun.Drive(twin, id, model.Seed, model.Lookahead, events, DriveUntil);
            Assert.Equal(expected, actual);
            Assert.Equal(StateBytes.Save((IStateful)original), StateBytes.Save((IStateful)twin));
            outputs[id == FleetLayout.AggregatorId ? 0 : FleetLayout.IsDevice(id) ? 1 : 2] += expected.Count;
        }
        Assert.All(outputs, count => Assert.True(count > 10, $"outputs per kind of entity: {string.Join(", ", outputs)}"));
    }

    // Few messages are on a link at any instant: every link also carries an acceptance, an upload and an invitation,
    // which draw from its jitter and loss streams.
    private static IEnumerable<SimEvent> LinkTraffic(int id)
    {
        if (id == FleetLayout.AggregatorId || FleetLayout.IsDevice(id)) yield break;
        var device = FleetLayout.DeviceId(FleetLayout.IndexOfLink(id));
        var intent = new TransferIntent(7, StopAt + VirtualTime.FromSeconds(100));
        yield return new SimEvent(StopAt + 10, id, device, 1L << 41, FleetEventKinds.Accept, 0, intent);
        yield return new SimEvent(StopAt + 20, id, device, 1L << 41, FleetEventKinds.Upload, 0, intent);
        yield return new SimEvent(StopAt + 30, id, FleetLayout.AggregatorId, 1L << 41, FleetEventKinds.Invite, 7, null);
    }

    [Fact]
    public void Truncated_entity_states_throw()
    {
        var name = "async-toy-learning";
        var model = new FleetModel(CheckpointScenarios.Build(name));
        var (entities, _) = CheckpointingReference.RunAndStop(model, StopAt);
        var twins = new FleetModel(CheckpointScenarios.Build(name));
        // The aggregator, a device with a history, and a link whose random streams exist.
        var device = Enumerable.Range(0, model.Devices.Count).First(i => model.Devices[i]!.History.Count > 2);
        var link = Enumerable.Range(0, model.Devices.Count).Select(FleetLayout.LinkId)
            .First(id => StateBytes.Save((IStateful)entities[id]).Length > 2);
        foreach (var id in new[] { FleetLayout.AggregatorId, FleetLayout.DeviceId(device), link })
            StateBytes.AssertEveryCutThrows(StateBytes.Save((IStateful)entities[id]), () => (IStateful)twins.CreateEntity(id));
    }

    [Fact]
    public void An_entity_state_does_not_load_into_another_entity_or_configuration()
    {
        var name = "sync-lossy-dying";
        var model = new FleetModel(CheckpointScenarios.Build(name));
        var (entities, _) = CheckpointingReference.RunAndStop(model, StopAt);
        var device = StateBytes.Save((IStateful)entities[FleetLayout.DeviceId(4)]);
        Assert.Throws<CheckpointFormatException>(() => StateBytes.Load((IStateful)model.CreateEntity(FleetLayout.DeviceId(5)), device));
        var traced = new FleetModel(CheckpointScenarios.Build("async-trace"));
        Assert.Throws<CheckpointFormatException>(() => StateBytes.Load((IStateful)traced.CreateEntity(FleetLayout.DeviceId(4)), device));
    }

    [Fact]
    public void The_model_state_is_the_learning_task_state_behind_a_flag()
    {
        var learning = new CheckpointScenarios.CountingLearning();
        learning.Aggregate([0f], [new Models.Federated.LocalUpdate(1, [1f], 1, 0)]);
        var trained = new FleetModel(CheckpointScenarios.Build("sync-toy-learning") with { Learning = new FleetLearning(learning) });
        var bytes = StateBytes.Save(trained);
        Assert.Equal(new byte[] { 1, 1, 0, 0, 0, 0, 0, 0, 0 }, bytes); // the flag, then one aggregation as a long
        var twin = new FleetModel(CheckpointScenarios.Build("sync-toy-learning"));
        StateBytes.Load(twin, bytes);
        Assert.Equal(bytes, StateBytes.Save(twin));

        var numbersOnly = new FleetModel(CheckpointScenarios.Build("sync-lossy-dying"));
        Assert.Equal(new byte[] { 0 }, StateBytes.Save(numbersOnly));
        Assert.Throws<CheckpointFormatException>(() => StateBytes.Load(numbersOnly, bytes));
        Assert.Throws<CheckpointFormatException>(() => StateBytes.Load(twin, [0]));
        StateBytes.AssertEveryCutThrows(bytes, () => new FleetModel(CheckpointScenarios.Build("sync-toy-learning")));
    }
}
