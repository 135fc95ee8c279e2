namespace FgsActors.Cli;

/// <summary>Range checks for command-line values, failing with a message that names the option.</summary>
public static class CliChecks
{
    public static int Positive(int value, string option) =>
        value >= 1 ? value : throw new UsageException($"{option}: expected an integer >= 1, found {value}");
}
