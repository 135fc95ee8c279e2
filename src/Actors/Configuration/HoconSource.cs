using Akka.Configuration;
using Akka.Configuration.Hocon;
using FgsActors.Simulation.Configuration;

namespace FgsActors.Actors.Configuration;

/// <summary>
/// One layer of configuration: a file (together with the files it includes), the built-in reference, or one
/// <c>--set</c>. Text is checked by <see cref="HoconOutlineScanner"/> before Akka.NET's parser reads it, and
/// every failure becomes a <see cref="ConfigFileException"/> naming the file and line.
/// </summary>
internal sealed class HoconSource
{
    private readonly string _display;
    private readonly string? _origin;
    private readonly string _text;
    private readonly HoconOutline _outline;
    private readonly IReadOnlyDictionary<string, HoconSource> _includes;
    private readonly bool _showLines;

    // display: how errors name the source; origin: what every key reports as its origin, null meaning
    // "display:line" per key.
    private HoconSource(string display, string text, string? origin, bool showLines, string? directory, IReadOnlyList<string> chain)
    {
        _display = display;
        _text = text;
        _origin = origin;
        _showLines = showLines;
        _outline = Guard(() => HoconOutlineScanner.Scan(text));
        _includes = ResolveIncludes(directory, chain);
    }

    /// <summary>Reads <paramref name="path"/> and, recursively, what it includes (relative to the including file).</summary>
    public static HoconSource FromFile(string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath)) throw new ConfigFileException(DisplayPath(fullPath), null, $"file not found (looked for {fullPath})");
        return Load(fullPath, [fullPath]);
    }

    /// <summary>
    /// A source that is not a file (no includes allowed); every key reports <paramref name="origin"/>, and
    /// errors name a line only when <paramref name="showLines"/> (pointless for a one-line --set).
    /// </summary>
    public static HoconSource FromText(string text, string display, string origin, bool showLines) =>
        new(display, text, origin, showLines, directory: null, chain: []);

    /// <summary>Parses with Akka.NET, resolving includes.</summary>
    public Config Parse() => new(ParseRoot());

    /// <summary>Each key this source defines, as (path, origin), in document order with includes spliced in where they stand.</summary>
    public IEnumerable<(string Path, string Origin)> Definitions(string prefix = "")
    {
        foreach (var item in _outline.Items)
        {
            switch (item)
            {
                case KeyDefinition key:
                    yield return (Join(prefix, key.Path), _origin ?? $"{_display}:{key.Line}");
                    break;
                case IncludeDirective include:
                    foreach (var definition in _includes[include.Target].Definitions(Join(prefix, include.Prefix))) yield return definition;
                    break;
            }
        }
    }

    private static HoconSource Load(string fullPath, IReadOnlyList<string> chain)
    {
        var display = DisplayPath(fullPath);
        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigFileException(display, null, $"cannot read the file: {e.Message}", e);
        }
        return new HoconSource(display, text, origin: null, showLines: true, Path.GetDirectoryName(fullPath), chain);
    }

    private Dictionary<string, HoconSource> ResolveIncludes(string? directory, IReadOnlyList<string> chain)
    {
        var includes = new Dictionary<string, HoconSource>(StringComparer.Ordinal);
        foreach (var include in _outline.Items.OfType<IncludeDirective>())
        {
            if (includes.ContainsKey(include.Target)) continue;
            if (directory is null) throw Error(include.Line, "include is only allowed in files");
            var target = Path.GetFullPath(Path.Combine(directory, include.Target));
            if (!File.Exists(target)) throw Error(include.Line, $"include \"{include.Target}\": file not found (looked for {target})");
            if (chain.Contains(target))
            {
                var cycle = string.Join(" -> ", chain.SkipWhile(p => p != target).Append(target).Select(DisplayPath));
                throw Error(include.Line, $"include \"{include.Target}\" makes a cycle: {cycle}");
            }
            includes[include.Target] = Load(target, [.. chain, target]);
        }
        return includes;
    }

    // Every parse builds a fresh tree: Akka merges an included tree into the includer in place, so a tree
    // parsed once and included twice would be changed by the first includer.
    private HoconRoot ParseRoot() => Guard(() => Parser.Parse(_text, target => _includes[target].ParseRoot()));

    private T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (HoconSyntaxException e)
        {
            throw Error(e.Line, e.Message);
        }
        catch (Exception e) when (e is not ConfigException)
        {
            var (line, problem) = AkkaParseErrors.Describe(e, _text);
            throw Error(line, problem, e);
        }
    }

    private ConfigFileException Error(int? line, string problem, Exception? inner = null) =>
        new(_display, _showLines ? line : null, problem, inner);

    private static string Join(string prefix, string path) => prefix.Length == 0 ? path : path.Length == 0 ? prefix : prefix + "." + path;

    /// <summary>A path as users see it: relative to the working directory when inside it, else absolute.</summary>
    private static string DisplayPath(string fullPath)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, fullPath);
        var outside = Path.IsPathRooted(relative) || relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return outside ? fullPath : relative;
    }
}
