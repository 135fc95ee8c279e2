using FgsActors.Models.Fleet;
using FgsActors.Actors.Kernel;
using FgsActors.Simulation.Configuration;

namespace FgsActors.Cli;

/// <summary>
/// Where a command writes and how its errors become exit codes: bad input → 2 with a one-line message,
/// a failed run → 1, never a stack trace for either.
/// </summary>
public sealed class CliContext(TextWriter output, TextWriter error)
{
    public TextWriter Out { get; } = output;
    public TextWriter Error { get; } = error;

    /// <summary>The process ends when the command returns (see <see cref="FgsCli.Run"/>).</summary>
    public bool ProcessExitsAfter { get; init; }

    public int Guard(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (UsageException e)
        {
            Error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (ConfigException e)
        {
            Error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (FgsActors.Models.Data.DataFileException e)
        {
            Error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (FleetInputException e)
        {
            Error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (FgsActors.Models.Checkpoints.CheckpointFormatException e)
        {
            Error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (KernelRunFailedException e)
        {
            Error.WriteLine($"run failed: {e.Message}");
            return ExitCodes.RunFailure;
        }
    }
}
