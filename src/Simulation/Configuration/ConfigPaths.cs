namespace FgsActors.Simulation.Configuration;

/// <summary>
/// File paths given in configuration (device tables, availability traces). A relative path is relative to the
/// directory of the config file that set it, as includes are, so a scenario and its data files move together;
/// a path from <c>--set</c> or from the reference configuration is relative to the working directory.
/// </summary>
public static class ConfigPaths
{
    /// <summary>
    /// The path of <paramref name="entry"/>'s value, resolved against the directory of its origin file (the
    /// <c>file</c> of a <c>file:line</c> origin). Empty stays empty (meaning "no file"); absolute stays as it is.
    /// The result is relative to the working directory when the origin was, so messages show short paths.
    /// </summary>
    public static string Resolve(ConfigEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var value = entry.Value ?? "";
        if (value.Length == 0 || Path.IsPathRooted(value)) return value;
        var file = OriginFile(entry.Origin);
        var directory = file is null ? null : Path.GetDirectoryName(file);
        return string.IsNullOrEmpty(directory) ? value : Path.Combine(directory, value);
    }

    /// <summary>The file part of a <c>file:line</c> origin; null for <c>--set</c>, <c>reference.conf</c> and other origins without a line.</summary>
    public static string? OriginFile(string origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        var colon = origin.LastIndexOf(':');
        if (colon <= 0 || colon == origin.Length - 1) return null;
        for (var i = colon + 1; i < origin.Length; i++)
        {
            if (!char.IsAsciiDigit(origin[i])) return null;
        }
        return origin[..colon];
    }

    /// <summary>
    /// Runs <paramref name="load"/> on the file at <paramref name="path"/>, turning a file that cannot be opened into a
    /// <see cref="ConfigException"/> naming <paramref name="key"/>. Errors in the file's content (the readers'
    /// <c>FleetInputException</c>, which name file and line) pass through unchanged.
    /// </summary>
    public static T Load<T>(string key, string path, Func<string, T> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        try
        {
            return load(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var problem = e is FileNotFoundException or DirectoryNotFoundException
                ? $"file not found (looked for {Path.GetFullPath(path)})"
                : e.Message;
            const string expected = "a readable file";
            throw new ConfigException($"config key '{key}': cannot read '{path}': {problem}", key, expected, path, innerException: e);
        }
    }
}
