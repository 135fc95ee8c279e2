namespace FgsActors.Actors.Tests.Configuration;

/// <summary>Files of this repository (config/...), found by walking up from the test binaries to FgsActors.sln.</summary>
internal static class RepositoryFiles
{
    public static string PathOf(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FgsActors.sln"))) return Path.Combine(dir.FullName, relativePath);
        }
        throw new InvalidOperationException("FgsActors.sln not found above " + AppContext.BaseDirectory);
    }
}
