using FgsActors.Simulation.Events;
using FgsActors.Simulation.Federation;
using FgsActors.Simulation.Tests.Federation.Checkpoints;
using FgsActors.Simulation.Time;

namespace FgsActors.Simulation.Tests.Federation;

public sealed class AggregatorRetryTests
{
    private static long S(double seconds) => VirtualTime.FromSeconds(seconds);

    /// <summary>
    /// First-k with k′ = 1 of two invited devices: both download the broadcast, then both uploads end together, device 0's
    /// with a second of retransmission waits. Device 1's update closes round 0, device 0 is cancelled and at once invited to round 1;
    /// when device 0's waits are over, its round-0 upload must not count for round 1 (nor release it from round 1).
    /// </summary>
    [Fact]
    public void An_upload_still_in_its_retransmission_waits_when_its_device_is_invited_again_concludes_nothing()
    {
        var scenario = FleetScenarios.Build(devices: FleetScenarios.MixedFleet(2), churn: ChurnSettings.AlwaysOnline, endS: 3_600,
            aggregator: FleetScenarios.Sync(k: 2, overCommit: 1.0, policy: StragglerPolicy.FirstK, target: 1));
        var model = new FleetModel(scenario);
        var aggregator = (AggregatorEntity)model.CreateEntity(FleetLayout.AggregatorId);
        SimEvent CheckIn(int device) => new(S(1), FleetLayout.AggregatorId, FleetLayout.DeviceId(device), 0, FleetEventKinds.CheckIn, 1, null, nonTriggering: true);
        SimEvent Accept(int device) => new(S(61), FleetLayout.AggregatorId, FleetLayout.LinkId(device), 0, FleetEventKinds.Accept, 0,
            new TransferRequest(device, 0, 1_000, 1e6, VirtualTime.Infinity, Fails: false, 0));
        SimEvent Upload(int device, double retryS) => new(S(62), FleetLayout.AggregatorId, FleetLayout.LinkId(device), 1, FleetEventKinds.Upload, 0,
            new TransferRequest(device, 0, 1_000, 1e6, VirtualTime.Infinity, Fails: false, S(retryS)));

        var transcript = SoloRun.Drive(aggregator, FleetLayout.AggregatorId, model.Seed, model.Lookahead,
            [CheckIn(0), CheckIn(1), Accept(0), Accept(1), Upload(0, retryS: 1), Upload(1, retryS: 0)], until: S(70), start: true);

        Assert.Equal(2, aggregator.Rounds.Count);
        Assert.Equal((1, 2, 0), (aggregator.Rounds[0].Completed, aggregator.Rounds[1].Selected, aggregator.Rounds[1].Completed));
        Assert.True(aggregator.Accepted(1, 0));
        Assert.False(aggregator.Accepted(0, 0));
        Assert.False(aggregator.Accepted(0, 1));
        var acks = transcript.Where(line => line.Contains($"kind={FleetEventKinds.Ack} ")).ToArray();
        Assert.Equal($"to={FleetLayout.LinkId(1)}", Assert.Single(acks).Split(' ')[2]);
    }

    /// <summary>
    /// Async, one device working at a time: device 0 times out and is invited again in the same round; an upload request
    /// from its first invitation that arrives after that (a leftover on the link) must not be taken for the new
    /// invitation — before the broadcast of the new invitation was delivered, an upload cannot belong to it. Taking it
    /// released the device with its new download still in the channel, and the download's end then found no participant.
    /// </summary>
    [Fact]
    public void An_upload_left_over_from_a_timed_out_invitation_is_ignored_after_the_device_is_invited_again()
    {
        var scenario = FleetScenarios.Build(devices: FleetScenarios.MixedFleet(1), churn: ChurnSettings.AlwaysOnline, endS: 3_600,
            aggregator: FleetScenarios.Async(concurrency: 1, buffer: 5, timeoutS: 100));
        var model = new FleetModel(scenario);
        var aggregator = (AggregatorEntity)model.CreateEntity(FleetLayout.AggregatorId);
        var link = FleetLayout.LinkId(0);
        var checkIn = new SimEvent(S(1), FleetLayout.AggregatorId, FleetLayout.DeviceId(0), 0, FleetEventKinds.CheckIn, 1, null, nonTriggering: true);
        // The first invitation (round 0, sent when the round starts at the first check-in instant) times out after 100 s
        // without the device ever accepting; the second invitation's broadcast is accepted and takes 10 s; meanwhile the
        // leftover upload of the first invitation arrives.
        var accept = new SimEvent(S(200), FleetLayout.AggregatorId, link, 0, FleetEventKinds.Accept, 0,
            new TransferRequest(0, 0, 10e6, 1e6, VirtualTime.Infinity, Fails: false, 0));
        var leftover = new SimEvent(S(201), FleetLayout.AggregatorId, link, 1, FleetEventKinds.Upload, 0,
            new TransferRequest(0, 0, 1_000, 1e6, VirtualTime.Infinity, Fails: false, 0));

        var transcript = SoloRun.Drive(aggregator, FleetLayout.AggregatorId, model.Seed, model.Lookahead, [checkIn, accept, leftover], until: S(260), start: true);

        Assert.Equal(0, aggregator.Rounds[0].Completed);
        Assert.False(aggregator.Accepted(0, 0));
        Assert.DoesNotContain(transcript, line => line.Contains($"kind={FleetEventKinds.Ack} "));
        // The new invitation's broadcast is delivered (the aggregator still knows its participant when it ends).
        Assert.Contains(transcript, line => line.Contains($"kind={FleetEventKinds.DownloadDone} "));
    }
}
