namespace FgsActors.Cli.Tests.Support;

/// <summary>Files of this repository, found by walking up from the test binaries to the folder holding FgsActors.sln.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string ReferenceConf => PathOf("config/reference.conf");

    public static string Quickstart => PathOf("config/scenarios/quickstart.conf");

    public static string PathOf(string relativePath) => Path.GetFullPath(Path.Combine(Root, relativePath));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FgsActors.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("FgsActors.sln not found above " + AppContext.BaseDirectory);
    }
}
