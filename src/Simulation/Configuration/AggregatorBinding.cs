using FgsActors.Simulation.Federation;

namespace FgsActors.Simulation.Configuration;

/// <summary>Reads <c>fgs.aggregator</c>: synchronous rounds (K, over-commit, deadline, stragglers) or FedBuff-style buffering.</summary>
internal static class AggregatorBinding
{
    /// <summary>Word of <c>target-updates</c> meaning "clients-per-round".</summary>
    public const string AutoTarget = "auto";

    private static readonly (string Word, AggregationMode Mode)[] ModeWords =
        [("sync", AggregationMode.Sync), ("async", AggregationMode.Async)];

    private static readonly (string Word, StragglerPolicy Policy)[] PolicyWords =
        [("drop-late", StragglerPolicy.DropLate), ("first-k", StragglerPolicy.FirstK)];

    public static AggregatorSettings Bind(SettingsReader reader)
    {
        var mode = reader.GetChoice(FgsKeys.AggregatorMode, ModeWords);
        var clients = reader.GetInt(FgsKeys.AggregatorClientsPerRound, 1);
        var overCommit = reader.GetDouble(FgsKeys.AggregatorOverCommit, 1);
        if (clients * overCommit > int.MaxValue)
        {
            throw ConfigException.InvalidValue(
                reader.Tree.Find(FgsKeys.AggregatorOverCommit)!,
                $"a number >= 1 for which {FgsKeys.AggregatorClientsPerRound} ({clients}) × over-commit is at most {int.MaxValue}");
        }
        var deadline = reader.GetDuration(FgsKeys.AggregatorDeadline, minTicks: 1);
        var policy = reader.GetChoice(FgsKeys.AggregatorStragglerPolicy, PolicyWords);
        // Invited = ⌈K × over-commit⌉, computed by the settings record itself so the bound cannot disagree with it.
        var invited = new AggregatorSettings(mode, clients, overCommit, deadline, policy, 1, 1, 1, 1).Invited;
        var target = reader.GetIntOrAuto(FgsKeys.AggregatorTargetUpdates, 1, int.MaxValue, clients);
        if (target > invited)
        {
            throw ConfigException.InvalidValue(
                reader.Tree.Find(FgsKeys.AggregatorTargetUpdates)!,
                $"an integer in [1, {invited}] (the devices invited per round, ⌈{FgsKeys.AggregatorClientsPerRound} × " +
                $"{FgsKeys.AggregatorOverCommit}⌉) or \"{AutoTarget}\"");
        }
        return new AggregatorSettings(
            mode,
            clients,
            overCommit,
            deadline,
            policy,
            target,
            reader.GetDuration(FgsKeys.AggregatorCheckInPeriod, minTicks: 1),
            reader.GetInt(FgsKeys.AggregatorBufferSize, 1),
            reader.GetInt(FgsKeys.AggregatorConcurrency, 1))
        {
            MaxRounds = reader.GetInt(FgsKeys.AggregatorMaxRounds, 0),
        };
    }
}
