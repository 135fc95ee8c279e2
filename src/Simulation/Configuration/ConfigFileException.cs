namespace FgsActors.Simulation.Configuration;

/// <summary>
/// A configuration source that cannot be read or parsed: a missing file or include, or HOCON syntax the
/// parser cannot accept. The message starts with <c>file:line:</c> (or <c>file:</c> when no line is known)
/// like a compiler diagnostic, so editors and terminals can jump to it.
/// </summary>
public sealed class ConfigFileException(string file, int? line, string problem, Exception? innerException = null)
    : ConfigException(
        $"{Locate(file, line)}: {problem}",
        origin: Locate(file, line),
        innerException: innerException)
{
    /// <summary>The file as shown to the user (relative to the working directory when inside it).</summary>
    public string File { get; } = file;

    /// <summary>1-based line of the problem, when known.</summary>
    public int? Line { get; } = line;

    /// <summary>The problem without the location prefix.</summary>
    public string Problem { get; } = problem;

    private static string Locate(string file, int? line) => line is null ? file : $"{file}:{line}";
}
