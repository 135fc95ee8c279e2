using System.CommandLine;
using FgsActors.Cli.Commands;

namespace FgsActors.Cli;

/// <summary>The <c>fgs</c> command tree. <see cref="Run"/> is the whole program, callable in-process by tests.</summary>
public static class FgsCli
{
    /// <param name="processExitsAfter">
    /// True when the process ends right after this call (the real program): a run may then leave its actor system for
    /// the exit to end instead of stopping 10^5..10^6 actors one by one. Tests call in-process and keep the default.
    /// </param>
    public static int Run(string[] args, TextWriter output, TextWriter error, bool processExitsAfter = false)
    {
        var cli = new CliContext(output, error) { ProcessExitsAfter = processExitsAfter };
        var bench = new Command("bench", "benchmarks of the kernel that print figures")
        {
            BenchPholdCommand.Create(cli),
            BenchSparseCommand.Create(cli),
            BenchFleetCommand.Create(cli),
            BenchTrainCommand.Create(cli),
            BenchMemoryCommand.Create(cli),
            BenchFidCommand.Create(cli),
            BenchGenerativeCommand.Create(cli),
        };
        var root = new RootCommand("fgs: actor-model discrete-event simulator for federated generative learning on edge fleets")
        {
            RunCommand.Create(cli),
            ConfigShowCommand.Create(cli),
            MetricsCommand.Create(cli),
            SweepCommand.Create(cli),
            ReportCommand.Create(cli),
            bench,
        };
        foreach (var option in root.Options)
        {
            if (option is VersionOption version) version.Action = new VersionAction();
        }
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors) error.WriteLine($"error: {ParseErrorMessages.Describe(problem.Message, parse)}");
            error.WriteLine("run 'fgs --help' (or 'fgs <command> --help') for usage");
            return ExitCodes.BadInput;
        }
        return parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
