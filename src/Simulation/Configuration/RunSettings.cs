namespace FgsActors.Simulation.Configuration;

/// <summary>What to run: the workload, its seed, when virtual time stops, and the run's name.</summary>
/// <param name="Model"><see cref="Phold"/>, <see cref="Sparse"/> or <see cref="Fleet"/>.</param>
/// <param name="Seed">Master seed; every random stream derives from it.</param>
/// <param name="EndTicks">Virtual end time in ticks (ns).</param>
/// <param name="Name">Label used in output directory names and results.</param>
public sealed record RunSettings(string Model, ulong Seed, long EndTicks, string Name)
{
    public const string Phold = "phold";
    public const string Sparse = "sparse";
    public const string Fleet = "fleet";

    /// <summary>reference.conf's placeholder name: a run still called this is named after its scenario file.</summary>
    public const string DefaultName = "default";

    // The name becomes part of a directory name, so it must be one valid path segment on every OS.
    private static readonly char[] ForbiddenInName = ['/', '\\', ':', '*', '?', '"', '<', '>', '|'];

    internal static RunSettings Bind(SettingsReader reader)
    {
        var name = reader.GetString(FgsKeys.RunName);
        if (name.Length == 0 || name.IndexOfAny(ForbiddenInName) >= 0 || name.Any(char.IsControl) || name is "." or "..")
        {
            throw ConfigException.InvalidValue(reader.Tree.Find(FgsKeys.RunName)!, "a non-empty name without / \\ : * ? \" < > | or control characters");
        }
        return new RunSettings(
            reader.GetEnum(FgsKeys.RunModel, Phold, Sparse, Fleet),
            reader.GetULong(FgsKeys.RunSeed),
            reader.GetDuration(FgsKeys.RunEnd, minTicks: 1),
            name);
    }
}
