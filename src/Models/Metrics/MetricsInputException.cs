namespace FgsActors.Models.Metrics;

/// <summary>
/// A metrics input file (feature vectors, class probabilities) is malformed or unusable. The message starts with
/// <c>file:line:</c> when one row is at fault and with <c>file:</c> when the whole file is; the CLI maps it to
/// exit code 2.
/// </summary>
public sealed class MetricsInputException : Exception
{
    /// <param name="file">The file name as the user gave it.</param>
    /// <param name="line">1-based physical line number; 0 when the problem concerns the whole file.</param>
    /// <param name="message">What was wrong, without the location prefix.</param>
    public MetricsInputException(string file, int line, string message)
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
}
