using FgsActors.Models.Availability;
using FgsActors.Models.Randomness;

namespace FgsActors.Models.Tests.Checkpoints;

public sealed class RenewalAvailabilityStateTests
{
    private static readonly RenewalProcess Process = new(OnOffDistribution.Weibull(0.8, 1_800), OnOffDistribution.Exponential(600),
        new DiurnalModulation(20, 0.5, DiurnalTarget.Both));

    [Fact]
    public void A_restored_device_continues_its_transitions_exactly()
    {
        var draws = new Xoshiro256StarStar(7);
        var churn = new RenewalAvailability(Process);
        var next = churn.NextTransition(0, draws.NextDouble);
        for (var i = 0; i < 5; i++) next = churn.NextTransition(next.TimeS, draws.NextDouble);

        var twin = new RenewalAvailability(Process);
        StateBytes.CopyInto(churn, twin);
        Assert.Equal(churn.IsOnline, twin.IsOnline);
        // Both go on with the same uniforms (the caller's generator, restored to the same position).
        var twinDraws = new Xoshiro256StarStar(1) { State = draws.State };
        var twinNext = next;
        for (var i = 0; i < 20; i++)
        {
            next = churn.NextTransition(next.TimeS, draws.NextDouble);
            twinNext = twin.NextTransition(twinNext.TimeS, twinDraws.NextDouble);
            Assert.Equal(next, twinNext);
            Assert.Equal(churn.IsOnline, twin.IsOnline);
        }
    }

    [Fact]
    public void A_device_saved_before_it_started_is_restored_unstarted()
    {
        var twin = new RenewalAvailability(Process);
        StateBytes.CopyInto(new RenewalAvailability(Process), twin);
        Assert.False(twin.Started);
    }

    [Fact]
    public void A_truncated_churn_state_throws()
    {
        var churn = new RenewalAvailability(Process);
        churn.NextTransition(0, new Xoshiro256StarStar(3).NextDouble);
        StateBytes.AssertEveryCutThrows(StateBytes.Save(churn), () => new RenewalAvailability(Process));
    }
}
