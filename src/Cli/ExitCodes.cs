namespace FgsActors.Cli;

/// <summary>Process exit codes of <c>fgs</c>.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>The run started but failed (a model error, an I/O failure while running).</summary>
    public const int RunFailure = 1;
    /// <summary>Bad input: arguments, config, data files. The message names what was wrong; no stack trace.</summary>
    public const int BadInput = 2;
}
