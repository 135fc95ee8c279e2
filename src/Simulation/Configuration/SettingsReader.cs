using System.Globalization;
using System.Numerics;

namespace FgsActors.Simulation.Configuration;

/// <summary>
/// Typed, range-checked reads from a <see cref="ConfigTree"/>. Every getter either returns a valid value or
/// throws a <see cref="ConfigException"/> whose message names the key, where it was set, the expected type
/// and range, and the text found, so that a user never has to guess what to write.
/// </summary>
public sealed class SettingsReader(ConfigTree tree)
{
    private const string AutoWord = "auto";

    public ConfigTree Tree { get; } = tree;

    public int GetInt(string path, int min = int.MinValue, int max = int.MaxValue) => GetInteger(path, min, max);

    public long GetLong(string path, long min = long.MinValue, long max = long.MaxValue) => GetInteger(path, min, max);

    public ulong GetULong(string path, ulong min = ulong.MinValue, ulong max = ulong.MaxValue) => GetInteger(path, min, max);

    /// <summary>An integer, or the word <c>auto</c> (any case), which yields <paramref name="autoValue"/>.</summary>
    public int GetIntOrAuto(string path, int min, int max, int autoValue)
    {
        var expected = IntegerExpectation(min, max) + $" or \"{AutoWord}\"";
        var entry = Scalar(path, expected);
        if (string.Equals(entry.Value, AutoWord, StringComparison.OrdinalIgnoreCase)) return autoValue;
        return TryParseInteger<int>(entry.Value!, out var value) && value >= min && value <= max
            ? value
            : throw ConfigException.InvalidValue(entry, expected);
    }

    /// <summary>
    /// An integer in [<paramref name="min"/>, <paramref name="max"/>], or <paramref name="word"/> (any case), which
    /// yields null: <c>all</c>, <c>auto</c> where the caller resolves what the word means.
    /// </summary>
    public int? GetIntOrWord(string path, string word, int min = int.MinValue, int max = int.MaxValue)
    {
        var expected = IntegerExpectation(min, max) + $" or \"{word}\"";
        var entry = Scalar(path, expected);
        if (string.Equals(entry.Value, word, StringComparison.OrdinalIgnoreCase)) return null;
        return TryParseInteger<int>(entry.Value!, out var value) && value >= min && value <= max
            ? value
            : throw ConfigException.InvalidValue(entry, expected);
    }

    /// <summary>
    /// A scalar with a syntax of its own (such as <c>cuda:N</c>): <paramref name="parse"/> returns the value it stands
    /// for, or null when the text is not valid, which is reported with <paramref name="expected"/>.
    /// </summary>
    public T GetParsed<T>(string path, string expected, Func<string, T?> parse)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(parse);
        var entry = Scalar(path, expected);
        return parse(entry.Value!) ?? throw ConfigException.InvalidValue(entry, expected);
    }

    /// <summary>A finite number within the bounds; each bound is inclusive unless marked exclusive.</summary>
    public double GetDouble(
        string path,
        double min = double.NegativeInfinity,
        double max = double.PositiveInfinity,
        bool minExclusive = false,
        bool maxExclusive = false) =>
        GetDouble(path, min, max, minExclusive, maxExclusive, "a number" + NumberRange(min, max, minExclusive, maxExclusive));

    /// <summary>
    /// A finite number within the bounds (as <see cref="GetDouble(string, double, double, bool, bool)"/>), or
    /// <paramref name="word"/> (any case), which yields null: <c>unlimited</c>, <c>mains</c>, <c>none</c>, <c>auto</c>.
    /// </summary>
    public double? GetDoubleOrWord(
        string path,
        string word,
        double min = double.NegativeInfinity,
        double max = double.PositiveInfinity,
        bool minExclusive = false,
        bool maxExclusive = false)
    {
        var expected = "a number" + NumberRange(min, max, minExclusive, maxExclusive) + $" or \"{word}\"";
        var entry = Scalar(path, expected);
        if (string.Equals(entry.Value, word, StringComparison.OrdinalIgnoreCase)) return null;
        return GetDouble(path, min, max, minExclusive, maxExclusive, expected);
    }

    /// <summary>A number in [0, 1].</summary>
    public double GetProbability(string path) => GetDouble(path, 0, 1, false, false, "a probability in [0, 1]");

    /// <summary>HOCON booleans: true/false, yes/no, on/off (any case).</summary>
    public bool GetBool(string path)
    {
        const string expected = "true or false (yes/no and on/off also work)";
        var entry = Scalar(path, expected);
        return entry.Value!.ToLowerInvariant() switch
        {
            "true" or "yes" or "on" => true,
            "false" or "no" or "off" => false,
            _ => throw ConfigException.InvalidValue(entry, expected),
        };
    }

    /// <summary>Any scalar text (not null, not a list).</summary>
    public string GetString(string path) => Scalar(path, "a string").Value!;

    /// <summary>
    /// A file path (any scalar text), resolved against the directory of the config file that set it (see
    /// <see cref="ConfigPaths.Resolve"/>); empty stays empty.
    /// </summary>
    public string GetPath(string path) => ConfigPaths.Resolve(Scalar(path, "a file path (empty for none)"));

    /// <summary>One of <paramref name="words"/>, matched case-insensitively; returns the word as spelled in <paramref name="words"/>.</summary>
    public string GetEnum(string path, params string[] words)
    {
        var expected = "one of " + string.Join(", ", words);
        var entry = Scalar(path, expected);
        return words.FirstOrDefault(w => string.Equals(w, entry.Value, StringComparison.OrdinalIgnoreCase))
            ?? throw ConfigException.InvalidValue(entry, expected);
    }

    /// <summary>One of the words of <paramref name="choices"/> (as <see cref="GetEnum(string, string[])"/>), as the value it stands for.</summary>
    public T GetChoice<T>(string path, IReadOnlyList<(string Word, T Value)> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var word = GetEnum(path, choices.Select(c => c.Word).ToArray());
        return choices.First(c => c.Word == word).Value;
    }

    /// <summary>A duration (see <see cref="HoconDuration"/>) as virtual-time ticks (ns), within [min, max] ticks.</summary>
    public long GetDuration(string path, long minTicks = 0, long maxTicks = long.MaxValue)
    {
        var expected = "a duration such as 100ms, 1 h or 0.1s (a bare number means seconds)" + DurationRange(minTicks, maxTicks);
        var entry = Scalar(path, expected);
        var parsed = HoconDuration.TryParse(entry.Value!, out var ticks);
        // Virtual time is int64 nanoseconds and its largest value means "never", so that value is out too.
        if (parsed && ticks >= minTicks && ticks <= maxTicks && ticks < long.MaxValue) return (long)ticks;
        if (parsed && ticks >= long.MaxValue) expected += " and at most 106751d (the int64-nanosecond range)";
        throw ConfigException.InvalidValue(entry, expected);
    }

    // The leaf at path holding a non-null scalar, or an error that says what should be there.
    private ConfigEntry Scalar(string path, string expected)
    {
        var entry = Tree.Find(path);
        if (entry is null)
        {
            throw Tree.ObjectPaths.Contains(path)
                ? ConfigException.FoundObject(path, Tree.Under(path).FirstOrDefault()?.Origin, expected)
                : ConfigException.Missing(path, expected);
        }
        return entry.Value is null ? throw ConfigException.InvalidValue(entry, expected) : entry;
    }

    private T GetInteger<T>(string path, T min, T max)
        where T : struct, IBinaryInteger<T>, IMinMaxValue<T>
    {
        var expected = IntegerExpectation(min, max);
        var entry = Scalar(path, expected);
        if (TryParseInteger<T>(entry.Value!, out var value) && value >= min && value <= max) return value;
        // A whole number too large for the type would otherwise read as "expected >= 1, found 3000000000".
        if (max == T.MaxValue && System.Numerics.BigInteger.TryParse(entry.Value!.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var big) && big > System.Numerics.BigInteger.CreateChecked(max))
            expected += $" and at most {Invariant(max)}";
        throw ConfigException.InvalidValue(entry, expected);
    }

    private double GetDouble(string path, double min, double max, bool minExclusive, bool maxExclusive, string expected)
    {
        var entry = Scalar(path, expected);
        var ok = double.TryParse(entry.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value)
            && (minExclusive ? value > min : value >= min)
            && (maxExclusive ? value < max : value <= max);
        return ok ? value : throw ConfigException.InvalidValue(entry, expected);
    }

    private static bool TryParseInteger<T>(string text, out T value)
        where T : struct, IBinaryInteger<T> =>
        T.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    private static string IntegerExpectation<T>(T min, T max)
        where T : IBinaryInteger<T>, IMinMaxValue<T>
    {
        // Unsigned types state their floor of 0, which is not obvious from the word "integer".
        var (hasMin, hasMax) = (min != T.MinValue || T.IsZero(min), max != T.MaxValue);
        return "an integer" + (hasMin, hasMax) switch
        {
            (true, true) => $" in [{Invariant(min)}, {Invariant(max)}]",
            (true, false) => $" >= {Invariant(min)}",
            (false, true) => $" <= {Invariant(max)}",
            _ => "",
        };
    }

    private static string NumberRange(double min, double max, bool minExclusive, bool maxExclusive)
    {
        var (hasMin, hasMax) = (!double.IsNegativeInfinity(min), !double.IsPositiveInfinity(max));
        return (hasMin, hasMax) switch
        {
            (true, true) => $" in {(minExclusive ? '(' : '[')}{Invariant(min)}, {Invariant(max)}{(maxExclusive ? ')' : ']')}",
            (true, false) => $" {(minExclusive ? ">" : ">=")} {Invariant(min)}",
            (false, true) => $" {(maxExclusive ? "<" : "<=")} {Invariant(max)}",
            _ => "",
        };
    }

    private static string DurationRange(long minTicks, long maxTicks) => (minTicks > 0, maxTicks < long.MaxValue) switch
    {
        (true, true) => $" in [{HoconDuration.Format(minTicks)}, {HoconDuration.Format(maxTicks)}]",
        (true, false) => $" >= {HoconDuration.Format(minTicks)}",
        (false, true) => $" <= {HoconDuration.Format(maxTicks)}",
        _ => "",
    };

    private static string Invariant<T>(T value)
        where T : IFormattable => value.ToString(null, CultureInfo.InvariantCulture);
}
