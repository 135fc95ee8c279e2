namespace FgsActors.Simulation.Configuration;

/// <summary>The <c>fgs.phold</c> section (Fujimoto's PHOLD benchmark); times in ticks (ns).</summary>
public sealed record PholdConfig(int Lps, int EventsPerLp, double Remote, long LookaheadTicks, long MeanTicks)
{
    internal static PholdConfig Bind(SettingsReader reader)
    {
        var lookahead = reader.GetDuration(FgsKeys.PholdLookahead, minTicks: 1);
        var mean = reader.GetDuration(FgsKeys.PholdMean);
        // Each delay is lookahead + Exp(mean - lookahead), so the mean cannot be below the lookahead.
        if (mean < lookahead)
        {
            throw ConfigException.InvalidValue(
                reader.Tree.Find(FgsKeys.PholdMean)!,
                $"a duration >= {FgsKeys.PholdLookahead} ({HoconDuration.Format(lookahead)})");
        }
        return new PholdConfig(
            reader.GetInt(FgsKeys.PholdLps, 1),
            reader.GetInt(FgsKeys.PholdEventsPerLp, 1),
            reader.GetProbability(FgsKeys.PholdRemote),
            lookahead,
            mean);
    }
}
