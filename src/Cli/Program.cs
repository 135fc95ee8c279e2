namespace FgsActors.Cli;

public static class Program
{
    public static int Main(string[] args) => FgsCli.Run(args, Console.Out, Console.Error, processExitsAfter: true);
}
