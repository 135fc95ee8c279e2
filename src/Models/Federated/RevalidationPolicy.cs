using FgsActors.Models.Checkpoints;

namespace FgsActors.Models.Federated;

/// <summary>What re-validation does when a generator's local FID has risen past its threshold.</summary>
public enum RevalidationAction
{
    /// <summary>Nothing: the generator trains every round and no check is made.</summary>
    None,

    /// <summary>Record a flag in the drift timeline; training goes on as scheduled.</summary>
    Flag,

    /// <summary>Train the generator again for <see cref="RevalidationSettings.RetrainRounds"/> rounds, then freeze it again.</summary>
    Retrain,
}

/// <summary>The re-validation policy of a federated generator.</summary>
/// <param name="Action">What happens when local FID rises too far.</param>
/// <param name="Threshold">
/// Rise factor (> 1): the check fires when the mean local FID exceeds Threshold × the baseline, the mean local FID
/// measured when the generator was last frozen (or, if it never freezes, the lowest seen so far).
/// </param>
/// <param name="TrainRounds">Rounds of initial training before the generator is frozen (deployed); 0: never frozen.</param>
/// <param name="RetrainRounds">Rounds a retraining lasts (>= 1).</param>
public sealed record RevalidationSettings(RevalidationAction Action, double Threshold, int TrainRounds, int RetrainRounds)
{
    public static RevalidationSettings Off { get; } = new(RevalidationAction.None, 1.5, 0, 1);
}

/// <summary>One evaluation in the drift timeline (drift.csv).</summary>
/// <param name="Round">Round after which the generator was evaluated.</param>
/// <param name="TimeS">Virtual time of the evaluation, s.</param>
/// <param name="Training">Whether that round trained the generator (false: frozen, evaluation only).</param>
/// <param name="Fidelity">The evaluation's figures.</param>
/// <param name="Baseline">Mean local FID the check compares with; null before there is one.</param>
/// <param name="Action">"" (nothing), "freeze", "flag" or "retrain".</param>
public sealed record DriftTimelineEntry(int Round, double TimeS, bool Training, GeneratorFidelity Fidelity, double? Baseline, string Action);

/// <summary>
/// Periodic re-validation of a deployed generator (issue 5's drift study): the generator trains for
/// <see cref="RevalidationSettings.TrainRounds"/> rounds and is then frozen, so devices stop spending energy on it; every
/// evaluation compares the current synthetic data with the devices' current real data (mean local FID), and when that
/// has risen past threshold × the value at freezing, the policy flags it or retrains for a while and freezes again with
/// a new baseline. Driven by the aggregator alone (evaluations and round starts), so its state needs no locking.
/// Its state (the timeline, the training horizon, the baseline and the counters) goes into checkpoints: drift.csv
/// and the decisions after a resume need all of it.
/// </summary>
public sealed class RevalidationPolicy : IStateful
{
    private readonly RevalidationSettings _settings;
    private readonly List<DriftTimelineEntry> _timeline = new();
    private int _trainUntil; // rounds below this index train
    private double? _baseline;
    private bool _awaitingBaseline; // a training stretch has ended (or will) and no evaluation since has set the baseline

    public RevalidationPolicy(RevalidationSettings settings)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        if (!(settings.Threshold > 1)) throw new ArgumentOutOfRangeException(nameof(settings), settings.Threshold, "the threshold is a rise factor > 1");
        ArgumentOutOfRangeException.ThrowIfNegative(settings.TrainRounds);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.RetrainRounds, 1);
        _trainUntil = settings.TrainRounds == 0 ? int.MaxValue : settings.TrainRounds;
        _awaitingBaseline = settings.TrainRounds > 0;
    }

    /// <summary>Every evaluation so far, in order.</summary>
    public IReadOnlyList<DriftTimelineEntry> Timeline => _timeline;

    /// <summary>Retrainings started so far.</summary>
    public int Retrainings { get; private set; }

    /// <summary>Flags raised so far.</summary>
    public int Flags { get; private set; }

    /// <summary>Whether <paramref name="round"/> trains the generator.</summary>
    public bool WantsTraining(int round) => round < _trainUntil;

    /// <summary>Takes the evaluation made after <paramref name="round"/> and decides what comes next.</summary>
    public void Observe(int round, double timeS, GeneratorFidelity fidelity)
    {
        ArgumentNullException.ThrowIfNull(fidelity);
        var training = WantsTraining(round);
        var action = "";
        var local = fidelity.LocalFidMean;
        if (_awaitingBaseline && round + 1 >= _trainUntil)
        {
            // The first evaluation of the (re)deployed generator: normally the last training round's; when evaluations
            // come only every few rounds (fgs.training.eval-every), the first one after it, as the frozen weights have
            // not changed since. Its local FID is what later checks compare with.
            _baseline = local;
            _awaitingBaseline = false;
            action = "freeze";
        }
        else if (_settings.TrainRounds == 0 && local is { } continuous && (_baseline is null || continuous < _baseline))
        {
            _baseline = continuous; // never frozen: compare with the best seen so far
        }
        else if (_settings.Action != RevalidationAction.None && local is { } current && _baseline is { } baseline
            && current > _settings.Threshold * baseline && (!training || _settings.TrainRounds == 0))
        {
            if (_settings.Action == RevalidationAction.Flag)
            {
                Flags++;
                action = "flag";
            }
            else if (!training)
            {
                Retrainings++;
                _trainUntil = round + 1 + _settings.RetrainRounds;
                _awaitingBaseline = true;
                action = "retrain";
            }
        }
        _timeline.Add(new DriftTimelineEntry(round, timeS, training, fidelity, _baseline, action));
    }

    public void SaveState(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(_trainUntil);
        writer.WriteNullable(_baseline);
        writer.Write(_awaitingBaseline);
        writer.Write(Retrainings);
        writer.Write(Flags);
        writer.Write(_timeline.Count);
        foreach (var entry in _timeline)
        {
            writer.Write(entry.Round);
            writer.Write(entry.TimeS);
            writer.Write(entry.Training);
            writer.WriteFidelity(entry.Fidelity);
            writer.WriteNullable(entry.Baseline);
            writer.Write(entry.Action);
        }
    }

    public void LoadState(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _trainUntil = reader.ReadInt32();
        _baseline = reader.ReadNullableDouble();
        _awaitingBaseline = reader.ReadBoolean();
        Retrainings = reader.ReadInt32();
        Flags = reader.ReadInt32();
        var count = reader.ReadCount("drift timeline entries");
        _timeline.Clear();
        for (var i = 0; i < count; i++)
        {
            var round = reader.ReadInt32();
            var timeS = reader.ReadDouble();
            var training = reader.ReadBoolean();
            var fidelity = reader.ReadFidelity() ?? throw new CheckpointFormatException($"drift timeline entry {i} has no fidelity");
            var baseline = reader.ReadNullableDouble();
            var action = reader.ReadString();
            if (action is not ("" or "freeze" or "flag" or "retrain"))
                throw new CheckpointFormatException($"drift timeline entry {i} has the unknown action '{action}'");
            _timeline.Add(new DriftTimelineEntry(round, timeS, training, fidelity, baseline, action));
        }
    }
}
