namespace FgsActors.Simulation.Configuration;

/// <summary>Where results go.</summary>
/// <param name="Dir">Output directory; empty means the default, runs/&lt;scenario&gt;-&lt;timestamp&gt;.</param>
public sealed record OutputSettings(string Dir)
{
    internal static OutputSettings Bind(SettingsReader reader) => new(reader.GetString(FgsKeys.OutputDir));
}
