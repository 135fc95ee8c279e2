namespace FgsActors.Cli.Tests.Support;

/// <summary>What one in-process invocation of <c>fgs</c> returned and wrote.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Err)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Out}\n--- stderr ---\n{Err}";
}

/// <summary>Runs <see cref="FgsCli.Run"/> in this process with captured standard output and error.</summary>
internal static class Fgs
{
    public static CliResult Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = FgsCli.Run(args, output, error);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs and fails the test unless the exit code is 0 (the message shows both streams).</summary>
    public static CliResult RunOk(params string[] args)
    {
        var result = Run(args);
        Assert.True(result.ExitCode == ExitCodes.Ok, $"fgs {string.Join(' ', args)} failed: {result}");
        return result;
    }
}
