namespace FgsActors.Cli.Tests.Support;

/// <summary>A fresh directory for one test's scenario files and run outputs, deleted afterwards.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "fgs-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Full path of <paramref name="name"/> inside this directory (nothing is created).</summary>
    public string At(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes a file with exactly <paramref name="text"/>; returns its full path.</summary>
    public string Write(string name, string text)
    {
        var path = At(name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>
    /// Writes a scenario that starts, like the shipped ones, by including the repository's reference.conf
    /// (by absolute path), followed by <paramref name="body"/> from line 2 on.
    /// </summary>
    public string Scenario(string name, string body) =>
        Write(name, $"include \"{Repo.ReferenceConf.Replace('\\', '/')}\"\n{body}\n");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp directory must not fail a test.
        }
    }
}
