namespace FgsActors.Simulation.Kernel;

/// <summary>A model broke a rule the kernel relies on (a delay below the lookahead, a broken promise, an unknown target).</summary>
public sealed class KernelViolationException(string message) : Exception(message);
