using FgsActors.Cli.Reporting;
using FgsActors.Cli.Tests.Support;

namespace FgsActors.Cli.Tests.Reporting;

/// <summary><c>fgs report &lt;dir&gt;</c>: bad input is exit 2 with a message naming the directory or file.</summary>
public sealed class ReportCommandTests
{
    [Fact]
    public void Missing_directory_is_bad_input()
    {
        using var temp = new TempDir();
        var missing = temp.At("no-such-run");
        BadInputAssert.AssertRejected(Fgs.Run("report", missing), missing, "no such directory");
    }

    [Fact]
    public void Directory_without_summary_is_bad_input()
    {
        using var temp = new TempDir();
        temp.Write("rounds.csv", "round\n");
        BadInputAssert.AssertRejected(Fgs.Run("report", temp.Path), temp.Path, "not a run directory", "summary.json");
        Assert.False(File.Exists(temp.At(RunReport.FileName)));
    }

    [Fact]
    public void Malformed_summary_is_bad_input()
    {
        using var temp = new TempDir();
        temp.Write("summary.json", "{ \"seed\": ");
        BadInputAssert.AssertRejected(Fgs.Run("report", temp.Path), "summary.json");
        Assert.False(File.Exists(temp.At(RunReport.FileName)));
    }

    [Fact]
    public void Missing_argument_is_bad_input() =>
        Assert.Equal(ExitCodes.BadInput, Fgs.Run("report").ExitCode);

    [Fact]
    public void A_run_without_plot_data_gets_a_report_without_plots()
    {
        using var temp = new TempDir();
        temp.Write("summary.json", "{ \"scenario\": \"phold.conf\", \"model\": \"phold\", \"result_hash\": \"feed\" }");
        var result = Fgs.RunOk("report", temp.Path);
        Assert.Contains("0 plots", result.Out, StringComparison.Ordinal);
        Assert.Contains("No plots", File.ReadAllText(temp.At(RunReport.FileName)), StringComparison.Ordinal);
    }
}
