using System.CommandLine;
using System.CommandLine.Invocation;
using FgsActors.Cli.Commands;

namespace FgsActors.Cli;

/// <summary>
/// Prints fgs's own version. System.CommandLine's default prints the entry assembly's, which is not fgs
/// when the CLI runs in-process (tests, embedding).
/// </summary>
public sealed class VersionAction : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine(RunCommand.Version);
        return ExitCodes.Ok;
    }
}
