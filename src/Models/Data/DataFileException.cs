namespace FgsActors.Models.Data;

/// <summary>
/// A data file (IDX image or label file) is missing or malformed. The message always starts with <c>file:</c> and
/// says what was expected and what was found, so a user can tell a truncated download from a wrong file.
/// </summary>
public sealed class DataFileException : Exception
{
    /// <param name="file">The path of the offending file (or directory) as the caller gave it.</param>
    /// <param name="message">What was wrong, without the file prefix.</param>
    /// <param name="inner">The I/O or decompression error behind it, if any.</param>
    public DataFileException(string file, string message, Exception? inner = null)
        : base($"{file}: {message}", inner)
    {
        FileName = file;
        Detail = message;
    }

    /// <summary>The path of the offending file or directory.</summary>
    public string FileName { get; }

    /// <summary>The message without the <c>file:</c> prefix.</summary>
    public string Detail { get; }
}
