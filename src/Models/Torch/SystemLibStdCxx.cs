namespace FgsActors.Models.Torch;

/// <summary>
/// Finds the libstdc++ the dynamic linker will bind to and the newest GLIBCXX version it provides.
/// </summary>
public static class SystemLibStdCxx
{
    public const string FileName = "libstdc++.so.6";

    /// <summary>The ldconfig default directories, in the order Debian/Ubuntu and Fedora/RHEL use.</summary>
    public static readonly IReadOnlyList<string> SearchDirectories =
        ["/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib"];

    /// <summary>
    /// Path of the system libstdc++.so.6, or null. A copy already mapped into this process wins:
    /// the dynamic linker reuses a loaded library by soname, so that is the one that must satisfy
    /// the versions, even if it is not the one in the default directories.
    /// </summary>
    public static string? Locate()
    {
        if (LoadedCopy() is { } loaded)
            return loaded;
        return SearchDirectories.Select(d => Path.Combine(d, FileName)).FirstOrDefault(File.Exists);
    }

    /// <summary>The newest GLIBCXX_x.y.z the library at <paramref name="path"/> defines.</summary>
    public static GlibcxxVersion NewestProvided(string path)
    {
        var image = ElfImage.Parse(File.ReadAllBytes(path), path);
        return VersionDefinitions.ReadAll(image)
            .Select(GlibcxxVersion.TryParse)
            .OfType<GlibcxxVersion>()
            .Max()
            ?? throw new InvalidDataException($"{path}: defines no GLIBCXX_* version; is it really libstdc++?");
    }

    /// <summary>The newest GLIBCXX version of the system libstdc++; throws naming the searched paths if none.</summary>
    public static GlibcxxVersion NewestProvided() =>
        NewestProvided(Locate() ?? throw new FileNotFoundException(
            $"{FileName} not found (looked in /proc/self/maps and {string.Join(", ", SearchDirectories)})."));

    private static string? LoadedCopy()
    {
        const string maps = "/proc/self/maps";
        if (!File.Exists(maps))
            return null;
        foreach (var line in File.ReadLines(maps))
        {
            int slash = line.IndexOf('/');
            // The mapped file is the real name (libstdc++.so.6.0.30), not the soname link.
            if (slash >= 0 && Path.GetFileName(line[slash..]).StartsWith(FileName, StringComparison.Ordinal) && File.Exists(line[slash..]))
                return line[slash..];
        }
        return null;
    }
}
