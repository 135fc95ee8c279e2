namespace FgsActors.Cli;

/// <summary>Process exit codes of <c>fgs</c>.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>The run started but failed (a model error, an I/O failure while running).</summary>
    public const int RunFailure = 1;
    /// <summary>Bad input: arguments, config, data files. The message names what was wrong; no stack trace.</summary>
    public const int BadInput = 2;
    /// <summary>Stopped by Ctrl-C (SIGINT) at a safe point: results so far were written, summary.json says incomplete (128 + 2).</summary>
    public const int Interrupted = 130;
    /// <summary>Stopped by SIGTERM at a safe point, as <see cref="Interrupted"/> (128 + 15).</summary>
    public const int Terminated = 143;
}
