using System.CommandLine;
using FgsActors.Actors.Configuration;
using FgsActors.Simulation.Configuration;

namespace FgsActors.Cli.Commands;

/// <summary><c>fgs config show</c>: the effective configuration of a scenario, each key with where it came from.</summary>
public static class ConfigShowCommand
{
    public static Command Create(CliContext cli)
    {
        var scenario = new Argument<string>("scenario") { Description = "scenario file (HOCON)" };
        var sets = CommonOptions.Set();
        var show = new Command("show", "print the effective configuration (reference.conf + scenario + --set), validated") { scenario, sets };
        show.SetAction(parse => cli.Guard(() =>
        {
            var loaded = HoconLoader.Load(parse.GetValue(scenario), parse.GetValue(sets));
            FgsSettings.Bind(loaded.Tree, Environment.ProcessorCount); // validate: show only what would run
            cli.Out.Write(ConfigRenderer.Render(loaded.Tree));
            return ExitCodes.Ok;
        }));
        return new Command("config", "inspect configuration") { show };
    }
}
