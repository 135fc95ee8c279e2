using System.Security.Cryptography;

namespace FgsActors.Models.Torch;

/// <summary>
/// Where patched copies live: <c>$XDG_CACHE_HOME/fgs/torchsharp/&lt;sha256 of the original&gt;/&lt;name&gt;</c>
/// (default <c>~/.cache</c>). Keying by the original's hash means a TorchSharp upgrade gets a fresh
/// copy and two apps with the same package share one, and nothing in the app folder is modified.
/// </summary>
internal static class PatchedLibraryCache
{
    public static string Root()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var baseDir = !string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg) ? xdg
            : !string.IsNullOrEmpty(home) ? Path.Combine(home, ".cache")
            : Path.GetTempPath();
        return Path.Combine(baseDir, "fgs", "torchsharp");
    }

    public static string HashOf(byte[] original) => Convert.ToHexStringLower(SHA256.HashData(original));

    /// <summary>
    /// Returns the cached path for <paramref name="fileName"/>, writing <paramref name="patched"/>
    /// there unless <paramref name="isValid"/> accepts an existing file. The write goes to a
    /// unique temporary name and is renamed into place, so concurrent processes never load a
    /// half-written library.
    /// </summary>
    public static string Store(string originalHash, string fileName, byte[] patched, Func<string, bool> isValid)
    {
        var dir = Path.Combine(Root(), originalHash);
        var target = Path.Combine(dir, fileName);
        if (File.Exists(target) && isValid(target))
            return target;
        try
        {
            Directory.CreateDirectory(dir);
            var temp = Path.Combine(dir, $".{fileName}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
            File.WriteAllBytes(temp, patched);
            File.Move(temp, target, overwrite: true);
            return target;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException(
                $"Could not write the patched {fileName} to {target}: {e.Message} " +
                "Set XDG_CACHE_HOME to a writable folder.", e);
        }
    }
}
