using FgsActors.Models.Federated;

namespace FgsActors.Models.Tests.Federated;

/// <summary>
/// The re-validation policy driven by hand-built fidelity sequences: which rounds train, what the timeline records and
/// which baseline each check compares with.
/// </summary>
public sealed class RevalidationPolicyTests
{
    private static GeneratorFidelity Local(double? mean) => new(10, 2, 1, 0.9, mean, mean is { } m ? m + 1 : null, mean is null ? 0 : 4);

    private static RevalidationPolicy Policy(RevalidationAction action, int trainRounds, int retrainRounds = 2, double threshold = 1.5) =>
        new(new RevalidationSettings(action, threshold, trainRounds, retrainRounds));

    private static bool[] Training(RevalidationPolicy policy, int rounds) => Enumerable.Range(0, rounds).Select(policy.WantsTraining).ToArray();

    [Fact]
    public void Retrain_freezes_after_the_training_rounds_and_retrains_for_exactly_the_retrain_rounds_once_local_fid_rises()
    {
        var policy = Policy(RevalidationAction.Retrain, trainRounds: 3, retrainRounds: 2);
        Assert.Equal([true, true, true, false, false, false], Training(policy, 6));

        policy.Observe(0, 300, Local(10));
        policy.Observe(1, 600, Local(8));
        policy.Observe(2, 900, Local(6)); // last training round: baseline 6, freeze
        Assert.False(policy.WantsTraining(3));
        policy.Observe(3, 1200, Local(9)); // 9 = 1.5 × 6 is not above the threshold
        Assert.False(policy.WantsTraining(4));
        policy.Observe(4, 1500, Local(9.5)); // 9.5 > 9: retrain rounds 5 and 6
        Assert.Equal([true, true, false, false], new[] { 5, 6, 7, 8 }.Select(policy.WantsTraining).ToArray());
        policy.Observe(5, 1800, Local(20)); // retraining: no check
        policy.Observe(6, 2100, Local(7)); // last retraining round: new baseline 7, freeze
        Assert.False(policy.WantsTraining(7));
        policy.Observe(7, 2400, Local(10.5)); // 10.5 = 1.5 × 7: no
        policy.Observe(8, 2700, Local(10.6)); // above: retrain rounds 9 and 10
        Assert.Equal([true, true, false], new[] { 9, 10, 11 }.Select(policy.WantsTraining).ToArray());

        var timeline = policy.Timeline;
        Assert.Equal(["", "", "freeze", "", "retrain", "", "freeze", "", "retrain"], timeline.Select(e => e.Action));
        Assert.Equal([true, true, true, false, false, true, true, false, false], timeline.Select(e => e.Training));
        Assert.Equal([null, null, 6, 6, 6, 6, 7, 7, 7], timeline.Select(e => e.Baseline));
        Assert.Equal(Enumerable.Range(0, 9), timeline.Select(e => e.Round));
        Assert.Equal(2700, timeline[^1].TimeS);
        Assert.Equal(10.6, timeline[^1].Fidelity.LocalFidMean);
        Assert.Equal(2, policy.Retrainings);
        Assert.Equal(0, policy.Flags);
    }

    [Fact]
    public void With_evaluations_every_second_round_the_first_evaluation_after_freezing_sets_the_baseline()
    {
        // fgs.training.eval-every = 2: only odd rounds are evaluated, so neither round 2 (the last of the initial
        // training) nor round 8 (the last of the retraining) is; the generator has not changed since, so the next
        // evaluation measures the deployed generator.
        var policy = Policy(RevalidationAction.Retrain, trainRounds: 3, retrainRounds: 3);

        policy.Observe(1, 1, Local(8));
        policy.Observe(3, 3, Local(6)); // frozen since round 3: baseline 6
        policy.Observe(5, 5, Local(10)); // 10 > 9: retrain rounds 6, 7 and 8
        Assert.Equal([true, true, true, false], new[] { 6, 7, 8, 9 }.Select(policy.WantsTraining).ToArray());
        policy.Observe(7, 7, Local(5)); // retraining: no check
        policy.Observe(9, 9, Local(7)); // frozen again: baseline 7
        policy.Observe(11, 11, Local(10.4)); // 10.4 ≤ 10.5
        policy.Observe(13, 13, Local(11)); // retrain

        Assert.Equal(["", "freeze", "retrain", "", "freeze", "", "retrain"], policy.Timeline.Select(e => e.Action));
        Assert.Equal([null, 6, 6, 6, 7, 7, 7], policy.Timeline.Select(e => e.Baseline));
        Assert.Equal([true, false, false, true, false, false, false], policy.Timeline.Select(e => e.Training));
        Assert.Equal(2, policy.Retrainings);
    }

    [Fact]
    public void Flag_records_the_rise_and_never_changes_which_rounds_train()
    {
        var policy = Policy(RevalidationAction.Flag, trainRounds: 3);
        var before = Training(policy, 12);

        double[] locals = [10, 8, 6, 9, 9.5, 12, 5, 9.1];
        for (var round = 0; round < locals.Length; round++) policy.Observe(round, round * 300.0, Local(locals[round]));

        Assert.Equal(before, Training(policy, 12));
        Assert.Equal([true, true, true, false, false, false, false, false, false, false, false, false], before);
        // The baseline stays the frozen value 6 (a frozen generator never re-baselines, even on a lower reading).
        Assert.Equal(["", "", "freeze", "", "flag", "flag", "", "flag"], policy.Timeline.Select(e => e.Action));
        Assert.All(policy.Timeline.Skip(2), e => Assert.Equal(6, e.Baseline));
        Assert.Equal(3, policy.Flags);
        Assert.Equal(0, policy.Retrainings);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void None_never_flags_or_retrains(int trainRounds)
    {
        var policy = Policy(RevalidationAction.None, trainRounds);
        var before = Training(policy, 10);

        double[] locals = [10, 8, 6, 60, 100, 1, 1000];
        for (var round = 0; round < locals.Length; round++) policy.Observe(round, round, Local(locals[round]));

        Assert.Equal(before, Training(policy, 10));
        Assert.DoesNotContain(policy.Timeline, e => e.Action is "flag" or "retrain");
        Assert.Equal((0, 0), (policy.Flags, policy.Retrainings));
        // Without initial training rounds the generator is never frozen.
        Assert.Equal(trainRounds == 0, before.All(t => t));
    }

    [Fact]
    public void Without_training_rounds_the_generator_is_never_frozen_and_flag_compares_with_the_best_value_so_far()
    {
        var policy = Policy(RevalidationAction.Flag, trainRounds: 0);

        double[] locals = [10, 12, 8, 12, 12.5, 7, 10.6];
        for (var round = 0; round < locals.Length; round++) policy.Observe(round, round, Local(locals[round]));

        Assert.All(Enumerable.Range(0, 1000), r => Assert.True(policy.WantsTraining(r)));
        Assert.Equal([10, 10, 8, 8, 8, 7, 7], policy.Timeline.Select(e => e.Baseline));
        // 12 ≤ 1.5 × 8 = 12; 12.5 > 12 flags; 10.6 > 1.5 × 7 = 10.5 flags.
        Assert.Equal(["", "", "", "", "flag", "", "flag"], policy.Timeline.Select(e => e.Action));
        Assert.All(policy.Timeline, e => Assert.True(e.Training));
        Assert.Equal(2, policy.Flags);
    }

    [Fact]
    public void Retrain_without_training_rounds_never_stops_training_nor_retrains()
    {
        var policy = Policy(RevalidationAction.Retrain, trainRounds: 0);

        double[] locals = [10, 100, 1000];
        for (var round = 0; round < locals.Length; round++) policy.Observe(round, round, Local(locals[round]));

        Assert.All(Enumerable.Range(0, 100), r => Assert.True(policy.WantsTraining(r)));
        Assert.Equal(0, policy.Retrainings);
        Assert.All(policy.Timeline, e => Assert.Equal("", e.Action));
    }

    [Theory]
    [InlineData(RevalidationAction.Flag, 0)]
    [InlineData(RevalidationAction.Flag, 2)]
    [InlineData(RevalidationAction.Retrain, 2)]
    public void A_missing_local_fid_never_fires_nor_moves_the_baseline(RevalidationAction action, int trainRounds)
    {
        var policy = Policy(action, trainRounds);
        var before = Training(policy, 8);

        policy.Observe(0, 0, Local(5));
        policy.Observe(1, 1, Local(4));
        for (var round = 2; round < 6; round++) policy.Observe(round, round, Local(null));

        Assert.Equal(before, Training(policy, 8));
        Assert.Equal((0, 0), (policy.Flags, policy.Retrainings));
        Assert.All(policy.Timeline.Skip(2), e => Assert.Equal(4, e.Baseline));
        Assert.All(policy.Timeline.Skip(2), e => Assert.Equal("", e.Action));
    }

    [Fact]
    public void Without_any_local_fid_there_is_no_baseline_and_nothing_fires()
    {
        var policy = Policy(RevalidationAction.Flag, trainRounds: 0);

        for (var round = 0; round < 4; round++) policy.Observe(round, round, Local(null));

        Assert.All(policy.Timeline, e => Assert.Null(e.Baseline));
        Assert.All(policy.Timeline, e => Assert.Equal("", e.Action));
    }

    [Theory]
    [InlineData(1.0, 0, 1)]
    [InlineData(0.5, 0, 1)]
    [InlineData(double.NaN, 0, 1)]
    [InlineData(1.5, -1, 1)]
    [InlineData(1.5, 0, 0)]
    [InlineData(1.5, 0, -2)]
    public void Invalid_settings_are_refused(double threshold, int trainRounds, int retrainRounds)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new RevalidationPolicy(new RevalidationSettings(RevalidationAction.Retrain, threshold, trainRounds, retrainRounds)));
    }

    [Fact]
    public void Nulls_are_refused_and_the_off_settings_are_valid()
    {
        Assert.Throws<ArgumentNullException>(() => new RevalidationPolicy(null!));
        var off = new RevalidationPolicy(RevalidationSettings.Off);
        Assert.Throws<ArgumentNullException>(() => off.Observe(0, 0, null!));
        Assert.True(off.WantsTraining(int.MaxValue - 1));
    }
}
