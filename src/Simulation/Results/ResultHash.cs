using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FgsActors.Simulation.Results;

/// <summary>
/// The <c>result_hash</c> of a run: SHA-256 over its deterministic outputs, written as
/// "name=value" lines in a fixed order. Layout figures (windows, partitions, wall time) are excluded, so
/// the hash depends only on (configuration, seed) and tests can compare it across layouts.
/// </summary>
public sealed class ResultHash
{
    private readonly StringBuilder _text = new();

    public ResultHash Add(string name, long value) => Add(name, value.ToString(CultureInfo.InvariantCulture));

    public ResultHash Add(string name, ulong value) => Add(name, value.ToString(CultureInfo.InvariantCulture));

    public ResultHash Add(string name, string value)
    {
        if (name.Contains('=') || name.Contains('\n') || value.Contains('\n'))
            throw new ArgumentException($"result field '{name}' must not contain '=' or new lines");
        _text.Append(name).Append('=').Append(value).Append('\n');
        return this;
    }

    /// <summary>Lower-case hex SHA-256 of the fields added so far.</summary>
    public string Compute() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(_text.ToString())));
}
