namespace FgsActors.Models.Fleet;

/// <summary>
/// A fleet input file (device table, availability trace) is malformed. The message always starts with
/// <c>file:line:</c> so a user can jump straight to the bad row; the CLI maps this to exit code 2.
/// </summary>
public sealed class FleetInputException : Exception
{
    /// <param name="file">The file name as the user gave it.</param>
    /// <param name="line">1-based line number; 0 when the problem concerns the whole file.</param>
    /// <param name="message">What was wrong, without the location prefix.</param>
    public FleetInputException(string file, int line, string message)
        : base(line > 0 ? $"{file}:{line}: {message}" : $"{file}: {message}")
    {
        FileName = file;
        Line = line;
        Detail = message;
    }

    /// <summary>The file name as the user gave it.</summary>
    public string FileName { get; }

    /// <summary>1-based line number of the offending row; 0 for whole-file problems.</summary>
    public int Line { get; }

    /// <summary>The message without the <c>file:line:</c> prefix.</summary>
    public string Detail { get; }

    /// <summary>The one message shape for a bad field: column, what was expected, what was found.</summary>
    public static FleetInputException ForColumn(string file, int line, string column, string expected, string found) =>
        new(file, line, $"column '{column}': expected {expected}, found {Quote(found)}");

    internal static string Quote(string found) => found.Length == 0 ? "an empty field" : $"'{found}'";
}
