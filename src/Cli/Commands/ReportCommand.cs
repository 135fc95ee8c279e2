using System.CommandLine;
using FgsActors.Cli.Reporting;

namespace FgsActors.Cli.Commands;

/// <summary>
/// <c>fgs report &lt;dir&gt;</c>: rebuilds a finished run's plots (<see cref="RunPlots.WriteAll"/>) and writes
/// <c>report.html</c>, one self-contained page (<see cref="RunReport"/>), into the run directory. A missing directory,
/// one without summary.json, or a malformed run file is bad input (exit 2); a failure to write is exit 1.
/// </summary>
public static class ReportCommand
{
    public static Command Create(CliContext cli)
    {
        var directory = new Argument<string>("dir") { Description = "a run directory (holds summary.json), e.g. runs/quickstart-<timestamp>" };
        var command = new Command("report", "rebuild a run's plots and write report.html, one self-contained page, into its directory")
        {
            directory,
        };
        command.SetAction(parse => cli.Guard(() =>
        {
            var dir = parse.GetValue(directory)!;
            if (!Directory.Exists(dir)) throw new UsageException($"{dir}: no such directory");
            if (!File.Exists(Path.Combine(dir, RunReport.SummaryFile)))
                throw new UsageException($"{dir}: not a run directory (no {RunReport.SummaryFile}; 'fgs run' writes one)");
            try
            {
                var plots = RunPlots.WriteAll(dir);
                if (RunPlots.FontWarning is { } warning) cli.Error.WriteLine(warning);
                var report = RunReport.Write(dir);
                cli.Out.WriteLine($"{plots.Count} plots, report in {report}");
                return ExitCodes.Ok;
            }
            catch (InvalidDataException e)
            {
                throw new UsageException(e.Message);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                cli.Error.WriteLine($"error: could not write the report: {e.Message}");
                return ExitCodes.RunFailure;
            }
        }));
        return command;
    }
}
