using System.Text.RegularExpressions;
using FgsActors.Cli.Commands;
using FgsActors.Cli.Tests.Support;

namespace FgsActors.Cli.Tests.Help;

/// <summary><c>fgs --version</c> prints a semantic version, the one summary.json records as fgs_version.</summary>
public sealed class VersionIsPrinted
{
    [Fact]
    public void Version_exits_0_and_prints_a_semantic_version()
    {
        var result = Fgs.Run("--version");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Matches(new Regex(@"^\d+\.\d+\.\d+"), result.Out.Trim());
    }

    // Now, in-process: prints "18.0.1", the version of the test host. System.CommandLine's --version reports
    // Assembly.GetEntryAssembly(), which is fgs.dll only when fgs is the process (there it prints
    // 0.1.0+<commit>). FgsCli.Run is documented as callable in-process, so --version should print the version
    // of the fgs assembly (RunCommand.Version, as summary.json's fgs_version does).
    [Fact]
    public void Version_is_the_fgs_version_recorded_in_summaries()
    {
        var result = Fgs.Run("--version");

        Assert.StartsWith(RunCommand.Version, result.Out.Trim(), StringComparison.Ordinal);
    }
}
