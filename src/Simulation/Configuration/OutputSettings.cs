using FgsActors.Simulation.Time;

namespace FgsActors.Simulation.Configuration;

/// <summary>Where results go, and how often a run checkpoints.</summary>
/// <param name="Dir">Output directory; empty means the default, runs/&lt;scenario&gt;-&lt;timestamp&gt;.</param>
/// <param name="CheckpointEveryRounds">Closed rounds between a fleet run's checkpoints; 0 for none except at a stop.</param>
/// <param name="CheckpointMinIntervalSeconds">Least wall-clock time between two checkpoints, s.</param>
public sealed record OutputSettings(string Dir, int CheckpointEveryRounds = 10, double CheckpointMinIntervalSeconds = 60)
{
    internal static OutputSettings Bind(SettingsReader reader) =>
        new(reader.GetString(FgsKeys.OutputDir), reader.GetInt(FgsKeys.OutputCheckpointEveryRounds, min: 0),
            VirtualTime.ToSeconds(reader.GetDuration(FgsKeys.OutputCheckpointMinInterval)));
}
