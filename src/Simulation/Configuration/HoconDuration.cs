using System.Globalization;
using System.Text.RegularExpressions;
using FgsActors.Simulation.Time;

namespace FgsActors.Simulation.Configuration;

/// <summary>
/// HOCON duration text (<c>100ms</c>, <c>1 h</c>, <c>0.1s</c>, <c>5 minutes</c>, <c>2d</c>) to virtual-time
/// ticks (1 tick = 1 ns, see <see cref="VirtualTime"/>). Units are those of the HOCON spec. A bare number
/// means seconds, not milliseconds as in the HOCON spec: simulated times are thought of in seconds, and
/// reference.conf says so. Arithmetic is decimal, so <c>0.1s</c> is exactly 100,000,000 ticks.
/// </summary>
public static partial class HoconDuration
{
    private const long Microsecond = 1_000;
    private const long Millisecond = 1_000_000;
    private const long Minute = 60 * VirtualTime.TicksPerSecond;
    private const long Hour = 60 * Minute;
    private const long Day = 24 * Hour;

    // Unit spellings from the HOCON spec's "Duration format", mapped to ticks.
    private static readonly Dictionary<string, long> TicksPerUnit = new(StringComparer.Ordinal)
    {
        ["ns"] = 1,
        ["nano"] = 1,
        ["nanos"] = 1,
        ["nanosecond"] = 1,
        ["nanoseconds"] = 1,
        ["us"] = Microsecond,
        ["micro"] = Microsecond,
        ["micros"] = Microsecond,
        ["microsecond"] = Microsecond,
        ["microseconds"] = Microsecond,
        ["ms"] = Millisecond,
        ["milli"] = Millisecond,
        ["millis"] = Millisecond,
        ["millisecond"] = Millisecond,
        ["milliseconds"] = Millisecond,
        ["s"] = VirtualTime.TicksPerSecond,
        ["second"] = VirtualTime.TicksPerSecond,
        ["seconds"] = VirtualTime.TicksPerSecond,
        ["m"] = Minute,
        ["minute"] = Minute,
        ["minutes"] = Minute,
        ["h"] = Hour,
        ["hour"] = Hour,
        ["hours"] = Hour,
        ["d"] = Day,
        ["day"] = Day,
        ["days"] = Day,
        [""] = VirtualTime.TicksPerSecond,
    };

    // Largest first, so Format picks the coarsest unit that states the value exactly.
    private static readonly (string Unit, long Ticks)[] FormatUnits =
        [("d", Day), ("h", Hour), ("m", Minute), ("s", VirtualTime.TicksPerSecond), ("ms", Millisecond), ("us", Microsecond), ("ns", 1)];

    /// <summary>
    /// Parses <paramref name="text"/> to a tick count rounded to the nearest nanosecond (ties to even, as
    /// <see cref="VirtualTime.FromSeconds"/>). The result is a decimal so that callers can range-check values
    /// beyond <see cref="long"/> before converting; magnitudes past decimal's range saturate.
    /// </summary>
    public static bool TryParse(string text, out decimal ticks)
    {
        ticks = 0;
        var match = Syntax().Match(text);
        if (!match.Success) return false;
        if (!TicksPerUnit.TryGetValue(match.Groups["unit"].Value, out var factor)) return false;
        if (!decimal.TryParse(match.Groups["number"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return false;
        ticks = Math.Abs(number) > decimal.MaxValue / factor
            ? Math.Sign(number) * decimal.MaxValue
            : Math.Round(number * factor, MidpointRounding.ToEven);
        return true;
    }

    /// <summary>Ticks as HOCON duration text in the coarsest exact unit, e.g. 100,000,000 → <c>100ms</c>.</summary>
    public static string Format(long ticks)
    {
        var (unit, size) = ticks == 0 ? ("s", VirtualTime.TicksPerSecond) : FormatUnits.First(u => ticks % u.Ticks == 0);
        return (ticks / size).ToString(CultureInfo.InvariantCulture) + unit;
    }

    [GeneratedRegex(@"^\s*(?<number>[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?)\s*(?<unit>[a-z]*)\s*$")]
    private static partial Regex Syntax();
}
