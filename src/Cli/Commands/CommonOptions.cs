using System.CommandLine;

namespace FgsActors.Cli.Commands;

/// <summary>Options shared by several verbs.</summary>
public static class CommonOptions
{
    /// <summary><c>--set key=value</c>, repeatable; applied after the scenario file, in order.</summary>
    public static Option<string[]> Set() => new("--set")
    {
        Description = "override a config key, e.g. --set fgs.kernel.partitions=4 (repeatable)",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.ZeroOrMore,
        DefaultValueFactory = _ => [],
    };
}
