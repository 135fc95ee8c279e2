using FgsActors.Models.Checkpoints;
using FgsActors.Models.Tests.Checkpoints;
using FgsActors.Simulation.Checkpoints;
using FgsActors.Simulation.Events;
using FgsActors.Simulation.Time;
using FgsActors.Simulation.Workloads.Sparse;

namespace FgsActors.Simulation.Tests.Workloads;

/// <summary>
/// The sparse entities' checkpoint state, driven by hand: a twin loaded mid-run saves the same bytes and issues the
/// same events with the same promises as the original for the rest of the run.
/// </summary>
public sealed class SparseStateTests
{
    private const long Ms = VirtualTime.TicksPerSecond / 1_000;
    private const int Leaf = 2;
    private static readonly SparseSettings Settings = new(Leaves: 3, MeanGapTicks: 10 * Ms, SendFraction: 0.3, EndTicks: 100_000 * Ms, Seed: 11);

    private static RecordingContext Context(int self) => new(self, Settings.Seed, Settings.LatencyMinTicks);

    /// <summary>The leaf's pending local event: the last one it scheduled.</summary>
    private static SimEvent Pending(RecordingContext context)
    {
        var scheduled = context.Issued.Last(i => i.SelfScheduled);
        return new SimEvent(scheduled.Now + scheduled.Delay, Leaf, Leaf, 0, scheduled.Kind, scheduled.Data, null);
    }

    private static SimEvent Reply(long time) => new(time, Leaf, SparseModel.HubId, 0, SparseEventKinds.Reply, 0, null, nonTriggering: true);

    /// <summary>A started leaf after <paramref name="steps"/> local events, with a reply after every third.</summary>
    private static (SparseLeaf Leaf, RecordingContext Context) LeafAfter(int steps)
    {
        var leaf = new SparseLeaf(Settings);
        var context = Context(Leaf);
        leaf.Start(context);
        for (var k = 0; k < steps; k++)
        {
            var next = Pending(context);
            context.Now = next.Time;
            leaf.Handle(next, context);
            if (k % 3 == 2) leaf.Handle(Reply(context.Now), context);
        }
        return (leaf, context);
    }

    [Fact]
    public void A_leaf_loaded_mid_run_continues_with_the_same_events_and_promises()
    {
        var (original, context) = LeafAfter(20);
        var twin = new SparseLeaf(Settings);
        StateBytes.CopyInto(original, twin);
        Assert.Equal((original.OutputPromise, original.LocalEvents, original.Requests, original.Replies),
            (twin.OutputPromise, twin.LocalEvents, twin.Requests, twin.Replies));

        var twinContext = Context(Leaf);
        var mark = context.Issued.Count;
        for (var k = 0; k < 30; k++)
        {
            var next = Pending(context);
            context.Now = twinContext.Now = next.Time;
            original.Handle(next, context);
            twin.Handle(next, twinContext);
            Assert.Equal(original.OutputPromise, twin.OutputPromise);
            if (k % 4 != 0) continue;
            original.Handle(Reply(next.Time), context);
            twin.Handle(Reply(next.Time), twinContext);
        }

        // The same gaps, decisions and link latencies: every stream went on where it stopped.
        Assert.Equal(context.Issued.Skip(mark), twinContext.Issued);
        Assert.Contains(twinContext.Issued, i => i.Kind == SparseEventKinds.Request);
        Assert.Equal((original.LocalEvents, original.Requests, original.Replies), (twin.LocalEvents, twin.Requests, twin.Replies));
        Assert.Equal(StateBytes.Save(original), StateBytes.Save(twin));
    }

    [Fact]
    public void A_leaf_whose_next_event_is_silent_keeps_its_forecast_promise_after_loading()
    {
        // Find a point where the pending event is silent, so the promise came from the forecast over the streams.
        var steps = Enumerable.Range(1, 40).First(n => Pending(LeafAfter(n).Context).Data == SparseEventKinds.Silent);
        var (original, _) = LeafAfter(steps);
        var twin = new SparseLeaf(Settings);

        StateBytes.CopyInto(original, twin);

        Assert.NotEqual(VirtualTime.Infinity, twin.OutputPromise);
        Assert.Equal(original.OutputPromise, twin.OutputPromise);
    }

    [Fact]
    public void A_hub_loaded_mid_run_answers_with_the_same_latencies()
    {
        var original = new SparseHub(Settings);
        var context = Context(SparseModel.HubId);
        original.Start(context);
        for (var k = 0; k < 7; k++)
            original.Handle(new SimEvent(k * Ms, SparseModel.HubId, 1 + k % 3, 0, SparseEventKinds.Request, 0, null), context);
        var twin = new SparseHub(Settings);
        StateBytes.CopyInto(original, twin);

        var twinContext = Context(SparseModel.HubId);
        var mark = context.Issued.Count;
        for (var k = 7; k < 15; k++)
        {
            var request = new SimEvent(k * Ms, SparseModel.HubId, 1 + k % 3, 0, SparseEventKinds.Request, 0, null);
            original.Handle(request, context);
            twin.Handle(request, twinContext);
        }

        Assert.Equal(context.Issued.Skip(mark), twinContext.Issued);
        Assert.Equal(15, twin.Requests);
        Assert.Equal(StateBytes.Save(original), StateBytes.Save(twin));
        // A fresh hub's link stream is elsewhere: the loaded one did not simply start over.
        var fresh = new SparseHub(Settings);
        var freshContext = Context(SparseModel.HubId);
        fresh.Start(freshContext);
        fresh.Handle(new SimEvent(7 * Ms, SparseModel.HubId, 2, 0, SparseEventKinds.Request, 0, null), freshContext);
        Assert.NotEqual(twinContext.Issued[0].Delay, freshContext.Issued[0].Delay);
    }

    [Fact]
    public void Cut_off_entity_states_fail_to_load()
    {
        var (leaf, _) = LeafAfter(5);
        var hub = new SparseHub(Settings);
        hub.Start(Context(SparseModel.HubId));

        StateBytes.AssertEveryCutThrows(StateBytes.Save(leaf), new SparseLeaf(Settings));
        StateBytes.AssertEveryCutThrows(StateBytes.Save(hub), new SparseHub(Settings));
    }

    [Fact]
    public void Entities_cannot_be_saved_before_they_start()
    {
        Assert.Throws<InvalidOperationException>(() => StateBytes.Save(new SparseLeaf(Settings)));
        Assert.Throws<InvalidOperationException>(() => StateBytes.Save(new SparseHub(Settings)));
    }

    [Fact]
    public void Every_entity_of_the_model_is_stateful_and_the_model_refuses_another_configurations_state()
    {
        var model = new SparseModel(Settings);
        Assert.Same(NoPayloads.Instance, model.Payloads); // sparse events carry everything in their kind and data
        Assert.All(Enumerable.Range(0, model.EntityCount), id => Assert.IsAssignableFrom<IStateful>(model.CreateEntity(id)));

        StateBytes.CopyInto(model, new SparseModel(Settings));
        var bytes = StateBytes.Save(model);
        Assert.Throws<CheckpointFormatException>(() => StateBytes.Load(new SparseModel(Settings with { Seed = 12 }), bytes));
        Assert.Throws<CheckpointFormatException>(() => StateBytes.Load(new SparseModel(Settings with { Leaves = 4 }), bytes));
    }
}
