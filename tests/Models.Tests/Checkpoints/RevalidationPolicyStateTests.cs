using FgsActors.Models.Federated;

namespace FgsActors.Models.Tests.Checkpoints;

/// <summary>
/// The re-validation policy's checkpoint state: a twin loaded mid-run has the same timeline and counters and decides
/// the rest of the run as the original does.
/// </summary>
public sealed class RevalidationPolicyStateTests
{
    private static GeneratorFidelity Local(double? mean) => new(10.5, 2.25, 0.8, 0.875, mean, mean is { } m ? m + 1 : null, mean is null ? 0 : 4);

    private static RevalidationPolicy Policy(RevalidationAction action, int trainRounds) =>
        new(new RevalidationSettings(action, 1.5, trainRounds, RetrainRounds: 2));

    /// <summary>Trains rounds 0–2, freezes with baseline 6, retrains rounds 5 and 6 after round 4's rise.</summary>
    private static RevalidationPolicy RetrainingMidway()
    {
        var policy = Policy(RevalidationAction.Retrain, trainRounds: 3);
        double?[] means = [10, null, 6, 9, 9.5, 20];
        for (var round = 0; round < means.Length; round++)
            policy.Observe(round, 300.0 * (round + 1) + 0.125, Local(means[round]));
        return policy;
    }

    private static void Continue(RevalidationPolicy policy, int fromRound, params double?[] means)
    {
        for (var k = 0; k < means.Length; k++)
            policy.Observe(fromRound + k, 1_000.0 * (fromRound + k), Local(means[k]));
    }

    [Fact]
    public void A_twin_loaded_in_a_retraining_stretch_has_the_same_state_and_takes_the_same_decisions()
    {
        var original = RetrainingMidway();
        var twin = Policy(RevalidationAction.Retrain, trainRounds: 3);

        StateBytes.CopyInto(original, twin);

        Assert.Equal(["", "", "freeze", "", "retrain", ""], twin.Timeline.Select(e => e.Action));
        Assert.Equal(original.Timeline, twin.Timeline);
        Assert.Equal(1, twin.Retrainings);
        // Round 6 ends the retraining: its evaluation sets the new baseline (7); round 8's rise retrains again.
        Continue(original, 6, 7, 10.5, 10.6, 3);
        Continue(twin, 6, 7, 10.5, 10.6, 3);
        Assert.Equal(original.Timeline, twin.Timeline);
        Assert.Equal(["freeze", "", "retrain", ""], twin.Timeline.Skip(6).Select(e => e.Action));
        Assert.Equal(Enumerable.Range(0, 14).Select(original.WantsTraining), Enumerable.Range(0, 14).Select(twin.WantsTraining));
        Assert.Equal((2, 0), (twin.Retrainings, twin.Flags));
        Assert.Equal(StateBytes.Save(original), StateBytes.Save(twin));
    }

    [Fact]
    public void A_fresh_policy_given_the_same_evaluations_decides_otherwise()
    {
        // The state matters: without it the policy has never retrained, so round 6 is a frozen round, not the last of a
        // retraining.
        var fresh = Policy(RevalidationAction.Retrain, trainRounds: 3);
        var restored = Policy(RevalidationAction.Retrain, trainRounds: 3);
        StateBytes.Load(restored, StateBytes.Save(RetrainingMidway()));

        Continue(fresh, 6, 7);
        Continue(restored, 6, 7);

        Assert.NotEqual(fresh.Timeline[^1], restored.Timeline[^1]);
        Assert.True(restored.WantsTraining(6));
        Assert.False(fresh.WantsTraining(6));
    }

    [Fact]
    public void A_flagging_policy_that_never_freezes_keeps_its_best_baseline_and_flag_count()
    {
        var original = Policy(RevalidationAction.Flag, trainRounds: 0);
        Continue(original, 0, 8, 5, 9, null, 7.6);
        var twin = Policy(RevalidationAction.Flag, trainRounds: 0);

        StateBytes.CopyInto(original, twin);
        Continue(original, 5, 7.4, 4, 6.1);
        Continue(twin, 5, 7.4, 4, 6.1);

        // Best so far 5: 9 and 7.6 are above 7.5, then 7.4 is not; 4 is the new best, and 6.1 > 6 flags.
        Assert.Equal(["", "", "flag", "", "flag", "", "", "flag"], twin.Timeline.Select(e => e.Action));
        Assert.Equal(original.Timeline, twin.Timeline);
        Assert.Equal(3, twin.Flags);
        Assert.Equal(StateBytes.Save(original), StateBytes.Save(twin));
    }

    [Fact]
    public void A_cut_off_policy_state_fails_to_load()
    {
        StateBytes.AssertEveryCutThrows(StateBytes.Save(RetrainingMidway()), Policy(RevalidationAction.Retrain, trainRounds: 3));
    }
}
