using System.Runtime.InteropServices;

namespace FgsActors.Cli.Hosting;

/// <summary>
/// Turns Ctrl-C (SIGINT) and SIGTERM into a stop request for the run in progress instead of killing the process, so the
/// run can end at its next safe point and write what it has. A second signal while stopping is left to the default
/// handler (the process ends), so a stuck run can still be killed.
/// </summary>
public sealed class StopSignals : IDisposable
{
    public const string Interrupt = "SIGINT";
    public const string Terminate = "SIGTERM";

    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;
    private string? _signal;

    public StopSignals()
    {
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Request(context, Interrupt));
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Request(context, Terminate));
    }

    /// <summary>Cancelled when a stop was requested.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>The first signal received, or null.</summary>
    public string? Signal => Volatile.Read(ref _signal);

    private void Request(PosixSignalContext context, string signal)
    {
        if (Interlocked.CompareExchange(ref _signal, signal, null) is not null) return; // second signal: default action
        context.Cancel = true;
        _stop.Cancel();
    }

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _stop.Dispose();
    }
}
