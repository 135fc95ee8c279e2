using FgsActors.Simulation.Kernel;
using FgsActors.Simulation.Randomness;
using FgsActors.Simulation.Time;
using FgsActors.Simulation.Workloads.Sparse;

namespace FgsActors.Simulation.Tests.Workloads;

/// <summary>One leaf that always sends: every time in the trace can be recomputed from the three streams.</summary>
public class SparseHandCheckTests
{
    private const long Ms = VirtualTime.TicksPerSecond / 1_000;
    private static readonly SparseSettings OneLeaf = new(Leaves: 1, SendFraction: 1.0, Seed: 5);
    private const int Leaf = 1;

    [Fact]
    public void LeafEventsFollowTheGapStreamAndEachSendsARequest()
    {
        var trace = Run(OneLeaf);
        var gaps = RandomStream.For(OneLeaf.Seed, Leaf, SparseRules.GapPurpose);
        var locals = trace.Handled.Where(h => h.Kind == SparseEventKinds.Local).ToList();
        Assert.InRange(locals.Count, 10, 45); // Poisson(24): a gross miss means the gap units are wrong

        var expected = 0L;
        foreach (var local in locals)
        {
            expected += SparseRules.Gap(gaps, OneLeaf);
            Assert.Equal(expected, local.Time);
            Assert.Equal(Leaf, local.Entity);
            Assert.Equal(SparseEventKinds.Sends, local.Data);
        }
        var requests = trace.Issued.Where(i => i.Kind == SparseEventKinds.Request).ToList();
        Assert.Equal(locals.Select(l => l.Time), requests.Select(r => r.Time));
        Assert.All(requests, r => Assert.Equal(SparseModel.HubId, r.To));
    }

    [Fact]
    public void HubGetsEachRequestAfterTheLeafsLinkLatencyAndReplies()
    {
        var trace = Run(OneLeaf);
        var leafLink = RandomStream.For(OneLeaf.Seed, Leaf, SparseRules.LinkPurpose);
        var hubLink = RandomStream.For(OneLeaf.Seed, SparseModel.HubId, SparseRules.LinkPurpose);
        var sentAt = trace.Handled.Where(h => h.Kind == SparseEventKinds.Local).Select(h => h.Time).ToList();
        var atHub = trace.Handled.Where(h => h.Entity == SparseModel.HubId).ToList();
        var replies = trace.Issued.Where(i => i.Kind == SparseEventKinds.Reply).ToList();
        var repliesIn = trace.Handled.Where(h => h.Kind == SparseEventKinds.Reply).ToList();
        Assert.True(atHub.Count >= sentAt.Count - 1, "at most the last request can still be in flight at the end");
        Assert.Equal(atHub.Count, replies.Count);

        for (var k = 0; k < atHub.Count; k++)
        {
            var latency = SparseRules.Latency(leafLink, OneLeaf);
            Assert.True(latency >= 1 * Ms, $"request {k}: latency {latency} ns below latency-min");
            Assert.Equal(SparseEventKinds.Request, atHub[k].Kind);
            Assert.Equal(Leaf, atHub[k].Source);
            Assert.Equal(sentAt[k] + latency, atHub[k].Time);

            var back = SparseRules.Latency(hubLink, OneLeaf);
            Assert.True(back >= 1 * Ms);
            Assert.Equal(new Issued(atHub[k].Time, SparseModel.HubId, Leaf, back, SparseEventKinds.Reply, TriggersOutput: false, SelfScheduled: false), replies[k]);
            if (k < repliesIn.Count) Assert.Equal(atHub[k].Time + back, repliesIn[k].Time);
        }
        // With 1 ms + Exp(1 ms) each way, a round trip is a few ms: far shorter than the hour between sends.
        Assert.True(repliesIn.Count >= atHub.Count - 1);
    }

    [Fact]
    public void PromiseIsTheNextSendPlusLatencyMin()
    {
        // Every event sends here, so after each local event the promise is exactly the next one + 1 ms.
        var trace = Run(OneLeaf);
        var locals = trace.Handled.Where(h => h.Kind == SparseEventKinds.Local).ToList();
        for (var k = 0; k + 1 < locals.Count; k++)
            Assert.Equal(locals[k + 1].Time + 1 * Ms, locals[k].PromiseAfter);
        // Replies are acknowledgements: they leave the promise where it was.
        foreach (var reply in trace.Handled.Where(h => h.Kind == SparseEventKinds.Reply))
        {
            var before = trace.Handled.Last(h => h.Entity == Leaf && h.Kind == SparseEventKinds.Local && h.Time < reply.Time);
            Assert.Equal(before.PromiseAfter, reply.PromiseAfter);
        }
    }

    private static Trace Run(SparseSettings settings)
    {
        var trace = new Trace();
        LocalKernel.Run(new SparseTestModel(settings, trace), partitions: 1);
        return trace;
    }
}
