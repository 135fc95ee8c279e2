using FgsActors.Cli.Tests.Support;

namespace FgsActors.Cli.Tests.BadInput;

/// <summary>
/// "Nothing already written is lost": <c>--out</c> naming a file, or a directory that already holds a run,
/// is refused before anything is written, and what was there is left byte for byte.
/// </summary>
public sealed class OutputDirectoryNeverOverwritesAResult
{
    [Fact]
    public void Out_naming_an_existing_file_is_refused_and_the_file_kept()
    {
        using var temp = new TempDir();
        var file = temp.Write("results.txt", "precious\n");

        var result = Fgs.Run("run", Repo.Quickstart, "--out", file, "--quiet");

        BadInputAssert.AssertRejected(result, "--out", "results.txt");
        Assert.Equal("precious\n", File.ReadAllText(file));
    }

    [Fact]
    public void Out_naming_a_directory_with_a_summary_is_refused_and_its_files_kept()
    {
        using var temp = new TempDir();
        var dir = temp.At("earlier-run");
        Directory.CreateDirectory(dir);
        const string summary = "{\"result_hash\": \"earlier\", \"complete\": true}\n";
        const string effective = "fgs.run.seed = 42  # earlier\n";
        File.WriteAllText(Path.Combine(dir, "summary.json"), summary);
        File.WriteAllText(Path.Combine(dir, "config.effective.conf"), effective);

        var result = Fgs.Run("run", Repo.Quickstart, "--out", dir, "--quiet");

        BadInputAssert.AssertRejected(result, "--out", "summary.json");
        Assert.Equal(summary, File.ReadAllText(Path.Combine(dir, "summary.json")));
        Assert.Equal(effective, File.ReadAllText(Path.Combine(dir, "config.effective.conf")));
        Assert.Equal(2, Directory.GetFileSystemEntries(dir).Length);
    }
}
