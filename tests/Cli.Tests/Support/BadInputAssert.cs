using System.Text.RegularExpressions;

namespace FgsActors.Cli.Tests.Support;

/// <summary>
/// The contract for bad input: exit code 2, nothing on standard output (which is kept for results), and a
/// message on standard error that names what was wrong, without a stack trace or .NET type names.
/// </summary>
internal static partial class BadInputAssert
{
    public static void AssertRejected(CliResult result, params string[] mentions)
    {
        Assert.True(result.ExitCode == ExitCodes.BadInput, $"expected exit code 2 (bad input): {result}");
        Assert.True(result.Out.Trim().Length == 0, $"expected nothing on stdout for bad input: {result}");
        Assert.False(string.IsNullOrWhiteSpace(result.Err), $"expected a message on stderr: {result}");
        foreach (var mention in mentions)
        {
            Assert.True(result.Err.Contains(mention, StringComparison.Ordinal), $"expected stderr to name '{mention}': {result}");
        }
        AssertNoInternals(result.Err);
    }

    /// <summary>No stack-trace lines, no exception or System/Akka/FgsActors type names.</summary>
    public static void AssertNoInternals(string text)
    {
        Assert.False(StackFrame().IsMatch(text), $"stack trace in: {text}");
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", text, StringComparison.Ordinal);
        Assert.False(TypeName().IsMatch(text), $"internal type name in: {text}");
    }

    /// <summary>A failed <c>run</c> leaves no summary.json: only a complete run may claim a result.</summary>
    public static void AssertNoSummary(string outDir) =>
        Assert.False(File.Exists(Path.Combine(outDir, "summary.json")), $"summary.json written to {outDir} by a rejected run");

    [GeneratedRegex(@"^\s+at \S", RegexOptions.Multiline)]
    private static partial Regex StackFrame();

    // Namespaced names such as FgsActors.Actors.Kernel.EntityDelivery or Akka.Configuration.Hocon...; the
    // product name "Akka.NET" is allowed (messages may say which parser has a limit).
    [GeneratedRegex(@"\b(FgsActors|Akka)\.(?!NET\b)[A-Z]")]
    private static partial Regex TypeName();
}
